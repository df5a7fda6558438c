using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Api;

namespace MotCua.Web.Features.ProvinceAdmin;

/// <summary>POST /api/v1/admin/procedures/{code}/versions: an edit of the catalogue is a new version in force from a date;
/// the version it replaces ends the day before (domain.md §0.3: every rule set is versioned). A dossier keeps the version it
/// was received under (it refers to the version's id, whose terms never change), so no dossier already received moves.</summary>
/// <remarks>The new version starts from the latest one and takes what the request gives (a field left out keeps its value);
/// the whole version is then checked by <see cref="Procedure.Create(ProcedureDraft)"/> (ProcedureValidator) and the
/// versions of the code by <see cref="ProcedureCatalogue.CheckVersions"/>, and every problem comes back in Vietnamese under
/// the request's field names (<see cref="CatalogueMessages"/>). The date may not be in the past: what applied on a day
/// already gone is history. <c>basedOnVersion</c> guards against two administrators editing at once (409).</remarks>
public static class NewProcedureVersion
{
    /// <summary>The edit; every field is optional and keeps the latest version's value when left out.</summary>
    public sealed class Edit
    {
        /// <summary>The version the administrator saw as the latest; another one stored since answers 409.</summary>
        public int? BasedOnVersion { get; set; }

        /// <summary>First day of the new version (Vietnam date, today or later).</summary>
        public DateOnly? ValidFrom { get; set; }

        [MaxLength(500)]
        public string? Name { get; set; }

        public decimal? ProcessingTimeValue { get; set; }

        public ProcessingTimeUnit? ProcessingTimeUnit { get; set; }

        /// <summary>The channels offered (cách thức thực hiện), ND 63/2010 Art. 8(2)(b).</summary>
        public List<ProcedureChannels>? Channels { get; set; }

        public OnlineLevel? OnlineLevel { get; set; }

        public List<DocumentEdit>? RequiredDocuments { get; set; }

        public List<FeeEdit>? Fees { get; set; }

        /// <summary>The internal process; its slices must add up to the processing time (TT 01/2018 Art. 8).</summary>
        public List<StepEdit>? Steps { get; set; }

        /// <summary>What an agency-stage supplement does to the clock (domain.md §5.6).</summary>
        public SupplementClockPolicy? SupplementPolicy { get; set; }

        /// <summary>Whether waiting for the applicant's payment pauses the clock (domain.md §5.6, sector law).</summary>
        public bool? FinancialObligationPausesClock { get; set; }

        /// <summary>Internal note on where the data came from (shown to administrators only).</summary>
        [MaxLength(2000)]
        public string? InternalNote { get; set; }
    }

    public sealed class DocumentEdit
    {
        [MaxLength(1000)]
        public string? Name { get; set; }

        public int Copies { get; set; } = 1;

        public List<DocumentForms>? Forms { get; set; }

        [MaxLength(500)]
        public string? Template { get; set; }

        [MaxLength(2000)]
        public string? Note { get; set; }
    }

    public sealed class FeeEdit
    {
        [MaxLength(300)]
        public string? Name { get; set; }

        public long AmountVnd { get; set; }

        [MaxLength(2000)]
        public string? Note { get; set; }
    }

    public sealed class StepEdit
    {
        [MaxLength(500)]
        public string? Name { get; set; }

        public PerformerRole Role { get; set; }

        [MaxLength(300)]
        public string? AgencyName { get; set; }

        public decimal Slice { get; set; }
    }

