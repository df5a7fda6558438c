namespace MotCua.Domain.Catalogue;

/// <summary>One component of the dossier (thành phần hồ sơ) and how many copies (số lượng), ND 63/2010 Art. 8(2)(c).</summary>
/// <param name="Name">Vietnamese name of the document.</param>
/// <param name="Copies">Number of copies; at least 1.</param>
/// <param name="Forms">Accepted forms.</param>
/// <param name="Template">Name of the prescribed form (mẫu), if any, e.g. "Tờ khai đăng ký khai sinh".</param>
/// <param name="Note">When the document is needed, exemptions, etc.</param>
public sealed record RequiredDocument(string Name, int Copies, DocumentForms Forms, string? Template, string? Note);
