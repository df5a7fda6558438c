using System.IO.Compression;
using System.Text;

namespace MotCua.IntegrationTests.Documents;

/// <summary>Minimal files whose leading bytes and package structure match the real formats.</summary>
internal static class SampleFiles
{
    public static byte[] Pdf(int size = 2048, byte fill = (byte)'x') =>
        Padded("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", size, fill, "\n%%EOF\n");

    public static byte[] Png(int size = 1024) =>
        Padded(Encoding.Latin1.GetString([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) + "IHDR", size, 0, "IEND");

    public static byte[] Jpeg(int size = 1024) =>
        Padded(Encoding.Latin1.GetString([0xFF, 0xD8, 0xFF, 0xE0, 0, 16]) + "JFIF\0", size, 0, Encoding.Latin1.GetString([0xFF, 0xD9]));

    public static byte[] Docx(string mainContentType =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml") =>
        Package(
            ("[Content_Types].xml", ContentTypes("/word/document.xml", mainContentType)),
            ("_rels/.rels", "<Relationships/>"),
            ("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>Đơn đề nghị</w:t></w:r></w:p></w:body></w:document>"));

    public static byte[] Xlsx() =>
        Package(
            ("[Content_Types].xml", ContentTypes("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
            ("_rels/.rels", "<Relationships/>"),
            ("xl/workbook.xml", "<workbook/>"));

    public static byte[] Odt(string mimetype = "application/vnd.oasis.opendocument.text")
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "mimetype", mimetype, CompressionLevel.NoCompression);
            Write(zip, "content.xml", "<office:document-content/>", CompressionLevel.Optimal);
        }

        return buffer.ToArray();
    }

    public static byte[] PlainZip() => Package(("readme.txt", "không phải văn bản"));

    public static byte[] Executable() => Padded("MZ\u0090\0\u0003\0\0\0", 512, 0, "");

    private static byte[] Package(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                Write(zip, name, content, CompressionLevel.Optimal);
            }
        }

        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string content, CompressionLevel level)
    {
        using var stream = zip.CreateEntry(name, level).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    private static string ContentTypes(string partName, string contentType) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + $"<Override PartName=\"{partName}\" ContentType=\"{contentType}\"/></Types>";

    private static byte[] Padded(string head, int size, byte fill, string tail)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, fill);
        Encoding.Latin1.GetBytes(head).CopyTo(bytes, 0);
        var tailBytes = Encoding.Latin1.GetBytes(tail);
        tailBytes.CopyTo(bytes, size - tailBytes.Length);
        return bytes;
    }
}
