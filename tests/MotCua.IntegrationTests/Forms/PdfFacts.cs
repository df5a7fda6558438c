using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MotCua.IntegrationTests.Forms;

/// <summary>What a test needs to know about a PDF, read from its uncompressed object syntax (Chromium writes pages
/// and media boxes as plain objects, not inside compressed object streams).</summary>
internal sealed partial record PdfFacts(int PageCount, IReadOnlyList<(double Width, double Height)> MediaBoxes)
{
    public static PdfFacts Read(byte[] pdf)
    {
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "not a PDF: no %PDF- header");
        var text = Encoding.Latin1.GetString(pdf);
        Assert.Contains("%%EOF", text[^64..], StringComparison.Ordinal);
        var pages = PageObject().Count(text);
        var boxes = MediaBox().Matches(text)
            .Select(m => (Width: Number(m.Groups[3].Value) - Number(m.Groups[1].Value),
                          Height: Number(m.Groups[4].Value) - Number(m.Groups[2].Value)))
            .ToList();
        return new PdfFacts(pages, boxes);
    }

    private static double Number(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
