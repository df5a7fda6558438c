namespace MotCua.Domain.Catalogue;

/// <summary>A legal basis (căn cứ pháp lý) of a procedure.</summary>
/// <param name="Document">The legal text, e.g. "Luật Hộ tịch số 60/2014/QH13".</param>
/// <param name="Provision">Article or clause, e.g. "Điều 16".</param>
public sealed record LegalReference(string Document, string? Provision);
