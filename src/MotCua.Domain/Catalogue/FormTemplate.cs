namespace MotCua.Domain.Catalogue;

/// <summary>A prescribed application form or declaration (mẫu đơn, tờ khai), ND 63/2010 Art. 8(2)(g).</summary>
/// <param name="Name">Vietnamese name of the form.</param>
/// <param name="Reference">The text that prescribes it, e.g. "Phụ lục TT 04/2020/TT-BTP".</param>
public sealed record FormTemplate(string Name, string? Reference);
