using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;

namespace MotCua.Domain.Catalogue.Fixture;

/// <summary>Reads the procedure seed file (<c>procedures.json</c>) into validated <see cref="Procedure"/> versions.</summary>
/// <remarks>
/// Every entry is read and validated independently, so one bad entry does not hide problems in the others;
/// errors name the procedure code and the JSON field. Ids are derived from code and version, so seeding is
/// repeatable. The schema is documented in <c>src/MotCua.Persistence/Seeding/Procedures/README.md</c>.
/// </remarks>
public static class ProcedureFixture
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses and validates a fixture; on failure the error is <see cref="CatalogueRejected"/> listing every problem.</summary>
    /// <param name="json">The fixture text: <c>{ "schemaVersion": 1, "procedures": [ … ] }</c>.</param>
    public static Result<IReadOnlyList<Procedure>> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return new CatalogueRejected([new MalformedEntry("(file)", "$", ex.Message)]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("procedures", out var entries)
                || entries.ValueKind != JsonValueKind.Array)
            {
                return new CatalogueRejected([new FieldRequired("(file)", "procedures")]);
            }

            var errors = new List<CatalogueError>();
            var procedures = new List<Procedure>();
            var index = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var label = CodeOf(entry) ?? $"(entry {index})";
                index++;
                ProcedureDto? dto;
                try
                {
                    dto = entry.Deserialize<ProcedureDto>(Options);
                }
                catch (JsonException ex)
                {
                    errors.Add(new MalformedEntry(label, FieldOf(ex), ex.Message));
                    continue;
                }

                if (dto is null)
                {
                    errors.Add(new MalformedEntry(label, "$", "entry is null"));
                    continue;
                }

                var (draft, mappingErrors) = ToDraft(dto, label);
                var validation = ProcedureValidator.Validate(draft, label);
                var all = mappingErrors.Concat(validation.Where(v => !mappingErrors.Exists(m => m.Field == v.Field))).ToList();
                if (all.Count > 0)
                {
                    errors.AddRange(all);
                    continue;
                }

                procedures.Add(Procedure.Create(draft).Value);
            }

            errors.AddRange(ProcedureCatalogue.CheckVersions(procedures));
            return errors.Count > 0 ? new CatalogueRejected(errors) : procedures;
        }
    }

    /// <summary>The deterministic id used for a seeded procedure version.</summary>
    public static Guid IdFor(string code, int version)
    {
        ArgumentNullException.ThrowIfNull(code);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"motcua:procedure:{code}:{version}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        // RFC 9562 version 8 (custom) and variant bits, so the value is a well-formed UUID.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static string? CodeOf(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object
        && entry.TryGetProperty("code", out var code)
        && code.ValueKind == JsonValueKind.String
            ? code.GetString()
            : null;

    private static string FieldOf(JsonException ex) =>
        ex.Path is null or "$" ? "$" : ex.Path.StartsWith("$.", StringComparison.Ordinal) ? ex.Path[2..] : ex.Path;

    private static (ProcedureDraft Draft, List<CatalogueError> Errors) ToDraft(ProcedureDto dto, string label)
    {
        var errors = new List<CatalogueError>();

        T Require<T>(T? value, string field, T fallback)
            where T : struct
        {
            if (value is null)
            {
                errors.Add(new FieldRequired(label, field));
                return fallback;
            }

            return value.Value;
        }

        var confidence = dto.Confidence switch
        {
            "V" => ProvenanceConfidence.Verified,
            "S" => ProvenanceConfidence.Secondary,
            "R" => ProvenanceConfidence.Recalled,
            _ => (ProvenanceConfidence?)null,
        };
        if (confidence is null)
        {
            errors.Add(new FieldInvalid(label, "confidence", $"expected \"V\", \"S\" or \"R\", was \"{dto.Confidence}\""));
        }

        var code = dto.Code ?? "";
        var version = Require(dto.Version, "version", 1);

        var draft = new ProcedureDraft
        {
            Id = IdFor(code, version),
            Code = code,
            Version = version,
            ValidFrom = Require(dto.ValidFrom, "validFrom", DateOnly.MinValue),
            ValidTo = dto.ValidTo,
            Name = dto.Name ?? "",
            Sector = dto.Sector is null ? null : new Sector(dto.Sector.Code ?? "", dto.Sector.Name ?? ""),
            Level = Require(dto.Level, "level", ProcedureLevel.Commune),
            OnlineLevel = Require(dto.OnlineLevel, "onlineLevel", OnlineLevel.None),
            Channels = (dto.Channels ?? []).Aggregate(ProcedureChannels.None, (a, c) => a | c),
            Subjects = (dto.Subjects ?? []).Aggregate(SubjectKinds.None, (a, s) => a | s),
            SubjectDescription = dto.SubjectDescription,
            Agency = dto.Agency is null ? null : new CompetentAgency(dto.Agency.Name ?? "", dto.Agency.Level),
            Sequence = dto.Sequence ?? "",
            RequiredDocuments = (dto.RequiredDocuments ?? []).Select((d, i) => new RequiredDocument(
                d.Name ?? "",
                Require(d.Copies, $"requiredDocuments[{i}].copies", 1),
                (d.Forms ?? []).Aggregate(DocumentForms.None, (a, f) => a | f),
                d.Template,
                d.Note)).ToList(),
            Forms = (dto.Forms ?? []).Select(f => new FormTemplate(f.Name ?? "", f.Reference)).ToList(),
            ProcessingTime = dto.ProcessingTime is null ? null : ToTime(dto.ProcessingTime, "processingTime"),
            ExtendedProcessingTime = dto.ExtendedProcessingTime is null ? null : ToTime(dto.ExtendedProcessingTime, "extendedProcessingTime"),
            ProcessingTimeNote = dto.ProcessingTimeNote,
            Result = dto.Result ?? "",
            Conditions = dto.Conditions ?? [],
            Fees = (dto.Fees ?? []).Select((f, i) => new Fee(f.Name ?? "", Require(f.AmountVnd, $"fees[{i}].amountVnd", 0L), f.Note)).ToList(),
            InterAgency = dto.InterAgency ?? false,
            FinancialObligation = dto.FinancialObligation ?? false,
            DeadlinePolicy = dto.DeadlinePolicy ?? Procedure.DefaultDeadlinePolicy,
            SupplementPolicy = dto.SupplementPolicy ?? Procedure.DefaultSupplementPolicy,
            InternalProcess = (dto.InternalProcess ?? []).Select((s, i) => new ProcessStep(
                Require(s.Order, $"internalProcess[{i}].order", 0),
                s.Name ?? "",
                Require(s.Role, $"internalProcess[{i}].role", PerformerRole.HandlingOfficer),
                s.Agency,
                Require(s.Slice, $"internalProcess[{i}].slice", 0m))).ToList(),
            LegalBasis = (dto.LegalBasis ?? []).Select(l => new LegalReference(l.Document ?? "", l.Provision)).ToList(),
            Provenance = new Provenance(confidence ?? ProvenanceConfidence.Recalled, dto.Source ?? "", dto.CodeConfirmed ?? false),
        };
        return (draft, errors);

        ProcessingTime ToTime(TimeDto time, string field) => new(
            Require(time.Value, field + ".value", 0m),
            Require(time.Unit, field + ".unit", ProcessingTimeUnit.WorkingDay));
    }
}
