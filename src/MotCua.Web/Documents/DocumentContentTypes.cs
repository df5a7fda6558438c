using System.IO.Compression;
using System.Text;

namespace MotCua.Web.Documents;

/// <summary>
/// The formats citizens and officers may upload, recognised from their bytes, never from the name or the declared
/// type alone. See README.md for why these and not others.
/// </summary>
public static class DocumentContentTypes
{
    /// <summary>PDF (scans, signed electronic results).</summary>
    public const string Pdf = "application/pdf";

    /// <summary>JPEG (photos, phone scans).</summary>
    public const string Jpeg = "image/jpeg";

    /// <summary>PNG.</summary>
    public const string Png = "image/png";

    /// <summary>Word document (OOXML); macro-enabled documents are refused.</summary>
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Excel workbook (OOXML); macro-enabled workbooks are refused.</summary>
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>OpenDocument text, a document standard listed for state agencies (TT 39/2017/TT-BTTTT, as recalled).</summary>
    public const string Odt = "application/vnd.oasis.opendocument.text";

    /// <summary>OpenDocument spreadsheet.</summary>
    public const string Ods = "application/vnd.oasis.opendocument.spreadsheet";

    private const string OctetStream = "application/octet-stream";
    private const string DocxMainPart = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string XlsxMainPart = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    // [Content_Types].xml of real files is a few kilobytes; the bound stops a zip bomb from being inflated.
    private const int MaxContentTypesPartBytes = 1024 * 1024;

    private static readonly Dictionary<string, (string Name, string[] Extensions)> Formats = new(StringComparer.Ordinal)
    {
        [Pdf] = ("PDF", [".pdf"]),
        [Jpeg] = ("JPEG", [".jpg", ".jpeg", ".jpe", ".jfif"]),
        [Png] = ("PNG", [".png"]),
        [Docx] = ("DOCX", [".docx"]),
        [Xlsx] = ("XLSX", [".xlsx"]),
        [Odt] = ("ODT", [".odt"]),
        [Ods] = ("ODS", [".ods"]),
    };

    // Non-standard names browsers and old clients still send.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["image/jpg"] = Jpeg,
        ["image/pjpeg"] = Jpeg,
        ["image/x-png"] = Png,
        ["application/x-pdf"] = Pdf,
    };

    /// <summary>All accepted media types.</summary>
    public static IReadOnlyCollection<string> Allowed => Formats.Keys;

    /// <summary>The accepted formats for users, e.g. "PDF, JPEG, PNG, DOCX, XLSX, ODT, ODS".</summary>
    public static string AllowedNames { get; } = string.Join(", ", Formats.Values.Select(f => f.Name));

    /// <summary>A short name for a media type (PDF, DOCX…); the media type itself when unknown.</summary>
    public static string DisplayName(string contentType) =>
        Formats.TryGetValue(contentType, out var format) ? format.Name : contentType;

    /// <summary>Normalises a declared media type: lower case, parameters removed, aliases resolved.</summary>
    /// <returns>Null when the client made no claim (empty or <c>application/octet-stream</c>).</returns>
    internal static string? NormaliseDeclared(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            return null;
        }

        var semicolon = declared.IndexOf(';', StringComparison.Ordinal);
        var type = (semicolon >= 0 ? declared[..semicolon] : declared).Trim().ToLowerInvariant();
        if (type.Length == 0 || type == OctetStream)
        {
            return null;
        }

        return Aliases.TryGetValue(type, out var canonical) ? canonical : type;
    }

    internal static bool IsAllowed(string contentType) => Formats.ContainsKey(contentType);

    /// <summary>Whether the file name's extension fits the detected type; a name without extension fits.</summary>
    internal static bool ExtensionFits(string? fileName, string contentType, out string extension)
    {
        extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        return extension.Length == 0 || Formats[contentType].Extensions.Contains(extension, StringComparer.Ordinal);
    }

    /// <summary>The number of leading bytes <see cref="Sniff"/> needs.</summary>
    internal const int HeaderLength = 8;

    /// <summary>Recognises the format family from the first bytes.</summary>
    internal static HeaderKind Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8))
        {
            return HeaderKind.Pdf;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return HeaderKind.Jpeg;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return HeaderKind.Png;
        }

        // A local file header; an empty archive (PK\x05\x06) or a spanned one is no document.
        return header.StartsWith("PK\x03\x04"u8) ? HeaderKind.Zip : HeaderKind.Unknown;
    }

    /// <summary>Whether bytes starting with this header can be of the declared (allowed) type.</summary>
    internal static bool HeaderFits(HeaderKind kind, string contentType) => kind switch
    {
        HeaderKind.Pdf => contentType == Pdf,
        HeaderKind.Jpeg => contentType == Jpeg,
        HeaderKind.Png => contentType == Png,
        HeaderKind.Zip => contentType is Docx or Xlsx or Odt or Ods,
        _ => false,
    };

    internal static string? FromHeader(HeaderKind kind) => kind switch
    {
        HeaderKind.Pdf => Pdf,
        HeaderKind.Jpeg => Jpeg,
        HeaderKind.Png => Png,
        _ => null,
    };

    /// <summary>Tells DOCX, XLSX, ODT and ODS apart by their package structure; null for any other zip.</summary>
    internal static string? IdentifyPackage(string path)
    {
        try
        {
            using var archive = ZipFile.OpenRead(path);
            var entries = archive.Entries;

            // OpenDocument: the first entry is "mimetype", stored, holding the media type (ODF 1.2 Part 3, §3.3).
            if (entries.Count > 0 && entries[0].FullName == "mimetype")
            {
                var mimetype = ReadBounded(entries[0], 256);
                return mimetype switch
                {
                    Odt => Odt,
                    Ods => Ods,
                    _ => null,
                };
            }

            var contentTypes = archive.GetEntry("[Content_Types].xml");
            if (contentTypes is null)
            {
                return null;
            }

            // The main part's content type separates documents from templates and macro-enabled files.
            var declared = ReadBounded(contentTypes, MaxContentTypesPartBytes);
            if (declared is null)
            {
                return null;
            }

            if (archive.GetEntry("word/document.xml") is not null && declared.Contains(DocxMainPart, StringComparison.Ordinal))
            {
                return Docx;
            }

            if (archive.GetEntry("xl/workbook.xml") is not null && declared.Contains(XlsxMainPart, StringComparison.Ordinal))
            {
                return Xlsx;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string? ReadBounded(ZipArchiveEntry entry, int maxBytes)
    {
        if (entry.Length > maxBytes)
        {
            return null;
        }

        using var stream = entry.Open();
        var buffer = new byte[entry.Length + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return total > entry.Length ? null : Encoding.UTF8.GetString(buffer, 0, total);
    }
}

internal enum HeaderKind
{
    Unknown,
    Pdf,
    Jpeg,
    Png,
    Zip,
}
