using System.Buffers;
using System.Security.Cryptography;
using MotCua.Domain.Common;

namespace MotCua.Web.Documents;

/// <summary>
/// Content-addressed store on a file system: <c>&lt;root&gt;/ab/cd/&lt;sha256&gt;</c>, written through a temporary
/// file in <c>&lt;root&gt;/.tmp</c> and renamed into place, so a reader never sees a partial file.
/// </summary>
/// <remarks>
/// Safe for concurrent puts of the same content on one node or on several nodes sharing the folder: the bytes are
/// identical whoever wins the rename. Never logs file names or content, which may carry personal data.
/// </remarks>
public sealed partial class FileSystemDocumentContentStore : IDocumentContentStore
{
    private const int BufferSize = 81920;
    private const string TempFolderName = ".tmp";

    private readonly string _root;
    private readonly string _tempFolder;
    private readonly long _maxBytes;
    private readonly ILogger<FileSystemDocumentContentStore> _logger;

    /// <param name="root">An absolute folder; created when missing.</param>
    /// <param name="maxBytes">The largest accepted upload in bytes.</param>
    /// <param name="logger">Receives hashes, lengths and error codes only.</param>
    public FileSystemDocumentContentStore(string root, long maxBytes, ILogger<FileSystemDocumentContentStore> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        ArgumentNullException.ThrowIfNull(logger);
        _root = Path.GetFullPath(root);
        _tempFolder = Path.Combine(_root, TempFolderName);
        _maxBytes = maxBytes;
        _logger = logger;
        Directory.CreateDirectory(_tempFolder);
    }

    /// <summary>The absolute root folder.</summary>
    public string Root => _root;

    /// <inheritdoc/>
    public async Task<Result<StoredContent>> PutAsync(
        Stream content, string? declaredContentType, string? fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var declared = DocumentContentTypes.NormaliseDeclared(declaredContentType);
        if (declared is not null && !DocumentContentTypes.IsAllowed(declared))
        {
            return Reject(new DocumentTypeNotAllowedError());
        }

        if (content.CanSeek && content.Length - content.Position > _maxBytes)
        {
            return Reject(new DocumentTooLargeError(_maxBytes));
        }

        var tempPath = Path.Combine(_tempFolder, Guid.NewGuid().ToString("N"));
        try
        {
            var copied = await CopyToTempFileAsync(content, tempPath, declared, cancellationToken).ConfigureAwait(false);
            if (copied.IsFailure)
            {
                return Reject(copied.Error);
            }

            var (sha256, length, header) = copied.Value;
            var detected = header == HeaderKind.Zip
                ? DocumentContentTypes.IdentifyPackage(tempPath)
                : DocumentContentTypes.FromHeader(header);
            if (detected is null)
            {
                return Reject(new DocumentTypeNotAllowedError());
            }

            if (declared is not null && declared != detected)
            {
                return Reject(new DocumentTypeMismatchError(declared, detected));
            }

            if (!DocumentContentTypes.ExtensionFits(fileName, detected, out var extension))
            {
                return Reject(new DocumentExtensionMismatchError(extension, detected));
            }

            var isNew = Commit(tempPath, PathFor(sha256), length);
            LogStored(sha256, length, detected, isNew);
            return new StoredContent(sha256, length, detected);
        }
        finally
        {
            TryDelete(tempPath);
        }
    }

