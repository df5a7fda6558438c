using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Persistence;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.DossierNotifications;

/// <summary>What the portal's notifications page lists: the messages <see cref="DossierNotifier"/> put in the outbox
/// for the dossiers the caller owns, newest first, one per history entry (the e-mail when there is one, else the text
/// message). The outbox keys name the dossier (<see cref="DossierNotifier.Key"/>), so nothing else is stored per
/// recipient.</summary>
public sealed class CitizenNotifications(AppDbContext db)
{
    public const int MaxItems = 100;

    private const string Prefix = "dossier.";

    public sealed record Item(Guid DossierId, string? DossierCode, int HistorySequence, string Subject, string Body, DateTime CreatedAt, DateTime? SentAt);

    public async Task<IReadOnlyList<Item>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (DossierAccess.UserId(user) is not { } userId)
        {
            return [];
        }

        var owned = await db.Dossiers.AsNoTracking().Where(d => d.OwnerUserId == userId).Select(d => new { d.Id, d.Code }).ToListAsync(ct);
        var byKey = owned.ToDictionary(d => d.Id.ToString("N"), d => (d.Id, Code: d.Code?.Format()));
        var ids = byKey.Keys.ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        // "dossier.{id:N}.{sequence}.{email|sms}": the 32 characters after the prefix are the dossier's id.
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.IdempotencyKey.StartsWith(Prefix) && ids.Contains(m.IdempotencyKey.Substring(Prefix.Length, 32)))
            .OrderByDescending(m => m.CreatedAt).Take(MaxItems * 2)
            .Select(m => new { m.IdempotencyKey, m.Subject, m.TextBody, m.CreatedAt, m.SentAt })
            .ToListAsync(ct);
        return [.. rows
            .Select(r => (Row: r, Parts: r.IdempotencyKey.Split('.')))
            .Where(x => x.Parts.Length == 4 && byKey.ContainsKey(x.Parts[1]))
            .GroupBy(x => (x.Parts[1], x.Parts[2]))
            .Select(g => g.OrderBy(x => x.Parts[3] == "email" ? 0 : 1).First())
            .Select(x => new Item(byKey[x.Parts[1]].Id, byKey[x.Parts[1]].Code, int.Parse(x.Parts[2], CultureInfo.InvariantCulture),
                x.Row.Subject, x.Row.TextBody, x.Row.CreatedAt, x.Row.SentAt))
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.HistorySequence)
            .Take(MaxItems)];
    }
}
