using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Pakn;

/// <summary>Receiving a PAKN (ND 20/2008 Art. 6, 7, 9(1)(b)–(c)): every case gets a public tracking code and is logged in
/// the register (the history) with its clock started.
/// <list type="bullet">
/// <item>POST /api/v1/public/pakn: the portal, with or without an account (name, address and phone as Art. 7 requires);</item>
/// <item>POST /api/v1/pakn: the desk of the receiving unit logs a letter, a phone call on the hotline, an e-mail or an
/// imported case (channel <c>DeskPaper</c>, <c>Phone</c>, <c>Email</c>, <c>Import</c>), with the time it arrived.</item>
/// </list></summary>
public static class SubmitPakn
{
    /// <summary>Where a submission is throttled per client address (<c>RateLimits:PaknSubmit</c>, default 30 per 10 min).</summary>
    public const string RateLimitPolicy = "public-pakn";

    /// <summary>What the portal's form sends. <c>kind</c>: <c>Feedback</c> (phản ánh) or <c>Petition</c> (kiến nghị);
    /// <c>categories</c>: the Art. 5 contents 1–8 when the submitter chose them; <c>dossierCode</c> or
    /// <c>procedureCode</c> when the PAKN is about one.</summary>
    public sealed record PaknSubmission(
        [property: MaxLength(AppDbContext.EnumMaxLength)] string? Kind,
        [property: MaxLength(PaknFieldLimits.Subject)] string? Subject,
        [property: MaxLength(PaknFieldLimits.Content)] string? Content,
        [property: MaxLength(PaknFieldLimits.SubmitterName)] string? FullName,
        [property: MaxLength(PaknFieldLimits.SubmitterAddress)] string? Address,
        [property: MaxLength(PaknFieldLimits.SubmitterPhone)] string? Phone,
        [property: MaxLength(PaknFieldLimits.SubmitterEmail)] string? Email,
        Guid? ReceivingUnitId,
        [property: MaxLength(40)] string? DossierCode = null,
        [property: MaxLength(60)] string? ProcedureCode = null,
        [property: MaxLength(8)] IReadOnlyList<int>? Categories = null);

    /// <summary>The desk's log entry: the submission plus how and when it arrived.</summary>
    public sealed record PaknLogEntry(
        [property: MaxLength(AppDbContext.EnumMaxLength)] string? Channel,
        PaknSubmission? Submission,
        DateTime? ReceivedAt = null,
        [property: MaxLength(PaknFieldLimits.Note)] string? Note = null);

    /// <summary>The tracking code to give the submitter, and when handling is due.</summary>
    public sealed record PaknSubmitted(Guid Id, string TrackingCode, string Status, DateTime HandlingDueAt);

    private static readonly PaknChannel[] DeskChannels = [PaknChannel.DeskPaper, PaknChannel.Phone, PaknChannel.Email, PaknChannel.Import];