    /// <inheritdoc/>
    public Task<Result<Stream>> OpenReadAsync(string sha256Hex, CancellationToken cancellationToken = default)
    {
        if (!TryNormaliseHash(sha256Hex, out var sha256))
        {
            return Task.FromResult(Result.Failure<Stream>(new InvalidContentHashError()));
        }

        try
        {
            Stream stream = new FileStream(
                PathFor(sha256), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult(Result.Success(stream));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult(Result.Failure<Stream>(new DocumentContentNotFoundError(sha256)));
        }
    }

    /// <inheritdoc/>
    public Task<bool> ExistsAsync(string sha256Hex, CancellationToken cancellationToken = default) =>
        Task.FromResult(TryNormaliseHash(sha256Hex, out var sha256) && File.Exists(PathFor(sha256)));

    /// <summary>The path content with this (normalised) hash is stored at.</summary>
    internal string PathFor(string sha256) => Path.Combine(_root, sha256[..2], sha256[2..4], sha256);

    private async Task<Result<(string Sha256, long Length, HeaderKind Header)>> CopyToTempFileAsync(
        Stream content, string tempPath, string? declared, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var header = new byte[DocumentContentTypes.HeaderLength];
        var headerLength = 0;
        var kind = (HeaderKind?)null;
        long total = 0;
        try
        {
            await using var file = new FileStream(
                tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > _maxBytes)
                {
                    return new DocumentTooLargeError(_maxBytes);
                }

                if (kind is null)
                {
                    var take = Math.Min(read, header.Length - headerLength);
                    buffer.AsSpan(0, take).CopyTo(header.AsSpan(headerLength));
                    headerLength += take;
                    if (headerLength == header.Length)
                    {
                        // Refuse early: a wrong format need not be read (and stored) to its end.
                        kind = DocumentContentTypes.Sniff(header);
                        var early = CheckHeader(kind.Value, declared);
                        if (early is not null)
                        {
                            return early;
                        }
                    }
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            if (total == 0)
            {
                return new EmptyDocumentError();
            }

            if (kind is null)
            {
                kind = DocumentContentTypes.Sniff(header.AsSpan(0, headerLength));
                var early = CheckHeader(kind.Value, declared);
                if (early is not null)
                {
                    return early;
                }
            }

            // On disk before the rename, so a crash cannot leave a short file under a valid hash.
            file.Flush(flushToDisk: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), total, kind.Value);
    }

    private static DocumentError? CheckHeader(HeaderKind kind, string? declared)
    {
        if (kind == HeaderKind.Unknown)
        {
            return new DocumentTypeNotAllowedError();
        }

        if (declared is not null && !DocumentContentTypes.HeaderFits(kind, declared))
        {
            var detected = DocumentContentTypes.FromHeader(kind) ?? "application/zip";
            return new DocumentTypeMismatchError(declared, detected);
        }

        return null;
    }

    /// <returns>Whether this call stored the content (false when it was already there).</returns>
    private bool Commit(string tempPath, string targetPath, long length)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(targetPath)!);
        try
        {
            // No existence check first: the failing move is the one test for "already stored", so a concurrent put
            // of the same bytes on this or another node takes the same path as a sequential duplicate.
            File.Move(tempPath, targetPath, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(targetPath))
        {
            var existingLength = new FileInfo(targetPath).Length;
            if (existingLength == length)
            {
                return false;
            }

            // Content is only ever renamed into place complete, so a wrong length means damage from outside.
            LogRepaired(Path.GetFileName(targetPath), existingLength, length);
            File.Move(tempPath, targetPath, overwrite: true);
            return true;
        }
    }

    private static bool TryNormaliseHash(string? candidate, out string sha256)
    {
        sha256 = string.Empty;
        if (candidate is null || candidate.Length != 64 || !candidate.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        sha256 = candidate.ToLowerInvariant();
        return true;
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            LogTempNotDeleted(e);
        }
        catch (UnauthorizedAccessException e)
        {
            LogTempNotDeleted(e);
        }
    }

    private DocumentError Reject(Error error)
    {
        LogRejected(error.Code);
        return (DocumentError)error;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored document content {Sha256} ({Length} bytes, {ContentType}); new: {IsNew}")]
    private partial void LogStored(string sha256, long length, string contentType, bool isNew);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document upload rejected: {ErrorCode}")]
    private partial void LogRejected(string errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document content {Sha256} had {ActualLength} bytes instead of {ExpectedLength}; replaced")]
    private partial void LogRepaired(string sha256, long actualLength, long expectedLength);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A temporary upload file could not be deleted")]
    private partial void LogTempNotDeleted(Exception exception);
}
