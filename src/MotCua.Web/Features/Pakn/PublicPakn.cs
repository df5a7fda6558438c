using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Pakn;

/// <summary>The public side of PAKN (ND 20/2008 Art. 19; issue 9 §2):
/// <list type="bullet">
/// <item>GET /api/v1/public/pakn/{code}: anyone with the tracking code sees the status, the deadline and, once
/// published, the answer; never who sent it;</item>
/// <item>GET /api/v1/public/pakn?q&amp;unit&amp;skip: the published answers, newest first, personal data removed;</item>
/// <item>POST /api/v1/public/pakn/{code}/reply <c>{digits, satisfied, comment}</c>: the submitter says whether the published
/// answer satisfies them; a dissatisfied reply reopens the case;</item>
/// <item>POST /api/v1/public/pakn/{code}/supplement <c>{digits, supplement}</c>: the submitter sends what was asked.</item>
/// </list>
/// The submitter proves it is them with the last 4 digits of the phone they gave, under the same attempt limits as the
/// dossier lookup (<see cref="PublicDossierDetail.Handler.TakeAttemptAsync"/>).</summary>
public static class PublicPakn
{
    public const int DigitCount = TrailingDigits.Count;
    public const int PageSize = 20;

    public sealed record PaknReply(
        [property: MaxLength(DigitCount)] string? Digits, bool? Satisfied, [property: MaxLength(PaknFieldLimits.Reason)] string? Comment);

    public sealed record PaknSupplement(
        [property: MaxLength(DigitCount)] string? Digits, [property: MaxLength(PaknFieldLimits.Content)] string? Supplement);

    /// <summary>One published answer. <c>likes</c>, <c>dislikes</c>: the totals last synchronised from the national
    /// system (DVCQG), which 766 §5.3 counts; <c>localLikes</c>, <c>localDislikes</c>: readers' reactions on this portal
    /// (<see cref="PaknReactions"/>), shown beside them and not added to them.</summary>
    public sealed record PublishedRow(
        string TrackingCode, string Kind, string Subject, string Answer, DateTime PublishedAt, string? HandlingUnitName, int Likes, int Dislikes,
        int LocalLikes, int LocalDislikes);

