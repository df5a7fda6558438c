using QRCoder;

namespace MotCua.Web.Forms;

/// <summary>The dossier code as a QR code (TT 01/2018/TT-VPCP Art. 19(2) allows bar or QR codes beside it).</summary>
public static class QrCodeImage
{
    /// <summary>A <c>data:image/png;base64,…</c> URI, so the form needs no external resource to print.</summary>
    /// <param name="text">The text to encode, normally the dossier code.</param>
    /// <param name="pixelsPerModule">The PNG's resolution; the page sets the printed size.</param>
    public static string DataUri(string text, int pixelsPerModule = 8)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        // Level M survives a crease or a stamp over the corner while keeping the code small on A5.
        var png = PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.M, pixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
