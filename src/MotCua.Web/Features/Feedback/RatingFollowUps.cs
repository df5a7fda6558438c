using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Feedback;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Feedback;

/// <summary>The agency head's follow-ups of dissatisfied ratings: GET /api/v1/rating-follow-ups?unit&amp;open (the
/// head's units, due soonest first) and POST /api/v1/rating-follow-ups/{id}/close <c>{"resolution","version"}</c>.
/// A follow-up shows the answers and the dossier, never who rated (ND 61/2018 Art. 27: the rater is not kept).</summary>
public static class RatingFollowUps
{
    /// <summary>Most rows in one answer.</summary>
    public const int MaxRows = 200;

    public sealed record Row(
        Guid Id, Guid DossierId, string? DossierCode, Guid UnitId, DateTime OpenedAt, DateTime DueAt, bool Late, DateTime? ClosedAt,
        string? Resolution, int Version, string Channel, int Overall, int? StaffAttitude, bool? UnofficialCost, int? TimesContacted,
        int? AgenciesContacted, string? Comment);

    public sealed record CloseBody(string? Resolution, int? Version);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/rating-follow-ups").RequireAuthorization(ApiAuth.Policy).WithTags("Feedback");
        group.MapGet("/", async (Guid? unit, bool? open, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ListAsync(unit, open ?? true, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ListRatingFollowUps")
            .Produces<IReadOnlyList<Row>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:guid}/close", async (Guid id, CloseBody body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.CloseAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("CloseRatingFollowUp")
            .Produces<Row>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    public sealed class Handler(AppDbContext db, DossierAccess access, TimeProvider clock)
    {
        public async Task<Result<IReadOnlyList<Row>>> ListAsync(Guid? unit, bool open, ClaimsPrincipal user, CancellationToken ct)
        {
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            var units = await access.UnitsWithRoleAsync(userId, StaffRole.AgencyHead, ct);
            if (unit is { } only)
            {
                if (!units.Contains(only))
                {
                    return new OutOfScope("chỉ lãnh đạo của đơn vị xem được việc xử lý đánh giá của đơn vị");
                }

                units = [only];
            }
            else if (units.Count == 0)
            {
                return new OutOfScope("chỉ lãnh đạo cơ quan xem được việc xử lý đánh giá");
            }

            var query = db.RatingFollowUps.AsNoTracking().Where(f => units.Contains(f.UnitId));
            query = open ? query.Where(f => f.ClosedAt == null).OrderBy(f => f.DueAt) : query.Where(f => f.ClosedAt != null).OrderByDescending(f => f.ClosedAt);
            var rows = await JoinAsync(await query.Take(MaxRows).ToListAsync(ct), ct);
            var now = clock.GetUtcNow().UtcDateTime;
            return rows.Select(r => ToRow(r, now)).ToList();
        }

        public async Task<Result<Row>> CloseAsync(Guid id, CloseBody body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            if (body.Version is not { } version)
            {
                return ValidationFailed.One("version", new FieldMessage("api.version_required", "Phải gửi phiên bản (version) đã đọc."));
            }

            var followUp = await db.RatingFollowUps.SingleOrDefaultAsync(f => f.Id == id, ct);
            if (followUp is null)
            {
                return new NotFoundError($"việc xử lý đánh giá {id}");
            }

            if (!(await access.UnitsWithRoleAsync(userId, StaffRole.AgencyHead, ct)).Contains(followUp.UnitId))
            {
                return new OutOfScope("chỉ lãnh đạo cơ quan có thẩm quyền đóng được việc xử lý đánh giá");
            }

            if (followUp.Version != version)
            {
                return new StaleVersion(version, followUp.Version);
            }

            var closed = followUp.Close(body.Resolution, userId, clock.GetUtcNow().UtcDateTime);
            if (closed.IsFailure)
            {
                return closed.Error is FollowUpResolutionRequired or FollowUpResolutionInvalid
                    ? ValidationFailed.One("resolution", FieldMessage.From(closed.Error))
                    : closed.Error;
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = await db.RatingFollowUps.AsNoTracking().Where(f => f.Id == id).Select(f => f.Version).SingleAsync(ct);
                return new StaleVersion(version, current);
            }

            return ToRow((await JoinAsync([followUp], ct)).Single(), clock.GetUtcNow().UtcDateTime);
        }

        // The ratings and dossier codes of a page of follow-ups, in two keyed reads.
        private async Task<List<Joint>> JoinAsync(List<RatingFollowUp> followUps, CancellationToken ct)
        {
            var ratingIds = followUps.Select(f => f.RatingId).ToList();
            var dossierIds = followUps.Select(f => f.DossierId).ToList();
            var ratings = await db.SatisfactionRatings.AsNoTracking().Where(r => ratingIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            var codes = await db.Dossiers.AsNoTracking().Where(d => dossierIds.Contains(d.Id)).Select(d => new { d.Id, d.Code }).ToDictionaryAsync(d => d.Id, d => d.Code, ct);
            return [.. followUps.Select(f => new Joint(f, ratings[f.RatingId], codes.GetValueOrDefault(f.DossierId)))];
        }

        private static Row ToRow(Joint j, DateTime nowUtc) => new(
            j.FollowUp.Id, j.FollowUp.DossierId, j.Code?.Format(), j.FollowUp.UnitId, j.FollowUp.OpenedAt, j.FollowUp.DueAt,
            j.FollowUp.IsLateAt(nowUtc), j.FollowUp.ClosedAt, j.FollowUp.Resolution, j.FollowUp.Version, j.Rating.Channel.ToString(),
            (int)j.Rating.Overall, (int?)j.Rating.StaffAttitude, j.Rating.UnofficialCost, j.Rating.TimesContacted, j.Rating.AgenciesContacted,
            j.Rating.Comment);

        private sealed record Joint(RatingFollowUp FollowUp, SatisfactionRating Rating, DossierCode? Code);
    }
}
