using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotCua.Domain.Common;
using UglyToad.PdfPig;

namespace MotCua.BrowserTests.Infrastructure;

/// <summary>Files a journey downloads by clicking a link, as a person would, and the text of a downloaded PDF.</summary>
public static partial class Downloads
{
    /// <summary>The bytes of the file the link <paramref name="selector"/> downloads.</summary>
    public static async Task<byte[]> ClickAsync(IPage page, string selector) => (await FileAsync(page, selector)).Bytes;

    /// <summary>The file the element <paramref name="selector"/> downloads when clicked, and the name the server gave it.</summary>
    public static async Task<(byte[] Bytes, string Name)> FileAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(selector).ClickAsync());
        Assert.Null(await download.FailureAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return (copy.ToArray(), download.SuggestedFilename);
    }

    /// <summary>Keeps a downloaded file beside the screenshots, for a person to look at.</summary>
    public static async Task KeepAsync(string folder, string name, byte[] bytes)
    {
        var kept = Path.Combine(Axe.ScreenshotRoot, folder);
        Directory.CreateDirectory(kept);
        await File.WriteAllBytesAsync(Path.Combine(kept, name), bytes, TestContext.Current.CancellationToken);
    }

    /// <summary>Every word of a PDF's pages, <see cref="Flat"/>.</summary>
    public static string PdfText(byte[] pdf, out bool landscape)
    {
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "not a PDF");
        using var printed = PdfDocument.Open(pdf);
        var first = printed.GetPages().First();
        landscape = first.Width > first.Height;
        return Flat(string.Join(" ", printed.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
    }

    /// <summary>Text compared without diacritics, case or spacing differences: a PDF's text layer may give a Vietnamese
    /// letter as a base letter and a combining mark, and breaks a wrapped label into words at the line end.</summary>
    public static string Flat(string text) => WhiteSpace().Replace(VietnameseText.Fold(text), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
