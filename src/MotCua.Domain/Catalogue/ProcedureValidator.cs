using MotCua.Domain.Calendar;
namespace MotCua.Domain.Catalogue;

/// <summary>The validation rules of <see cref="Procedure.Create(ProcedureDraft)"/>; field paths match the seed JSON.</summary>
internal static class ProcedureValidator
{
    private const ProcedureChannels AllChannels = ProcedureChannels.InPerson | ProcedureChannels.Online | ProcedureChannels.Postal;
    private const SubjectKinds AllSubjects = SubjectKinds.Individual | SubjectKinds.Organisation | SubjectKinds.Enterprise | SubjectKinds.Foreign;
    private const DocumentForms AllForms = DocumentForms.Original | DocumentForms.CertifiedCopy | DocumentForms.Copy | DocumentForms.Scan;

    /// <param name="d">The draft.</param>
    /// <param name="label">How errors name the entry when the draft has no code (e.g. its position in a fixture).</param>
    public static List<CatalogueError> Validate(ProcedureDraft d, string label = "(no code)")
    {
        var code = string.IsNullOrWhiteSpace(d.Code) ? label : d.Code;
        var errors = new List<CatalogueError>();

        void Required(bool present, string field)
        {
            if (!present)
            {
                errors.Add(new FieldRequired(code, field));
            }
        }

        void Check(bool ok, string field, string detail)
        {
            if (!ok)
            {
                errors.Add(new FieldInvalid(code, field, detail));
            }
        }

        static bool Has(string? s) => !string.IsNullOrWhiteSpace(s);

        Required(Has(d.Code), "code");
        if (Has(d.Code))
        {
            Check(ProcedureCode.IsWellFormed(d.Code), "code", "expected a national code like 1.001193 or 1.000948.H38, or LOCAL.<ID>");
        }

        Check(d.Version >= 1, "version", "must be 1 or more");
        Required(d.ValidFrom != DateOnly.MinValue, "validFrom");
        Check(d.ValidTo is null || d.ValidTo.Value >= d.ValidFrom, "validTo", "must not be before validFrom");
        Required(Has(d.Name), "name");
        Required(Has(d.Sequence), "sequence");
        Required(Has(d.Result), "result");

        Required(d.Sector is not null, "sector");
        if (d.Sector is not null)
        {
            Required(Has(d.Sector.Code), "sector.code");
            Required(Has(d.Sector.Name), "sector.name");
        }

        Check(Enum.IsDefined(d.Level), "level", $"unknown level {d.Level}");
        Check(Enum.IsDefined(d.OnlineLevel), "onlineLevel", $"unknown online level {d.OnlineLevel}");
        Check(d.Channels != ProcedureChannels.None && (d.Channels & ~AllChannels) == 0, "channels", "at least one of InPerson, Online, Postal");
        Check(
            d.Channels.HasFlag(ProcedureChannels.Online) == (d.OnlineLevel != OnlineLevel.None),
            "onlineLevel",
            "the Online channel is offered if and only if the online level is Partial or Full");
        Check(d.Subjects != SubjectKinds.None && (d.Subjects & ~AllSubjects) == 0, "subjects", "at least one subject kind");

        Required(d.Agency is not null, "agency");
        if (d.Agency is not null)
        {
            Required(Has(d.Agency.Name), "agency.name");
            Check(d.Agency.Level is null || Enum.IsDefined(d.Agency.Level.Value), "agency.level", "unknown level");
        }

        Required(d.RequiredDocuments.Count > 0, "requiredDocuments");
        for (var i = 0; i < d.RequiredDocuments.Count; i++)
        {
            var doc = d.RequiredDocuments[i];
            var path = $"requiredDocuments[{i}]";
            Required(Has(doc.Name), path + ".name");
            Check(doc.Copies >= 1, path + ".copies", $"must be at least 1, was {doc.Copies}");
            Check(doc.Forms != DocumentForms.None && (doc.Forms & ~AllForms) == 0, path + ".forms", "at least one of Original, CertifiedCopy, Copy, Scan");
        }

        for (var i = 0; i < d.Forms.Count; i++)
        {
            Required(Has(d.Forms[i].Name), $"forms[{i}].name");
        }

        for (var i = 0; i < d.Conditions.Count; i++)
        {
            Required(Has(d.Conditions[i]), $"conditions[{i}]");
        }

        for (var i = 0; i < d.Fees.Count; i++)
        {
            Required(Has(d.Fees[i].Name), $"fees[{i}].name");
            Check(d.Fees[i].AmountVnd >= 0, $"fees[{i}].amountVnd", $"must not be negative, was {d.Fees[i].AmountVnd}");
        }

        Required(d.ProcessingTime is not null, "processingTime");
        if (d.ProcessingTime is not null)
        {
            ValidateTime(d.ProcessingTime, "processingTime", Check);
        }

        if (d.ExtendedProcessingTime is not null)
        {
            ValidateTime(d.ExtendedProcessingTime, "extendedProcessingTime", Check);
        }

        Required(Has(d.DeadlinePolicy), "deadlinePolicy");
        Required(Has(d.SupplementPolicy), "supplementPolicy");
        if (Has(d.SupplementPolicy))
        {
            // By name only, as ProcedureTerms reads it: a typo must not silently fall back to another clock.
            Check(Enum.GetNames<Dossiers.SupplementClockPolicy>().Contains(d.SupplementPolicy, StringComparer.Ordinal), "supplementPolicy",
                $"one of {string.Join(", ", Enum.GetNames<Dossiers.SupplementClockPolicy>())}");
        }

        // A pause needs something to pay: a listed fee or a further obligation (docs/dossier-rules.md, clock policies).
        Check(!d.FinancialObligationPausesClock || d.FinancialObligation || d.Fees.Any(f => f.AmountVnd > 0),
            "financialObligationPausesClock", "only for a procedure with a fee or a financial obligation");

        ValidateSteps(d, code, errors, Required, Check);

        Required(d.LegalBasis.Count > 0, "legalBasis");
        for (var i = 0; i < d.LegalBasis.Count; i++)
        {
            Required(Has(d.LegalBasis[i].Document), $"legalBasis[{i}].document");
        }

        Required(d.Provenance is not null, "provenance");
        if (d.Provenance is not null)
        {
            Required(Has(d.Provenance.Source), "source");
            Check(Enum.IsDefined(d.Provenance.Confidence), "confidence", "unknown confidence");
        }

        return errors;
    }

