using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Feedback;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Calendar;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Feedback;

/// <summary>The applicant's rating of an ended dossier (issue 9 §1; ND 61/2018 Art. 29, 31; domain.md §9.2), once per
/// dossier, from any channel:
/// <list type="bullet">
/// <item>POST /api/v1/dossiers/{id}/rating: the owner citizen (channel <c>Portal</c>), or a desk officer of the receiving
/// unit entering a kiosk, paper or phone rating (<c>Kiosk</c>, <c>Paper</c>, <c>Phone</c>); honours
/// <c>Idempotency-Key</c>;</item>
/// <item>POST /api/v1/public/dossiers/{code}/rating: anyone holding the code and the last digits of the applicant's phone
/// or identity number (the QR code on the result slip), under the public lookup's attempt limits.</item>
/// </list>
/// A dissatisfied rating opens a follow-up for the competent unit's head (<see cref="RatingFollowUp"/>).</summary>
public static class RateDossier
{
    /// <summary>The evaluation sheet: <c>overall</c> and <c>staffAttitude</c> 1 (very dissatisfied) … 5 (very
    /// satisfied); <c>timesContacted</c>, <c>agenciesContacted</c> 0–99; <c>channel</c> only for staff entry.</summary>
    public sealed record RatingSheet(
        string? Channel, int? Overall, int? TimesContacted, int? AgenciesContacted, int? StaffAttitude, bool? UnofficialCost, string? Comment);

    /// <summary>The sheet with the second factor, for the anonymous page.</summary>
    public sealed record PublicRatingSheet(
        string? Digits, int? Overall, int? TimesContacted, int? AgenciesContacted, int? StaffAttitude, bool? UnofficialCost, string? Comment);

    /// <summary>What the rater is told back: the rating's id, and whether a follow-up was opened and by when.</summary>
    public sealed record Rated(Guid Id, Guid DossierId, string Channel, int Overall, bool FollowUpOpened, DateTime? FollowUpDueAt);