    /// <summary>Another version was stored since the administrator opened the edit (<c>catalogue.version_changed</c>) → 409.</summary>
    public sealed record CatalogueVersionChanged(string ProcedureCode, int Expected, int Actual)
        : Error("catalogue.version_changed",
            $"Thủ tục {ProcedureCode} vừa có phiên bản {Actual} (bạn sửa từ phiên bản {Expected}); tải lại rồi sửa tiếp.");

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/procedures/{code}/versions", async (string code, Edit body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.Handle(code, body, user, ct)).ToHttpResult(v => TypedResults.Created($"/api/v1/admin/procedures/{v.Code}/versions", v)))
            .WithName("AdminCreateProcedureVersion")
            .WithSummary("Edit a procedure: a new version from a date; the current one ends the day before (province administrators)")
            .Produces<ProcedureVersions.VersionView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public sealed class Handler(AppDbContext db, TimeProvider clock, ProvinceAdministrator admin)
    {
        public async Task<Result<ProcedureVersions.VersionView>> Handle(string code, Edit edit, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(edit);
            if (await admin.DenyAsync(user, ct) is { } denied)
            {
                return denied;
            }

            var versions = await ProcedureVersions.LoadAsync(db, code, tracking: false, ct);
            if (versions.Count == 0)
            {
                return new NotFoundError($"thủ tục {code}");
            }

            var latest = versions[^1];
            if (edit.BasedOnVersion is { } seen && seen != latest.Version)
            {
                return new CatalogueVersionChanged(latest.Code.Value, seen, latest.Version);
            }

            var today = VietnamTime.Today(clock);
            if (Refused(edit, latest, today) is { } refused)
            {
                return refused;
            }

            var validFrom = edit.ValidFrom!.Value;
            var draft = Draft(latest, edit, validFrom);
            var created = Procedure.Create(draft);
            if (created.IsFailure)
            {
                return CatalogueMessages.ToValidation(created.Error);
            }

            // The replaced version ends the day before the new one (after its own start, checked above), so the new one can
            // only collide with the older history.
            var overlaps = ProcedureCatalogue.CheckVersions([.. versions.SkipLast(1), created.Value]);
            if (overlaps.Count > 0)
            {
                return CatalogueMessages.ToValidation(new CatalogueRejected(overlaps));
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var lastDay = validFrom.AddDays(-1);
            // Guarded by the version still being open-ended: a concurrent edit that closed it first makes this update miss.
            var updated = await db.Procedures.Where(p => p.Id == latest.Id && p.ValidTo == latest.ValidTo)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ValidTo, (DateOnly?)lastDay), ct);
            if (updated != 1)
            {
                return new CatalogueVersionChanged(latest.Code.Value, latest.Version, latest.Version + 1);
            }

            db.Procedures.Add(created.Value);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The unique (code, version) index: another administrator stored the same next version first.
                return new CatalogueVersionChanged(latest.Code.Value, latest.Version, latest.Version + 1);
            }

