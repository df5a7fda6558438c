using MotCua.Domain.Calendar;
namespace MotCua.Domain.Catalogue.Fixture;

// JSON shapes of procedures.json (schema in src/MotCua.Persistence/Seeding/Procedures/README.md).
// Value types are nullable so that a missing property is reported instead of silently defaulting.
internal sealed record ProcedureDto(
    string? Code,
    bool? CodeConfirmed,
    int? Version,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? Name,
    SectorDto? Sector,
    ProcedureLevel? Level,
    OnlineLevel? OnlineLevel,
    List<ProcedureChannels>? Channels,
    List<SubjectKinds>? Subjects,
    string? SubjectDescription,
    AgencyDto? Agency,
    string? Sequence,
    List<RequiredDocumentDto>? RequiredDocuments,
    List<FormDto>? Forms,
    TimeDto? ProcessingTime,
    TimeDto? ExtendedProcessingTime,
    string? ProcessingTimeNote,
    string? Result,
    List<string>? Conditions,
    List<FeeDto>? Fees,
    bool? InterAgency,
    bool? FinancialObligation,
    string? DeadlinePolicy,
    string? SupplementPolicy,
    bool? FinancialObligationPausesClock,
    List<StepDto>? InternalProcess,
    List<LegalDto>? LegalBasis,
    string? Confidence,
    string? Source);

internal sealed record SectorDto(string? Code, string? Name);

internal sealed record AgencyDto(string? Name, ProcedureLevel? Level);

internal sealed record RequiredDocumentDto(string? Name, int? Copies, List<DocumentForms>? Forms, string? Template, string? Note);

internal sealed record FormDto(string? Name, string? Reference);

internal sealed record TimeDto(decimal? Value, ProcessingTimeUnit? Unit);

internal sealed record FeeDto(string? Name, long? AmountVnd, string? Note);

internal sealed record StepDto(int? Order, string? Name, PerformerRole? Role, string? Agency, decimal? Slice);

internal sealed record LegalDto(string? Document, string? Provision);
