namespace MotCua.Web.Forms;

/// <summary>The issuing agency in the top-left corner of a form (Nghị định 30/2020/NĐ-CP, Phụ lục I).</summary>
/// <param name="ParentAgencyName">The governing agency, e.g. "UBND TỈNH BẮC NINH"; omitted when the agency has none.</param>
/// <param name="AgencyName">The agency that issues the form, e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG".</param>
public sealed record AgencyHeading(string? ParentAgencyName, string AgencyName);