    public sealed record PublishedPage(IReadOnlyList<PublishedRow> Rows, int Total, int Skip);

    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/{code}", async (string code, Handler handler, CancellationToken ct) =>
                (await handler.GetAsync(code, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("PublicPaknLookup")
            .AllowAnonymous()
            .RequireRateLimiting(PublicDossierLookup.RateLimitPolicy)
            .Produces<PaknPublicView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/", async (string? q, Guid? unit, int? skip, Handler handler, CancellationToken ct) =>
                (await handler.PublishedAsync(q, unit, skip ?? 0, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("PublishedPakn")
            .AllowAnonymous()
            .RequireRateLimiting(PublicDossierLookup.RateLimitPolicy)
            .Produces<PublishedPage>()
            .ProducesValidationProblem();
        group.MapPost("/{code}/reply", async (string code, PaknReply body, HttpContext http, Handler handler, CancellationToken ct) =>
                Answer(http, await handler.ReplyAsync(code, body, http.Connection.RemoteIpAddress, ct)))
            .WithName("ReplyToPakn")
            .AllowAnonymous()
            .RequireRateLimiting(PublicDossierLookup.RateLimitPolicy)
            .Produces<PaknPublicView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/{code}/supplement", async (string code, PaknSupplement body, HttpContext http, Handler handler, CancellationToken ct) =>
                Answer(http, await handler.SupplementAsync(code, body, http.Connection.RemoteIpAddress, ct)))
            .WithName("SupplementPakn")
            .AllowAnonymous()
            .RequireRateLimiting(PublicDossierLookup.RateLimitPolicy)
            .Produces<PaknPublicView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static IResult Answer(HttpContext http, Result<PaknPublicView> result)
    {
        if (result is { IsFailure: true, Error: PublicDossierDetail.TooManyAttempts limited })
        {
            http.Response.Headers.RetryAfter = limited.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return ErrorMapping.Problem(StatusCodes.Status429TooManyRequests, limited.Message, limited.Code);
        }

        return result.ToHttpResult(TypedResults.Ok);
    }

    public sealed class Handler(
        AppDbContext db, PaknContexts contexts, PaknNotifier notifier, PublicDossierDetail.Handler gate, PaknReactions.Handler reactions)
    {
        public async Task<Result<PaknPublicView>> GetAsync(string code, CancellationToken ct)
        {
            var parsed = PaknTrackingCode.Parse(code);
            if (parsed.IsFailure)
            {
                return PaknErrorMapping.ForApi(parsed.Error);
            }

            var tracking = parsed.Value;
            var pakn = await db.PaknCases.AsNoTracking().SingleOrDefaultAsync(c => c.TrackingCode == tracking, ct);
            return pakn is null ? new NotFoundError($"phản ánh, kiến nghị {tracking.Format()}") : PaknViewMapping.ToPublic(pakn);
        }

        public async Task<Result<PublishedPage>> PublishedAsync(string? q, Guid? unit, int skip, CancellationToken ct)
        {
            if (skip is < 0 or > 100_000)
            {
                return ValidationFailed.One("skip", new FieldMessage("list.skip_range", "Vị trí bắt đầu phải từ 0 đến 100000."));
            }

            var query = db.PaknCases.AsNoTracking().Where(c => c.Status == PaknStatus.Published);
            if (unit is { } only)
            {
                query = query.Where(c => c.HandlingUnitId == only);
            }

            if (!string.IsNullOrWhiteSpace(q))
            {
                var text = q.Trim();
                query = query.Where(c => c.Subject.Contains(text) || c.PublishedAnswer!.Contains(text));
            }

            var total = await query.CountAsync(ct);
            var cases = await query.OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Id).Skip(skip).Take(PageSize).ToListAsync(ct);
            var unitIds = cases.Select(c => c.HandlingUnitId).Distinct().ToList();
            var names = await db.OrganisationalUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            var local = await reactions.TallyAsync([.. cases.Select(c => c.Id)], ct);
            var rows = cases.Select(c => new PublishedRow(
                c.TrackingCode.Format(), c.Kind.ToString(), PaknRedaction.Redact(c.Subject, c.Submitter), c.PublishedAnswer ?? "", c.PublishedAt!.Value,
                names.GetValueOrDefault(c.HandlingUnitId), c.Likes, c.Dislikes, local.GetValueOrDefault(c.Id).Likes,
                local.GetValueOrDefault(c.Id).Dislikes)).ToList();
            return new PublishedPage(rows, total, skip);
        }

        public async Task<Result<PaknPublicView>> ReplyAsync(string code, PaknReply body, IPAddress? client, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            if (body.Satisfied is not { } satisfied)
            {
                return ValidationFailed.One("satisfied", new FieldMessage("pakn.satisfied_required", "Cho biết Ông/Bà có hài lòng với nội dung trả lời hay không."));
            }

            PaknCommand command = satisfied
                ? string.IsNullOrWhiteSpace(body.Comment) ? new PaknTriggerCommand(PaknTrigger.ReplySatisfied) : new PaknReasonCommand(PaknTrigger.ReplySatisfied, body.Comment)
                : new PaknReasonCommand(PaknTrigger.ReplyDissatisfied, body.Comment ?? "");
            return await FireAsSubmitterAsync(code, body.Digits, command, client, ct);
        }

        public async Task<Result<PaknPublicView>> SupplementAsync(string code, PaknSupplement body, IPAddress? client, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            return await FireAsSubmitterAsync(code, body.Digits, new ProvidePaknSupplementCommand(body.Supplement ?? ""), client, ct);
        }

        private async Task<Result<PaknPublicView>> FireAsSubmitterAsync(string code, string? digits, PaknCommand command, IPAddress? client, CancellationToken ct)
        {
            var parsed = PaknTrackingCode.Parse(code);
            if (parsed.IsFailure)
            {
                return PaknErrorMapping.ForApi(parsed.Error);
            }

            if (!TrailingDigits.IsWellFormed(digits))
            {
                return ValidationFailed.One("digits", new FieldMessage("pakn.digits_invalid",
                    "Nhập đúng {0} chữ số cuối của số điện thoại đã khai khi gửi phản ánh, kiến nghị.", DigitCount));
            }

            var tracking = parsed.Value;
            var subject = "pakn:" + tracking.Format();
            if (await gate.TakeAttemptAsync(subject, client, ct) is { } limited)
            {
                return limited;
            }

            var pakn = await db.PaknCases.Include(c => c.History).SingleOrDefaultAsync(c => c.TrackingCode == tracking, ct);
            var matched = pakn is not null && TrailingDigits.MatchAny(digits, pakn.Submitter.Phone);
            await gate.SettleAttemptAsync(subject, client, matched, ct);
            if (!matched)
            {
                // Same words for an unknown code and wrong digits.
                return new NotFoundError("phản ánh, kiến nghị có mã và số điện thoại đã nhập");
            }

            var context = await contexts.ForAsync(pakn!.HandlingUnitId, new PaknActor(pakn.Submitter.AccountId, PaknActorRole.Citizen), ct);
            var version = pakn.Version;
            var fired = pakn.Fire(command, context);
            if (fired.IsFailure)
            {
                return PaknErrorMapping.ForApi(fired.Error);
            }

            await notifier.AfterAsync(pakn, fired.Value, context.NowUtc, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                return new StaleVersion(version, version + 1);
            }

            return PaknViewMapping.ToPublic(pakn);
        }
    }
}
