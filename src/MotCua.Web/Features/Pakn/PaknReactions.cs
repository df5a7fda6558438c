using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Pakn;

/// <summary>Readers' likes and dislikes of a published PAKN answer on this portal (issue 9 §2):
/// <list type="bullet">
/// <item>POST /api/v1/public/pakn/{code}/reaction <c>{reaction: Like | Dislike | None}</c>: the caller's one reaction to the
/// case, given, changed or withdrawn (<c>None</c>); the answer has the portal's tallies and DVCQG's synchronised ones;
/// throttled per client like the other public calls.</item>
/// </list>
/// One reaction per reader and case: a signed-in person is their account; anyone else is a random pseudonymous cookie
/// (<see cref="ReaderCookie"/>) whose SHA-256 is the stored key. The page <c>/Portal/Pakn/React</c> posts here.</summary>
public static class PaknReactions
{
    /// <summary>The reaction as sent: <c>Like</c>, <c>Dislike</c>, or <c>None</c> to withdraw it.</summary>
    public sealed record PaknReactionRequest([property: MaxLength(16)] string? Reaction);

    /// <summary>The caller's reaction now (null: none), this portal's tallies, and the totals last synchronised from DVCQG
    /// (<c>syncedLikes</c>, <c>syncedDislikes</c>, which 766 §5.3 counts).</summary>
    public sealed record PaknReactionView(
        string TrackingCode, string? Mine, int LocalLikes, int LocalDislikes, int SyncedLikes, int SyncedDislikes);

