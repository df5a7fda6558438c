using MotCua.Domain.Catalogue;

namespace MotCua.Persistence.Catalogue;

/// <summary>A search result row: what a citizen needs to pick a procedure, without its child tables.</summary>
public sealed record ProcedureSummary(
    Guid Id,
    string Code,
    int Version,
    string Name,
    string SectorCode,
    string SectorName,
    ProcedureLevel Level,
    OnlineLevel OnlineLevel,
    ProcessingTime ProcessingTime);
