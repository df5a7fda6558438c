using System.Globalization;
using MotCua.Domain.Common;

namespace MotCua.Web.Documents;

/// <summary>An expected failure of the document store (bad upload or unknown content).</summary>
public abstract record DocumentError(string Code, string Message) : Error(Code, Message);

/// <summary>The upload has no bytes.</summary>
public sealed record EmptyDocumentError()
    : DocumentError("document.empty", "Tệp tải lên không có nội dung.");

/// <summary>The upload is larger than <see cref="DocumentStoreOptions.MaxBytes"/>.</summary>
public sealed record DocumentTooLargeError(long MaxBytes)
    : DocumentError("document.too_large", DetailOf(MaxBytes).Text), ITranslatableError
{
    public FieldMessage Detail => DetailOf(MaxBytes);

    private static FieldMessage DetailOf(long maxBytes) =>
        new FieldMessage("document.too_large", "Tệp vượt quá dung lượng cho phép ({0}).", DocumentSizes.Describe(maxBytes));
}

/// <summary>The bytes (or the declared type) are not one of the accepted formats.</summary>
public sealed record DocumentTypeNotAllowedError()
    : DocumentError("document.type_not_allowed", Allowed.Text), ITranslatableError
{
    private static readonly FieldMessage Allowed = new FieldMessage("document.type_not_allowed",
        "Định dạng tệp không được chấp nhận. Chỉ nhận tệp {0}.", DocumentContentTypes.AllowedNames);

    public FieldMessage Detail => Allowed;
}

/// <summary>The declared media type says one format and the bytes are another.</summary>
public sealed record DocumentTypeMismatchError(string DeclaredContentType, string DetectedContentType)
    : DocumentError("document.type_mismatch", DetailOf(DeclaredContentType, DetectedContentType).Text), ITranslatableError
{
    public FieldMessage Detail => DetailOf(DeclaredContentType, DetectedContentType);

    private static FieldMessage DetailOf(string declared, string detected) => new FieldMessage("document.type_mismatch",
        "Nội dung tệp không khớp với định dạng khai báo (khai báo {0}, nội dung là {1}).",
        DocumentContentTypes.DisplayName(declared), DocumentContentTypes.DisplayName(detected));
}

/// <summary>The file name's extension says one format and the bytes are another.</summary>
public sealed record DocumentExtensionMismatchError(string Extension, string DetectedContentType)
    : DocumentError("document.extension_mismatch", DetailOf(Extension, DetectedContentType).Text), ITranslatableError
{
    public FieldMessage Detail => DetailOf(Extension, DetectedContentType);

    private static FieldMessage DetailOf(string extension, string detected) => new FieldMessage("document.extension_mismatch",
        "Phần mở rộng tệp ({0}) không khớp với nội dung tệp ({1}).", extension, DocumentContentTypes.DisplayName(detected));
}

/// <summary>The hash is not 64 hexadecimal digits.</summary>
public sealed record InvalidContentHashError()
    : DocumentError("document.invalid_hash", "Mã định danh nội dung tệp không hợp lệ.");

/// <summary>No content with this hash is stored.</summary>
public sealed record DocumentContentNotFoundError(string Sha256Hex)
    : DocumentError("document.not_found", "Không tìm thấy nội dung tệp.");

internal static class DocumentSizes
{
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB"),
        >= 1024 when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} byte"),
    };
}
