namespace MotCua.Domain.Catalogue;

/// <summary>The competent agency (cơ quan giải quyết), ND 63/2010 Art. 8(2)(d).</summary>
/// <param name="Name">Vietnamese description, e.g. "Ủy ban nhân dân cấp xã".</param>
/// <param name="Level">Tier of that agency, when it is a local government body.</param>
public sealed record CompetentAgency(string Name, ProcedureLevel? Level);
