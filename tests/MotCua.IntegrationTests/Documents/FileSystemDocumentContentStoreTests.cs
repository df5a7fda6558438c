using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Documents;

namespace MotCua.IntegrationTests.Documents;

public sealed class FileSystemDocumentContentStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PutAsync_Pdf_StoresUnderShardedSha256Path()
    {
        var bytes = SampleFiles.Pdf();
        var expectedSha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var result = await CreateStore().PutAsync(new MemoryStream(bytes), "application/pdf", "don-de-nghi.pdf", Ct);

        Assert.Equal(new StoredContent(expectedSha, bytes.Length, DocumentContentTypes.Pdf), result.Value);
        var stored = Path.Combine(expectedSha[..2], expectedSha[2..4], expectedSha);
        Assert.Equal([stored], _folder.Files());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(_folder.Path, stored), Ct));
    }

    [Fact]
    public async Task PutAsync_SameContentTwice_StoresOnce()
    {
        var store = CreateStore();
        var bytes = SampleFiles.Png();

        var first = await store.PutAsync(new MemoryStream(bytes), "image/png", "a.png", Ct);
        var second = await store.PutAsync(new TrickleStream(bytes, 100), null, "b.PNG", Ct);

        Assert.Equal(first.Value, second.Value);
        Assert.Single(_folder.Files());
    }

    [Fact]
    public async Task PutAsync_StoredFileDamagedFromOutside_IsReplaced()
    {
        var store = CreateStore();
        var bytes = SampleFiles.Pdf();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var path = Path.Combine(_folder.Path, sha[..2], sha[2..4], sha);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes[..100], Ct);

        var result = await store.PutAsync(new MemoryStream(bytes), null, null, Ct);

        Assert.Equal(sha, result.Value.Sha256Hex);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path, Ct));
    }

    [Theory]
    [InlineData("pdf", DocumentContentTypes.Pdf)]
    [InlineData("jpeg", DocumentContentTypes.Jpeg)]
    [InlineData("png", DocumentContentTypes.Png)]
    [InlineData("docx", DocumentContentTypes.Docx)]
    [InlineData("xlsx", DocumentContentTypes.Xlsx)]
    [InlineData("odt", DocumentContentTypes.Odt)]
    [InlineData("ods", DocumentContentTypes.Ods)]
    public async Task PutAsync_AllowedFormatWithoutDeclaredType_IsDetectedFromBytes(string kind, string expected)
    {
        var bytes = kind switch
        {
            "pdf" => SampleFiles.Pdf(),
            "jpeg" => SampleFiles.Jpeg(),
            "png" => SampleFiles.Png(),
            "docx" => SampleFiles.Docx(),
            "xlsx" => SampleFiles.Xlsx(),
            "odt" => SampleFiles.Odt(),
            _ => SampleFiles.Odt("application/vnd.oasis.opendocument.spreadsheet"),
        };

        var result = await CreateStore().PutAsync(new TrickleStream(bytes), "application/octet-stream", null, Ct);

        Assert.Equal(expected, result.Value.ContentType);
    }

    [Fact]
    public async Task PutAsync_LargerThanLimitFromForwardOnlyStream_ReturnsTooLargeAndLeavesNothing()
    {
        var result = await CreateStore(maxBytes: 10_000).PutAsync(new TrickleStream(SampleFiles.Pdf(10_001), 1000), "application/pdf", "a.pdf", Ct);

        Assert.Equal(new DocumentTooLargeError(10_000), result.Error);
        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task PutAsync_LargerThanLimitFromSeekableStream_ReturnsTooLargeWithoutReading()
    {
        var stream = new MemoryStream(SampleFiles.Pdf(20 * 1024 * 1024 + 1));

        var result = await CreateStore().PutAsync(stream, "application/pdf", "a.pdf", Ct);

        Assert.Equal(new DocumentTooLargeError(20 * 1024 * 1024), result.Error);
        Assert.Equal("Tệp vượt quá dung lượng cho phép (20 MB).", result.Error.Message);
        Assert.Equal(0, stream.Position);
        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task PutAsync_ExactlyAtLimit_IsStored()
    {
        var result = await CreateStore(maxBytes: 10_000).PutAsync(new TrickleStream(SampleFiles.Pdf(10_000), 999), null, null, Ct);

        Assert.Equal(10_000, result.Value.Length);
    }

    [Fact]
    public async Task PutAsync_Empty_ReturnsEmptyError()
    {
        var result = await CreateStore().PutAsync(new MemoryStream(), "application/pdf", "a.pdf", Ct);

        Assert.IsType<EmptyDocumentError>(result.Error);
        Assert.Empty(_folder.Files());
    }

    [Theory]
    [InlineData("exe", "application/pdf")]
    [InlineData("exe", null)]
    [InlineData("zip", null)]
    [InlineData("docm", null)]
    [InlineData("odg", null)]
    [InlineData("tiny", null)]
    public async Task PutAsync_BytesOfAnotherFormat_ReturnsTypeNotAllowed(string kind, string? declared)
    {
        var bytes = kind switch
        {
            "exe" => SampleFiles.Executable(),
            "zip" => SampleFiles.PlainZip(),
            "docm" => SampleFiles.Docx("application/vnd.ms-word.document.macroEnabled.main+xml"),
            "odg" => SampleFiles.Odt("application/vnd.oasis.opendocument.graphics"),
            _ => "%PD"u8.ToArray(),
        };

        var result = await CreateStore().PutAsync(new MemoryStream(bytes), declared, null, Ct);

        Assert.IsType<DocumentTypeNotAllowedError>(result.Error);
        Assert.Contains("PDF, JPEG, PNG, DOCX, XLSX, ODT, ODS", result.Error.Message, StringComparison.Ordinal);
        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task PutAsync_DeclaredTypeNotAllowed_IsRefusedBeforeReading()
    {
        var stream = new MemoryStream(SampleFiles.Pdf());

        var result = await CreateStore().PutAsync(stream, "text/html", "a.pdf", Ct);

        Assert.IsType<DocumentTypeNotAllowedError>(result.Error);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task PutAsync_PngDeclaredAsPdf_ReturnsMismatch()
    {
        var result = await CreateStore().PutAsync(new MemoryStream(SampleFiles.Png()), "application/pdf", "a.pdf", Ct);

        Assert.Equal(new DocumentTypeMismatchError(DocumentContentTypes.Pdf, DocumentContentTypes.Png), result.Error);
        Assert.Equal("Nội dung tệp không khớp với định dạng khai báo (khai báo PDF, nội dung là PNG).", result.Error.Message);
        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task PutAsync_XlsxDeclaredAsDocx_ReturnsMismatchAfterReadingThePackage()
    {
        var result = await CreateStore().PutAsync(new MemoryStream(SampleFiles.Xlsx()), DocumentContentTypes.Docx, "a.docx", Ct);

        Assert.Equal(new DocumentTypeMismatchError(DocumentContentTypes.Docx, DocumentContentTypes.Xlsx), result.Error);
        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task PutAsync_ExtensionOfAnotherFormat_ReturnsExtensionMismatch()
    {
        var result = await CreateStore().PutAsync(new MemoryStream(SampleFiles.Pdf()), "application/pdf", "anh-chup.PNG", Ct);

        Assert.Equal(new DocumentExtensionMismatchError(".png", DocumentContentTypes.Pdf), result.Error);
        Assert.Empty(_folder.Files());
    }

    [Theory]
    [InlineData("image/JPG")]
    [InlineData("image/jpeg; name=\"anh.jpg\"")]
    [InlineData(" image/pjpeg ")]
    public async Task PutAsync_DeclaredAliasOrParameters_AreNormalised(string declared)
    {
        var result = await CreateStore().PutAsync(new MemoryStream(SampleFiles.Jpeg()), declared, "anh.jpeg", Ct);

        Assert.Equal(DocumentContentTypes.Jpeg, result.Value.ContentType);
    }

    [Fact]
    public async Task PutAsync_ConcurrentPutsOfSameContent_AllSucceedAndOneFileRemains()
    {
        var store = CreateStore();
        var bytes = SampleFiles.Pdf(300_000, (byte)'c');
        var expectedSha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => store.PutAsync(new TrickleStream(bytes, 7_000 + i), "application/pdf", "a.pdf", Ct), Ct)));

        Assert.All(results, r => Assert.Equal(expectedSha, r.Value.Sha256Hex));
        var file = Assert.Single(_folder.Files());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(_folder.Path, file), Ct));
    }

    [Fact]
    public async Task PutAsync_SourceFailsHalfway_ExceptionPropagatesAndNoPartialFileRemains()
    {
        var store = CreateStore();
        var bytes = SampleFiles.Pdf(200_000);

        await Assert.ThrowsAsync<IOException>(() =>
            store.PutAsync(new TrickleStream(bytes, 10_000, failAfter: 100_000), "application/pdf", "a.pdf", Ct));

        Assert.Empty(_folder.Files());
        Assert.False(await store.ExistsAsync(Convert.ToHexStringLower(SHA256.HashData(bytes)), Ct));
    }

    [Fact]
    public async Task PutAsync_CancelledHalfway_ThrowsAndLeavesNothing()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var stream = new TrickleStream(SampleFiles.Pdf(200_000), 10_000, afterRead: read =>
        {
            if (read >= 50_000)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateStore().PutAsync(stream, null, null, cancel.Token));

        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task PutAsync_AnyOutcome_NeverLogsTheFileName()
    {
        var logger = new CapturingLogger<FileSystemDocumentContentStore>();
        var store = new FileSystemDocumentContentStore(_folder.Path, 20 * 1024 * 1024, logger);
        const string name = "Nguyen Van Binh CCCD 046090001234";

        await store.PutAsync(new MemoryStream(SampleFiles.Pdf()), null, name + ".pdf", Ct);
        await store.PutAsync(new MemoryStream(SampleFiles.Pdf()), null, name + ".png", Ct);

        Assert.Equal(2, logger.Entries.Count);
        Assert.All(logger.Entries, e => Assert.DoesNotContain("046090001234", e, StringComparison.Ordinal));
        Assert.All(logger.Entries, e => Assert.DoesNotContain("Binh", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenReadAsync_StoredContent_ReturnsTheSameBytes()
    {
        var store = CreateStore();
        var bytes = SampleFiles.Docx();
        var stored = await store.PutAsync(new MemoryStream(bytes), DocumentContentTypes.Docx, "to-khai.docx", Ct);

        var opened = await store.OpenReadAsync(stored.Value.Sha256Hex.ToUpperInvariant(), Ct);

        await using var stream = opened.Value;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        Assert.Equal(bytes, copy.ToArray());
        Assert.True(await store.ExistsAsync(stored.Value.Sha256Hex, Ct));
    }

    [Fact]
    public async Task OpenReadAsync_UnknownHash_ReturnsNotFound()
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData("chưa lưu"u8));

        var result = await CreateStore().OpenReadAsync(sha, Ct);

        Assert.Equal(new DocumentContentNotFoundError(sha), result.Error);
        Assert.False(await CreateStore().ExistsAsync(sha, Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("zz5e6b0d4f4e1c5a6b1d7f0c9a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d")]
    public async Task OpenReadAsync_MalformedHash_ReturnsInvalidHash(string hash)
    {
        var result = await CreateStore().OpenReadAsync(hash, Ct);

        Assert.IsType<InvalidContentHashError>(result.Error);
        Assert.False(await CreateStore().ExistsAsync(hash, Ct));
    }

    [Fact]
    public async Task AddMotCuaDocuments_RelativeRootAndLimit_ComeFromConfiguration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Documents:Root"] = "uploads", ["Documents:MaxBytes"] = "1000" })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = _folder.Path })
            .AddMotCuaDocuments(configuration);
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IDocumentContentStore>();

        var tooLarge = await store.PutAsync(new MemoryStream(SampleFiles.Pdf(1001)), null, null, Ct);
        var stored = await store.PutAsync(new MemoryStream(SampleFiles.Pdf(1000)), null, null, Ct);

        Assert.Equal(new DocumentTooLargeError(1000), tooLarge.Error);
        Assert.StartsWith("uploads" + Path.DirectorySeparatorChar, Assert.Single(_folder.Files()), StringComparison.Ordinal);
        Assert.True(stored.IsSuccess);
    }

    private FileSystemDocumentContentStore CreateStore(long maxBytes = 20 * 1024 * 1024) =>
        new(_folder.Path, maxBytes, NullLogger<FileSystemDocumentContentStore>.Instance);
}