    private static void ValidateTime(ProcessingTime time, string field, Action<bool, string, string> check)
    {
        check(Enum.IsDefined(time.Unit), field + ".unit", $"unknown unit {time.Unit}");
        if (time.Unit == ProcessingTimeUnit.Immediate)
        {
            check(time.Value == ProcessingTime.ImmediateValue, field + ".value", $"an Immediate time has value 1 (the receipt day), was {time.Value}");
        }
        else
        {
            check(time.Value > 0, field + ".value", $"must be positive, was {time.Value}");
        }
    }

    private static void ValidateSteps(
        ProcedureDraft d,
        string code,
        List<CatalogueError> errors,
        Action<bool, string> required,
        Action<bool, string, string> check)
    {
        var steps = d.InternalProcess;
        required(steps.Count > 0, "internalProcess");
        if (steps.Count == 0)
        {
            return;
        }

        var orders = steps.Select(s => s.Order).Order().ToList();
        check(orders.SequenceEqual(Enumerable.Range(1, steps.Count)), "internalProcess", "step orders must be 1, 2, … without gaps or repeats");

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var path = $"internalProcess[{i}]";
            required(!string.IsNullOrWhiteSpace(step.Name), path + ".name");
            check(Enum.IsDefined(step.Role), path + ".role", $"unknown role {step.Role}");
            check(step.Slice >= 0, path + ".slice", $"must not be negative, was {step.Slice}");
            check(
                step.Role != PerformerRole.OtherAgency || !string.IsNullOrWhiteSpace(step.AgencyName),
                path + ".agency",
                "a step performed by another agency must name it");
        }

        var hasOtherAgency = steps.Any(s => s.Role == PerformerRole.OtherAgency);
        check(hasOtherAgency == d.InterAgency, "interAgency", "an inter-agency procedure has at least one OtherAgency step, and only it may");

        // TT 01/2018 Art. 8 approves the internal process as a split of the whole legal time; a remainder or an
        // excess would make the per-step timeliness index (Art. 13, Index 2) disagree with the dossier index.
        if (d.ProcessingTime is not null)
        {
            var total = steps.Sum(s => s.Slice);
            if (total != d.ProcessingTime.Value)
            {
                errors.Add(new SlicesDoNotSumToLimit(code, total, d.ProcessingTime.Value, d.ProcessingTime.Unit));
            }
        }
    }
}