    /// <summary>A case's reactions on this portal.</summary>
    public readonly record struct Tally(int Likes, int Dislikes);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/{code}/reaction", async (string code, PaknReactionRequest body, HttpContext http, Handler handler, CancellationToken ct) =>
            {
                var signedIn = await http.AuthenticateAsync(ApiAuth.Scheme);
                var reader = ReaderCookie.Key(http, signedIn.Succeeded ? signedIn.Principal : null, issue: true)!;
                return (await handler.ReactAsync(code, body, reader, ct)).ToHttpResult(TypedResults.Ok);
            })
            .WithName("ReactToPaknAnswer")
            .AllowAnonymous()
            .RequireRateLimiting(PublicDossierLookup.RateLimitPolicy)
            .Produces<PaknReactionView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        /// <summary>Gives, changes or withdraws <paramref name="readerKey"/>'s reaction to the case.</summary>
        public async Task<Result<PaknReactionView>> ReactAsync(string code, PaknReactionRequest body, string readerKey, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            ArgumentException.ThrowIfNullOrEmpty(readerKey);
            PaknReactionKind? kind = body.Reaction switch
            {
                nameof(PaknReactionKind.Like) => PaknReactionKind.Like,
                nameof(PaknReactionKind.Dislike) => PaknReactionKind.Dislike,
                "None" => null,
                _ => (PaknReactionKind)0,
            };
            if (kind == 0)
            {
                return ValidationFailed.One("reaction",
                    new FieldMessage("pakn.reaction_choice", "Chọn Like (thích), Dislike (không thích) hoặc None (bỏ ý kiến đã chọn)."));
            }

            var parsed = PaknTrackingCode.Parse(code);
            if (parsed.IsFailure)
            {
                return PaknErrorMapping.ForApi(parsed.Error);
            }

            var tracking = parsed.Value;
            var pakn = await db.PaknCases.AsNoTracking().SingleOrDefaultAsync(c => c.TrackingCode == tracking, ct);
            if (pakn is null)
            {
                return new NotFoundError($"phản ánh, kiến nghị {tracking.Format()}");
            }

            // Two first reactions of one reader at once: the unique (case, reader) lets one insert through; the other is
            // tried again, and then finds the row and changes it.
            for (var attempt = 1; ; attempt++)
            {
                var (refused, conflict) = await SaveAsync(pakn, kind, readerKey, ct);
                if (refused is not null)
                {
                    return PaknErrorMapping.ForApi(refused);
                }

                if (!conflict)
                {
                    break;
                }

                if (attempt == 3)
                {
                    return new StaleVersion(0, 1);
                }
            }

            var tally = (await TallyAsync([pakn.Id], ct)).GetValueOrDefault(pakn.Id);
            return new PaknReactionView(pakn.TrackingCode.Format(), kind?.ToString(), tally.Likes, tally.Dislikes, pakn.Likes, pakn.Dislikes);
        }

        /// <summary>This portal's likes and dislikes of the given cases (a case without any is absent).</summary>
        public async Task<IReadOnlyDictionary<Guid, Tally>> TallyAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(caseIds);
            var counts = await db.PaknReactions.AsNoTracking().Where(r => caseIds.Contains(r.CaseId))
                .GroupBy(r => new { r.CaseId, r.Kind }).Select(g => new { g.Key.CaseId, g.Key.Kind, Count = g.Count() })
                .ToListAsync(ct);
            return counts.GroupBy(c => c.CaseId).ToDictionary(
                g => g.Key,
                g => new Tally(g.Where(c => c.Kind == PaknReactionKind.Like).Sum(c => c.Count), g.Where(c => c.Kind == PaknReactionKind.Dislike).Sum(c => c.Count)));
        }

        /// <summary>The reader's reactions to the cases with the given tracking codes (as formatted), by code.</summary>
        public async Task<IReadOnlyDictionary<string, PaknReactionKind>> MineAsync(IReadOnlyCollection<string> trackingCodes, string? readerKey, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(trackingCodes);
            if (readerKey is null || trackingCodes.Count == 0)
            {
                return new Dictionary<string, PaknReactionKind>();
            }

            var codes = trackingCodes.Select(PaknTrackingCode.Parse).Where(c => c.IsSuccess).Select(c => c.Value).ToList();
            var cases = await db.PaknCases.AsNoTracking().Where(c => codes.Contains(c.TrackingCode)).Select(c => new { c.Id, c.TrackingCode }).ToListAsync(ct);
            var ids = cases.Select(c => c.Id).ToList();
            var mine = await db.PaknReactions.AsNoTracking().Where(r => r.ReaderKey == readerKey && ids.Contains(r.CaseId))
                .ToDictionaryAsync(r => r.CaseId, r => r.Kind, ct);
            return cases.Where(c => mine.ContainsKey(c.Id)).ToDictionary(c => c.TrackingCode.Format(), c => mine[c.Id], StringComparer.Ordinal);
        }

        private async Task<(Error? Refused, bool Conflict)> SaveAsync(PaknCase pakn, PaknReactionKind? kind, string readerKey, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var existing = await db.PaknReactions.SingleOrDefaultAsync(r => r.CaseId == pakn.Id && r.ReaderKey == readerKey, ct);
            if (kind is not { } chosen)
            {
                // Withdrawing is always allowed, published or not: it only takes the reader's own word back.
                if (existing is not null)
                {
                    db.PaknReactions.Remove(existing);
                }
            }
            else
            {
                var result = existing is null
                    ? PaknReaction.Create(Guid.CreateVersion7(), pakn, readerKey, chosen, now)
                    : existing.Change(pakn, chosen, now);
                if (result.IsFailure)
                {
                    db.ChangeTracker.Clear();
                    return (result.Error, false);
                }

                if (existing is null)
                {
                    db.PaknReactions.Add(result.Value);
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return (null, false);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                return (null, true);
            }
        }
    }
}

/// <summary>Who a reader is, for reactions: a signed-in person's account (<c>a:</c> + id), or else a random 256-bit
/// value in the <see cref="Name"/> cookie (HttpOnly, SameSite=Lax, a year), stored only as <c>c:</c> + its SHA-256 so
/// that the table cannot be turned back into cookies. The cookie is pseudonymous (no account, no address); it links one
/// browser's reactions and nothing else, and clearing it makes a new reader: the limit is one reaction per browser, not
/// per person, which the rate limit and the account's own key bound.</summary>
public static class ReaderCookie
{
    public const string Name = "motcua.reader";

    /// <summary>The reader's key, or <see langword="null"/> for an anonymous reader without the cookie when
    /// <paramref name="issue"/> is false (reading a page issues nothing).</summary>
    public static string? Key(HttpContext http, ClaimsPrincipal? user, bool issue)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (user is not null && DossierAccess.UserId(user) is { } userId)
        {
            return $"a:{userId:N}";
        }

        // The same shape as a survey invitation token: 32 random bytes, base64url; the generator and the check are shared.
        var value = http.Request.Cookies[Name];
        if (!InvitationToken.IsWellFormed(value))
        {
            if (!issue)
            {
                return null;
            }

            value = InvitationToken.New();
            http.Response.Cookies.Append(Name, value, new CookieOptions
            {
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
                Path = "/",
            });
        }

        return "c:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(value!)));
    }
}