    public static RouteHandlerBuilder Map(RouteGroupBuilder dossiers) =>
        dossiers.MapPost("/{id:guid}/rating", async (Guid id, RatingSheet body, HttpRequest request, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.RateAsync(id, body, user, request.Headers[IdempotentResponses.Header].ToString(), ct))
                .ToHttpResult(r => TypedResults.Created($"/api/v1/dossiers/{r.DossierId}/rating", r)))
            .WithName("RateDossier")
            .WithTags("Feedback")
            .Produces<Rated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public static RouteHandlerBuilder MapPublic(RouteGroupBuilder publicApi) =>
        publicApi.MapPost("/dossiers/{code}/rating", async (string code, PublicRatingSheet body, HttpContext http, Handler handler, CancellationToken ct) =>
            {
                var result = await handler.RateByCodeAsync(code, body, http.Connection.RemoteIpAddress, ct);
                if (result is { IsFailure: true, Error: PublicDossierDetail.TooManyAttempts limited })
                {
                    http.Response.Headers.RetryAfter = limited.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                    return ErrorMapping.Problem(StatusCodes.Status429TooManyRequests, limited.Message, limited.Code);
                }

                return result.ToHttpResult(r => TypedResults.Created($"/api/v1/public/dossiers/{code}/rating", r));
            })
            .WithName("RateDossierByCode")
            .WithTags("Public")
            .AllowAnonymous()
            .RequireRateLimiting(PublicDossierLookup.RateLimitPolicy)
            .Produces<Rated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    public sealed class Handler(
        AppDbContext db, DossierAccess access, PublicDossierDetail.Handler verifier, CalendarService calendar, TimeProvider clock,
        IConfiguration configuration, IdempotentResponses idempotency)
    {
        private static readonly RatingChannel[] StaffChannels = [RatingChannel.Kiosk, RatingChannel.Paper, RatingChannel.Phone];

        /// <summary>How many working days the head has to follow up a dissatisfied rating (no legal source sets it).</summary>
        public int FollowUpWorkingDays => Math.Clamp(configuration.GetValue("Feedback:FollowUpWorkingDays", 5), 1, 60);

        public async Task<Result<Rated>> RateAsync(Guid id, RatingSheet body, ClaimsPrincipal user, string? idempotencyKey, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            if (idempotencyKey is { Length: > IdempotentResponses.MaxKeyLength })
            {
                return IdempotentResponses.KeyTooLong();
            }

            var answers = Answers(body.Overall, body.TimesContacted, body.AgenciesContacted, body.StaffAttitude, body.UnofficialCost, body.Comment);
            if (answers.IsFailure)
            {
                return answers.Error;
            }

            var key = IdempotentResponses.For(userId, idempotencyKey, $"POST /dossiers/{id}/rating", body);
            if (key is not null && await idempotency.ReplayAsync<Rated>(key, ct) is { } earlier)
            {
                return earlier;
            }

            var dossier = await db.Dossiers.AsNoTracking().Include(d => d.History).SingleOrDefaultAsync(d => d.Id == id, ct);
            if (dossier is null)
            {
                return new NotFoundError($"hồ sơ {id}");
            }

            RatingChannel channel;
            Guid? recordedBy;
            if (await access.IsOwnerAsync(userId, dossier, ct) && (body.Channel is null || body.Channel == nameof(RatingChannel.Portal)))
            {
                (channel, recordedBy) = (RatingChannel.Portal, null);
            }
            else if (await access.ActorRolesAsync(userId, dossier, ct) is { Count: > 0 } roles)
            {
                if (!roles.Contains(DossierActorRole.DeskOfficer))
                {
                    return new OutOfScope("chỉ người nộp hồ sơ hoặc cán bộ một cửa của đơn vị tiếp nhận nhập được phiếu đánh giá");
                }

                if (!Enum.TryParse(body.Channel, ignoreCase: false, out channel) || !StaffChannels.Contains(channel))
                {
                    return ValidationFailed.One("channel", new FieldMessage("rating.staff_channel",
                        "Cán bộ một cửa nhập đánh giá qua kênh Kiosk (màn hình tại quầy), Paper (phiếu giấy) hoặc Phone (khảo sát qua điện thoại)."));
                }

                recordedBy = userId;
            }
            else
            {
                return await access.DeniedAsync(userId, dossier.Id, ct);
            }

            return await SaveAsync(dossier, channel, answers.Value, recordedBy, key, ct);
        }

        /// <summary>Whether <paramref name="dossierId"/> has been rated: the pages offer the sheet only while it has not.</summary>
        public Task<bool> IsRatedAsync(Guid dossierId, CancellationToken ct) => db.SatisfactionRatings.AnyAsync(r => r.DossierId == dossierId, ct);

        public async Task<Result<Rated>> RateByCodeAsync(string code, PublicRatingSheet body, IPAddress? client, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var answers = Answers(body.Overall, body.TimesContacted, body.AgenciesContacted, body.StaffAttitude, body.UnofficialCost, body.Comment);
            if (answers.IsFailure)
            {
                return answers.Error;
            }

            var dossier = await verifier.VerifyAsync(code, body.Digits, client, ct);
            return dossier.IsSuccess ? await SaveAsync(dossier.Value, RatingChannel.PublicCode, answers.Value, null, null, ct) : dossier.Error;
        }

        /// <summary>The sheet's values as the domain's answers: the API takes the 1–5 scale as numbers; the domain
        /// checks the ranges (<see cref="SatisfactionRating.Create"/>).</summary>
        private static Result<RatingAnswers> Answers(int? overall, int? times, int? agencies, int? attitude, bool? unofficialCost, string? comment) =>
            overall is null
                ? ValidationFailed.One("overall", new FieldMessage("rating.overall_required", "Chọn mức hài lòng chung từ 1 (rất không hài lòng) đến 5 (rất hài lòng)."))
                : new RatingAnswers((Satisfaction)overall, times, agencies, (Satisfaction?)attitude, unofficialCost, comment);

        private async Task<Result<Rated>> SaveAsync(
            Dossier dossier, RatingChannel channel, RatingAnswers answers, Guid? recordedBy, IdempotentResponses.Key? key, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var created = SatisfactionRating.Create(Guid.NewGuid(), dossier, channel, answers, now, recordedBy);
            if (created.IsFailure)
            {
                return created.Error is RatingInvalid invalid ? ValidationFailed.One(invalid.Field, invalid.Detail) : created.Error;
            }

            var rating = created.Value;
            db.SatisfactionRatings.Add(rating);
            // Attributed to the staff who acted on the dossier (its history), never to the applicant or the system.
            foreach (var officer in dossier.History
                         .Where(h => h.ActorId is not null && h.ActorRole is DossierActorRole.DeskOfficer or DossierActorRole.HandlingOfficer or DossierActorRole.AgencyHead)
                         .Select(h => h.ActorId!.Value).Distinct())
            {
                db.SatisfactionRatingOfficers.Add(new SatisfactionRatingOfficer(rating.Id, officer));
            }

            DateTime? dueAt = null;
            if (rating.NeedsFollowUp)
            {
                var (calculator, _, _) = await calendar.ForUnitAsync(db, dossier.CompetentUnitId, ct);
                var due = calculator.ComputeDue(now, FollowUpWorkingDays, ProcessingTimeUnit.WorkingDay, DeadlinePolicy.CalendarDayEnd);
                if (due.IsFailure)
                {
                    return due.Error;
                }

                dueAt = due.Value;
                db.RatingFollowUps.Add(RatingFollowUp.Open(Guid.NewGuid(), rating, dueAt.Value));
            }

            var response = new Rated(rating.Id, dossier.Id, channel.ToString(), (int)rating.Overall, dueAt is not null, dueAt);
            if (key is not null)
            {
                idempotency.Record(key, dossier.Id, StatusCodes.Status201Created, response, now);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                // A concurrent rating of the same dossier (or a concurrent retry with the same key) committed first.
                db.ChangeTracker.Clear();
                if (key is not null && await idempotency.ReplayAsync<Rated>(key, ct) is { } replayed)
                {
                    return replayed;
                }

                return new RatingAlreadyGiven();
            }

            return response;
        }
    }
}
