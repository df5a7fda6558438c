using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Forms;

namespace MotCua.IntegrationTests.Forms;

/// <summary>Runs the real Chromium (Debian package; scripts/test.sh installs it).</summary>
public sealed class PdfRendererTests : IDisposable
{
    private const double PointsPerMillimetre = 72 / 25.4;
    private readonly List<string> _scratch = [];

    public void Dispose()
    {
        foreach (var path in _scratch)
        {
            Directory.Delete(path, recursive: true);
        }
    }

    [Fact]
    public async Task RenderAsync_ReceiptSlip_IsOneA5PortraitPage()
    {
        using var services = FormTestServices.Create();
        var html = await services.GetRequiredService<FormRenderer>().RenderHtmlAsync(FormSamples.ReceiptSlip());

        var result = await services.GetRequiredService<PdfRenderer>().RenderAsync(html, TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.ToString() : null);
        var pdf = PdfFacts.Read(result.Value);
        Assert.Equal(1, pdf.PageCount);
        var (width, height) = Assert.Single(pdf.MediaBoxes);
        Assert.Equal(148 * PointsPerMillimetre, width, 1.0);
        Assert.Equal(210 * PointsPerMillimetre, height, 1.0);
    }

    [Fact]
    public async Task RenderAsync_RegisterBook_IsA4LandscapeOnEveryPage()
    {
        using var services = FormTestServices.Create();
        var html = await services.GetRequiredService<FormRenderer>().RenderHtmlAsync(FormSamples.RegisterBook(rows: 30));

        var result = await services.GetRequiredService<PdfRenderer>().RenderAsync(html, TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.ToString() : null);
        var pdf = PdfFacts.Read(result.Value);
        Assert.True(pdf.PageCount > 1, $"30 rows should need more than one page, got {pdf.PageCount}");
        Assert.Equal(pdf.PageCount, pdf.MediaBoxes.Count);
        Assert.All(pdf.MediaBoxes, box =>
        {
            Assert.Equal(297 * PointsPerMillimetre, box.Width, 1.0);
            Assert.Equal(210 * PointsPerMillimetre, box.Height, 1.0);
        });
    }

    [Fact]
    public async Task RenderAsync_MissingChromium_ReturnsNotFoundError()
    {
        using var services = FormTestServices.Create(new Dictionary<string, string?> { ["Pdf:ChromiumPath"] = "/nonexistent/chromium" });

        var result = await services.GetRequiredService<PdfRenderer>().RenderAsync("<p>x</p>", TestContext.Current.CancellationToken);

        var error = Assert.IsType<ChromiumNotFoundError>(result.Error);
        Assert.Equal("/nonexistent/chromium", error.Path);
        Assert.Equal("pdf.chromium_not_found", error.Code);
    }

    [Fact]
    public async Task RenderAsync_ChromiumExitsWithoutPdf_ReturnsFailedErrorAndRemovesTemporaryFiles()
    {
        var folder = Scratch();
        var argumentsFile = Path.Combine(folder, "arguments.txt");
        var fake = FakeChromium(folder, $"printf '%s\\n' \"$@\" > '{argumentsFile}'\necho 'boom' >&2\nexit 3");
        using var services = FormTestServices.Create(new Dictionary<string, string?> { ["Pdf:ChromiumPath"] = fake });

        var result = await services.GetRequiredService<PdfRenderer>().RenderAsync("<p>x</p>", TestContext.Current.CancellationToken);

        var error = Assert.IsType<ChromiumFailedError>(result.Error);
        Assert.Equal(3, error.ExitCode);
        Assert.Contains("boom", error.Detail, StringComparison.Ordinal);
        var arguments = await File.ReadAllLinesAsync(argumentsFile, TestContext.Current.CancellationToken);
        Assert.Contains("--headless", arguments);
        Assert.Contains("--no-sandbox", arguments);
        Assert.Contains("--disable-background-networking", arguments);
        Assert.Contains("--no-pdf-header-footer", arguments);
        Assert.StartsWith("file:///", arguments[^1], StringComparison.Ordinal);
        var profile = Assert.Single(arguments, a => a.StartsWith("--user-data-dir=", StringComparison.Ordinal))["--user-data-dir=".Length..];
        Assert.False(Directory.Exists(Path.GetDirectoryName(profile)), "the temporary folder should be deleted");
    }

    [Fact]
    public async Task RenderAsync_ChromiumHangs_IsKilledAndReturnsTimeoutError()
    {
        var folder = Scratch();
        var fake = FakeChromium(folder, "exec sleep 60");
        using var services = FormTestServices.Create(new Dictionary<string, string?>
        {
            ["Pdf:ChromiumPath"] = fake,
            ["Pdf:Timeout"] = "00:00:00.5",
        });

        var result = await services.GetRequiredService<PdfRenderer>().RenderAsync("<p>x</p>", TestContext.Current.CancellationToken);

        var error = Assert.IsType<ChromiumTimedOutError>(result.Error);
        Assert.Equal(TimeSpan.FromMilliseconds(500), error.Timeout);
    }

    private string Scratch()
    {
        var folder = Directory.CreateTempSubdirectory("motcua-pdf-test-").FullName;
        _scratch.Add(folder);
        return folder;
    }

    private static string FakeChromium(string folder, string body)
    {
        var path = Path.Combine(folder, "chromium");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