    public static RouteHandlerBuilder MapPublic(RouteGroupBuilder group) =>
        group.MapPost("/", async (PaknSubmission body, HttpContext http, Handler handler, CancellationToken ct) =>
            {
                // Anonymous is allowed; a signed-in citizen (cookie or bearer token) gets the case linked to the account.
                var signedIn = await http.AuthenticateAsync(ApiAuth.Scheme);
                var user = signedIn.Succeeded ? signedIn.Principal : new ClaimsPrincipal();
                return (await handler.SubmitOnPortalAsync(body, user, ct)).ToHttpResult(r => TypedResults.Created($"/api/v1/public/pakn/{r.TrackingCode}", r));
            })
            .WithName("SubmitPakn")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .Produces<PaknSubmitted>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    public static RouteHandlerBuilder MapStaff(RouteGroupBuilder group) =>
        group.MapPost("/", async (PaknLogEntry body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.LogAtDeskAsync(body, user, ct)).ToHttpResult(r => TypedResults.Created($"/api/v1/pakn/{r.Id}", r)))
            .WithName("LogPakn")
            .Produces<PaknSubmitted>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public sealed class Handler(AppDbContext db, DossierAccess access, PaknContexts contexts, PaknNotifier notifier)
    {
        /// <summary>A citizen on the portal: signed in (the case is linked to the account) or not.</summary>
        public async Task<Result<PaknSubmitted>> SubmitOnPortalAsync(PaknSubmission body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            Guid? account = DossierAccess.UserId(user) is { } userId && await access.HasRoleAsync(userId, StaffRole.Citizen, ct) ? userId : null;
            return await SubmitAsync(body, PaknChannel.Portal, new PaknActor(account, PaknActorRole.Citizen), account, null, null, ct);
        }

        /// <summary>A desk officer of the receiving unit logs what arrived on paper, by phone, e-mail or import.</summary>
        public async Task<Result<PaknSubmitted>> LogAtDeskAsync(PaknLogEntry body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            if (!Enum.TryParse<PaknChannel>(body.Channel, ignoreCase: false, out var channel) || !DeskChannels.Contains(channel))
            {
                return ValidationFailed.One("channel", new FieldMessage("pakn.desk_channel_required", "Chọn kênh tiếp nhận: DeskPaper (văn bản), Phone (đường dây nóng), Email hoặc Import."));
            }

            if (body.Submission is not { } submission)
            {
                return ValidationFailed.One("submission", new FieldMessage("pakn.submission_required", "Thiếu nội dung phản ánh, kiến nghị."));
            }

            if (submission.ReceivingUnitId is { } unit && !(await access.UnitsWithRoleAsync(userId, StaffRole.DeskOfficer, ct)).Contains(unit))
            {
                return new OutOfScope("chỉ cán bộ một cửa của đơn vị tiếp nhận được ghi sổ phản ánh, kiến nghị");
            }

            return await SubmitAsync(submission, channel, new PaknActor(userId, PaknActorRole.ReceptionOfficer), null, body.ReceivedAt, body.Note, ct);
        }

        private async Task<Result<PaknSubmitted>> SubmitAsync(
            PaknSubmission body, PaknChannel channel, PaknActor actor, Guid? account, DateTime? receivedAt, string? note, CancellationToken ct)
        {
            // A tracking code is random (codes cannot be enumerated); a clash with a stored one draws again.
            for (var attempt = 0; ; attempt++)
            {
                var built = await BuildAsync(body, channel, actor, account, receivedAt, note, ct);
                if (built.IsFailure)
                {
                    return PaknErrorMapping.ForApi(built.Error);
                }

                var pakn = built.Value;
                db.PaknCases.Add(pakn);
                await notifier.ReceivedAsync(pakn, pakn.RecordedAt, ct);
                try
                {
                    await db.SaveChangesAsync(ct);
                    return new PaknSubmitted(pakn.Id, pakn.TrackingCode.Format(), pakn.Status.ToString(), pakn.Deadlines.HandlingDueAtUtc);
                }
                catch (DbUpdateException e) when (attempt < 3 && DatabaseErrors.IsUniqueViolation(e))
                {
                    db.ChangeTracker.Clear();
                }
            }
        }

        /// <summary>Checks a submission and builds the received case, not yet added to the store: what the portal, the
        /// desk's log and an import (<see cref="ImportPakn"/>) share. Fails with the web's <see cref="ValidationFailed"/>
        /// for what it checks itself, or the domain's error as is. <paramref name="trackingCode"/> keeps a code the
        /// case already has (an import of MotCua's own export); <paramref name="context"/> is reused across an import's
        /// rows (it must be the receiving unit's).</summary>
        internal async Task<Result<PaknCase>> BuildAsync(
            PaknSubmission body, PaknChannel channel, PaknActor actor, Guid? account, DateTime? receivedAt, string? note, CancellationToken ct,
            PaknTrackingCode? trackingCode = null, string? externalId = null, PaknContext? context = null)
        {
            ArgumentNullException.ThrowIfNull(body);
            var errors = new Dictionary<string, FieldMessage[]>();
            if (!Enum.TryParse<PaknKind>(body.Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
            {
                errors["kind"] = [new FieldMessage("pakn.kind_choice_required", "Chọn loại: Feedback (phản ánh) hoặc Petition (kiến nghị).")];
            }

            if (body.ReceivingUnitId is not { } unitId || !await db.OrganisationalUnits.AnyAsync(u => u.Id == unitId, ct))
            {
                errors["receivingUnitId"] = [new FieldMessage("pakn.receiving_unit_required", "Chọn cơ quan tiếp nhận phản ánh, kiến nghị.")];
                unitId = Guid.Empty;
            }

            Guid? dossierId = null;
            if (!string.IsNullOrWhiteSpace(body.DossierCode))
            {
                var code = DossierCode.Parse(body.DossierCode.Trim());
                dossierId = code.IsSuccess ? await db.Dossiers.Where(d => d.Code == code.Value).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(ct) : null;
                if (dossierId is null)
                {
                    errors["dossierCode"] = [new FieldMessage("pakn.dossier_code_unknown", "Không tìm thấy hồ sơ có mã này; để trống nếu phản ánh, kiến nghị không về một hồ sơ.")];
                }
            }

            ProcedureCode? procedure = null;
            if (!string.IsNullOrWhiteSpace(body.ProcedureCode))
            {
                var text = body.ProcedureCode.Trim();
                procedure = ProcedureCode.IsWellFormed(text) ? new ProcedureCode(text) : null;
                if (procedure is not { } p || !await db.Procedures.AnyAsync(x => x.Code == p, ct))
                {
                    errors["procedureCode"] = [new FieldMessage("pakn.procedure_code_unknown", "Không tìm thấy thủ tục có mã này; để trống nếu phản ánh, kiến nghị không về một thủ tục.")];
                }
            }

            if (body.Categories?.Any(c => !Enum.IsDefined((PaknContentCategory)c)) == true)
            {
                errors["categories"] = [new FieldMessage("pakn.categories_range", "Nội dung phản ánh, kiến nghị theo Điều 5 Nghị định 20/2008/NĐ-CP là các số từ 1 đến 8.")];
            }

            if (errors.Count > 0)
            {
                return new ValidationFailed(errors);
            }

            var submitter = new PaknSubmitter(body.FullName ?? "", body.Address ?? "", body.Phone ?? "", string.IsNullOrWhiteSpace(body.Email) ? null : body.Email, account);
            context ??= await contexts.ForAsync(unitId, actor, ct);
            var year = VietnamTime.BusinessDate(receivedAt ?? context.NowUtc).Year;
            var data = new NewPaknCase(trackingCode ?? PaknTrackingCode.Generate(year), kind, channel, submitter, body.Subject ?? "", body.Content ?? "", unitId)
            {
                DossierId = dossierId,
                ProcedureCode = procedure,
                Categories = body.Categories?.Select(c => (PaknContentCategory)c).ToList(),
                SubmittedAtUtc = receivedAt,
                Note = note,
                ExternalId = externalId,
            };

            // The domain's own error, unmapped: the API maps it to HTTP, an import reports it against its column.
            return PaknCase.Submit(data, context);
        }
    }
}

/// <summary>Where the PAKN domain's errors land in HTTP: input problems are 400 with the field named, a role the table
/// refuses is 403; rule violations stay 422 (<see cref="ErrorMapping"/>).</summary>
internal static class PaknErrorMapping
{
    public static Error ForApi(Error error) => error switch
    {
        PaknSubmitterInvalid submitter => new ValidationFailed(submitter.Problems.ToDictionary(p => p.Key, p => new[] { p.Value })),
        PaknFieldRequired or PaknInvalidValue or PaknPayloadMissing or PaknCategoriesInvalid or PaknInvalidTime or InvalidPaknTrackingCode
            => ValidationFailed.One(error.Code, FieldMessage.From(error)),
        PaknRoleNotAllowed => new OutOfScope(error.Message.TrimEnd('.')),
        _ => error,
    };
}
