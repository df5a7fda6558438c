using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MotCua.Domain.Access;
using MotCua.Persistence.Identity;

namespace MotCua.Web.Access;

/// <summary>Gives an account a new security stamp, in the same save, whenever it loses a right: an Identity role
/// removed, a unit role assignment ended, changed or deleted, or a lockout set. Identity changes the stamp itself on a
/// password change; logout changes it explicitly. <see cref="SessionStamps"/> then refuses the old cookies and tokens.</summary>
/// <remarks>Done at the save rather than in each caller so that no path (an admin page, a seed, a future transfer of
/// staff) can remove a right and leave the sessions issued under it alive. After the save, the node's cached stamps of
/// the accounts touched are evicted.</remarks>
public sealed class SessionRevocationInterceptor(SessionStamps stamps, TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            Stamp(context, Revoked(context), id => context.Set<AppUser>().Find(id));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            // Find looks at the tracked entities first, so this loads an account only when the save does not carry it.
            var revoked = Revoked(context);
            var users = new Dictionary<Guid, AppUser?>();
            foreach (var id in revoked)
            {
                users[id] = await context.Set<AppUser>().FindAsync([id], cancellationToken);
            }

            Stamp(context, revoked, id => users.GetValueOrDefault(id));
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Flush(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Flush(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Flush(eventData.Context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>The accounts that lose a right in this save and whose stamp the save does not already change.</summary>
    /// <remarks>Every save runs through here, most of them a dossier's: a full <c>DetectChanges</c> per call would be paid
    /// again by the save itself. So the tracked entries are listed without detection and only the few access entries
    /// (accounts, role memberships, assignments) are detected, one by one.</remarks>
    private HashSet<Guid> Revoked(DbContext context)
    {
        var revoked = new HashSet<Guid>();
        foreach (var entry in AccessEntries(context))
        {
            switch (entry.Entity)
            {
                case IdentityUserRole<Guid> role when entry.State == EntityState.Deleted:
                    revoked.Add(role.UserId);
                    break;
                case StaffRoleAssignment assignment when entry.State is EntityState.Deleted or EntityState.Modified:
                    revoked.Add(assignment.UserId);
                    if (entry.State == EntityState.Modified && entry.Property(nameof(StaffRoleAssignment.UserId)).OriginalValue is Guid previous)
                    {
                        revoked.Add(previous);
                    }

                    break;
                case AppUser user when entry.State == EntityState.Modified && LockedNow(entry):
                    revoked.Add(user.Id);
                    break;
            }
        }

        return revoked;
    }

    private static List<EntityEntry> AccessEntries(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var entries = new List<EntityEntry>();
            foreach (var entry in tracker.Entries())
            {
                if (entry.Entity is AppUser or IdentityUserRole<Guid> or StaffRoleAssignment)
                {
                    if (autoDetect)
                    {
                        entry.DetectChanges();
                    }

                    entries.Add(entry);
                }
            }

            return entries;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private void Stamp(DbContext context, HashSet<Guid> revoked, Func<Guid, AppUser?> find)
    {
        var touched = new HashSet<Guid>();
        foreach (var id in revoked)
        {
            // Identity's store marks every column modified (Update), so "modified" says nothing: compare the values.
            if (find(id) is { } user && context.Entry(user) is { State: EntityState.Unchanged or EntityState.Modified } entry
                && entry.Property(u => u.SecurityStamp) is var stamp && stamp.OriginalValue == stamp.CurrentValue)
            {
                // Same format as Identity's own stamps is not required: the stamp is only compared.
                stamp.CurrentValue = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
                entry.Property(u => u.ConcurrencyStamp).CurrentValue = Guid.NewGuid().ToString();
            }

            touched.Add(id);
        }

        foreach (var entry in AccessEntries(context))
        {
            if (entry.Entity is AppUser user
                && (entry.State == EntityState.Deleted
                    || (entry.State == EntityState.Modified
                        && (entry.Property(nameof(AppUser.SecurityStamp)).IsModified || entry.Property(nameof(AppUser.LockoutEnd)).IsModified))))
            {
                touched.Add(user.Id);
            }
        }

        if (touched.Count > 0)
        {
            _pending.AddOrUpdate(context, touched);
        }
    }

    private bool LockedNow(EntityEntry entry)
    {
        var lockout = entry.Property(nameof(AppUser.LockoutEnd));
        // Any write of a future lockout end (an attached user has no reliable original value to compare with); while
        // locked nobody holds a valid session anyway, so a repeated stamp costs nothing.
        return lockout.IsModified && lockout.CurrentValue is DateTimeOffset end && end > clock.GetUtcNow();
    }

    private void Flush(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var users))
        {
            _pending.Remove(context);
            foreach (var id in users)
            {
                stamps.Evict(id);
            }
        }
    }
}
