using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using MotCua.Domain.Common;

namespace MotCua.Web.Forms;

/// <summary>Prints an HTML document to PDF with headless Chromium, honouring the document's <c>@page</c> size.</summary>
/// <remarks>
/// Each call runs its own Chromium with a throw-away profile in a temporary folder, deleted afterwards. A missing
/// executable, a crash or a timeout come back as an <see cref="Error"/>, never as an exception.
/// </remarks>
public sealed partial class PdfRenderer : IDisposable
{
    private const int DetailLength = 2000;

    private readonly PdfOptions _options;
    private readonly ILogger<PdfRenderer> _logger;
    private readonly SemaphoreSlim _slots;

    public PdfRenderer(IOptions<PdfOptions> options, ILogger<PdfRenderer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrency));
    }

    /// <summary>The PDF bytes of <paramref name="html"/>, or why Chromium could not make them.</summary>
    public async Task<Result<byte[]>> RenderAsync(string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!File.Exists(_options.ChromiumPath))
        {
            LogChromiumMissing(_options.ChromiumPath);
            return new ChromiumNotFoundError(_options.ChromiumPath);
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var work = Directory.CreateTempSubdirectory("motcua-pdf-");
        try
        {
            return await RenderInAsync(work.FullName, html, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
            Delete(work);
        }
    }

    public void Dispose() => _slots.Dispose();

    private async Task<Result<byte[]>> RenderInAsync(string work, string html, CancellationToken cancellationToken)
    {
        var input = Path.Combine(work, "form.html");
        var output = Path.Combine(work, "form.pdf");
        await File.WriteAllTextAsync(input, html, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);

        using var process = new Process { StartInfo = StartInfo(work, input, output) };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            // The file exists but cannot be executed (permissions, wrong architecture).
            LogChromiumFailed(-1, e.Message);
            return new ChromiumFailedError(-1, e.Message);
        }

        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await Task.WhenAll(stderr, stdout).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            LogChromiumTimedOut(_options.Timeout);
            return new ChromiumTimedOutError(_options.Timeout);
        }

        var errorText = await stderr.ConfigureAwait(false);
        await stdout.ConfigureAwait(false);
        if (process.ExitCode != 0 || !File.Exists(output))
        {
            var detail = Tail(errorText);
            LogChromiumFailed(process.ExitCode, detail);
            return new ChromiumFailedError(process.ExitCode, detail);
        }

        var pdf = await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false);
        if (!pdf.AsSpan().StartsWith("%PDF-"u8))
        {
            LogChromiumFailed(process.ExitCode, "output is not a PDF");
            return new ChromiumFailedError(process.ExitCode, "Tệp kết quả không phải PDF.");
        }

        return pdf;
    }

    private ProcessStartInfo StartInfo(string work, string input, string output)
    {
        var start = new ProcessStartInfo(_options.ChromiumPath)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = work,
        };
        // Without the networking flags Chromium phones home at start-up and fails noisily (docs/dependencies.md);
        // --no-sandbox because the service may run as root in a container, where the sandbox cannot start.
        string[] arguments =
        [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--user-data-dir=" + Path.Combine(work, "profile"),
            "--no-pdf-header-footer",
            "--print-to-pdf=" + output,
            new Uri(input).AbsoluteUri,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Chromium writes caches under HOME as well as the profile; keep them inside the folder we delete.
        start.Environment["HOME"] = work;
        return start;
    }

    private void Delete(DirectoryInfo work)
    {
        try
        {
            work.Delete(recursive: true);
        }
        catch (IOException e)
        {
            LogCleanupFailed(work.FullName, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            LogCleanupFailed(work.FullName, e.Message);
        }
    }

    private static string Tail(string text) =>
        text.Length <= DetailLength ? text.Trim() : text[^DetailLength..].Trim();

    [LoggerMessage(Level = LogLevel.Error, Message = "Chromium not found at {Path}; PDF printing is unavailable")]
    private partial void LogChromiumMissing(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium failed with exit code {ExitCode}: {Detail}")]
    private partial void LogChromiumFailed(int exitCode, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium did not print within {Timeout} and was killed")]
    private partial void LogChromiumTimedOut(TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the temporary folder {Folder}: {Reason}")]
    private partial void LogCleanupFailed(string folder, string reason);
}