            await transaction.CommitAsync(ct);
            return ProcedureVersions.VersionView.Of(created.Value, today);
        }

        private static ValidationFailed? Refused(Edit edit, Procedure latest, DateOnly today)
        {
            if (edit.ValidFrom is not { } validFrom)
            {
                return ValidationFailed.One("validFrom", new FieldMessage("catalogue.valid_from_required", "Ngày hiệu lực: không được để trống."));
            }

            if (validFrom < today)
            {
                return ValidationFailed.One("validFrom", new FieldMessage("catalogue.valid_from_past",
                    "Ngày hiệu lực không được trước hôm nay ({0:dd/MM/yyyy}): những ngày đã qua giữ phiên bản đã áp dụng.", today));
            }

            if (validFrom <= latest.ValidFrom)
            {
                return ValidationFailed.One("validFrom", new FieldMessage("catalogue.valid_from_not_after_latest",
                    "Ngày hiệu lực phải sau ngày hiệu lực của phiên bản {0} ({1:dd/MM/yyyy}).", latest.Version, latest.ValidFrom));
            }

            return latest.ValidTo is { } end && end < validFrom.AddDays(-1)
                ? ValidationFailed.One("validFrom", new FieldMessage("catalogue.procedure_ended",
                    "Thủ tục đã hết hiệu lực từ sau ngày {0:dd/MM/yyyy}; không tạo phiên bản mới được.", end))
                : null;
        }
    }

    /// <summary>The latest version with the edit applied, as the next version from <paramref name="validFrom"/>.</summary>
    private static ProcedureDraft Draft(Procedure latest, Edit edit, DateOnly validFrom)
    {
        var draft = DraftOf(latest);
        var steps = edit.Steps?.Select((s, i) => new ProcessStep(i + 1, s.Name?.Trim() ?? "", s.Role, Blank(s.AgencyName), s.Slice)).ToList();
        return draft with
        {
            Version = latest.Version + 1,
            ValidFrom = validFrom,
            ValidTo = null,
            Name = edit.Name ?? draft.Name,
            ProcessingTime = edit.ProcessingTimeValue is not null || edit.ProcessingTimeUnit is not null
                ? new ProcessingTime(edit.ProcessingTimeValue ?? latest.ProcessingTime.Value, edit.ProcessingTimeUnit ?? latest.ProcessingTime.Unit)
                : draft.ProcessingTime,
            Channels = edit.Channels is { } channels ? channels.Aggregate(ProcedureChannels.None, (all, c) => all | c) : draft.Channels,
            OnlineLevel = edit.OnlineLevel ?? draft.OnlineLevel,
            RequiredDocuments = edit.RequiredDocuments?.Select(d => new RequiredDocument(d.Name?.Trim() ?? "", d.Copies,
                (d.Forms ?? []).Aggregate(DocumentForms.None, (all, f) => all | f), Blank(d.Template), Blank(d.Note))).ToList() ?? draft.RequiredDocuments,
            Fees = edit.Fees?.Select(f => new Fee(f.Name?.Trim() ?? "", f.AmountVnd, Blank(f.Note))).ToList() ?? draft.Fees,
            InternalProcess = steps ?? draft.InternalProcess,
            // An inter-agency procedure is one with a step of another agency (the validator holds the two together).
            InterAgency = steps?.Exists(s => s.Role == PerformerRole.OtherAgency) ?? draft.InterAgency,
            SupplementPolicy = edit.SupplementPolicy?.ToString() ?? draft.SupplementPolicy,
            FinancialObligationPausesClock = edit.FinancialObligationPausesClock ?? draft.FinancialObligationPausesClock,
            Provenance = edit.InternalNote is { } note ? latest.Provenance with { Source = note.Trim() } : draft.Provenance,
        };
    }

    /// <summary>A stored version as a draft (the inverse of <see cref="Procedure.Create(ProcedureDraft)"/>).</summary>
    private static ProcedureDraft DraftOf(Procedure p) => new()
    {
        Code = p.Code.Value,
        Version = p.Version,
        ValidFrom = p.ValidFrom,
        ValidTo = p.ValidTo,
        Name = p.Name,
        Sector = p.Sector,
        Level = p.Level,
        OnlineLevel = p.OnlineLevel,
        Channels = p.Channels,
        Subjects = p.Subjects,
        SubjectDescription = p.SubjectDescription,
        Agency = p.Agency,
        Sequence = p.Sequence,
        RequiredDocuments = p.RequiredDocuments,
        Forms = p.Forms,
        ProcessingTime = p.ProcessingTime,
        ExtendedProcessingTime = p.ExtendedProcessingTime,
        ProcessingTimeNote = p.ProcessingTimeNote,
        Result = p.Result,
        Conditions = p.Conditions,
        Fees = p.Fees,
        FinancialObligation = p.FinancialObligation,
        InterAgency = p.InterAgency,
        DeadlinePolicy = p.DeadlinePolicy,
        SupplementPolicy = p.SupplementPolicy,
        FinancialObligationPausesClock = p.FinancialObligationPausesClock,
        InternalProcess = p.InternalProcess,
        LegalBasis = p.LegalBasis,
        Provenance = p.Provenance,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
