using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Units;
using MotCua.Persistence.Holidays;
using MotCua.Persistence.Identity;
using MotCua.Persistence.Seeding.Dossiers;

namespace MotCua.Persistence.Seeding;

/// <summary>
/// Seeds reference data (roles, procedure catalogue) and presets. Idempotent: rows are keyed by name-based ids, and a second run adds
/// nothing. Used by the web app at first start and by <c>motcua seed --preset demo</c>.
/// </summary>
public sealed class DatabaseSeeder(AppDbContext db, TimeProvider? clock = null)
{
    /// <summary>Preset names <see cref="SeedAsync"/> accepts.</summary>
    public static IReadOnlyList<string> Presets { get; } = [DemoData.Preset];

    /// <summary>Whether the demo preset includes the demo dossiers (<c>Seed:DemoDossiers</c> in the web app; tests that
    /// count dossiers turn it off).</summary>
    public bool IncludeDemoDossiers { get; set; } = true;

    /// <summary>Seeds the reference data and then the named preset.</summary>
    /// <exception cref="ArgumentException">Unknown preset.</exception>
    public async Task<SeedResult> SeedAsync(string preset, CancellationToken ct = default)
    {
        if (!Presets.Contains(preset, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Unknown seed preset '{preset}'. Known: {string.Join(", ", Presets)}.", nameof(preset));
        }

        var reference = await SeedReferenceDataAsync(ct);
        var (units, desks) = await SeedDemoUnitsAsync(ct);
        var (users, assignments) = await SeedUsersAsync(DemoData.Users, ct);
        var dossiers = IncludeDemoDossiers ? await DemoDossierSeeder.SeedAsync(db, ct) : 0;
        var questionnaires = await DemoSurveySeeder.SeedAsync(db, ct);
        var frameworks = await DemoParIndexSeeder.SeedAsync(db, ct);
        await DemoParCommitmentSeeder.SeedAsync(db, ct);
        return new SeedResult(DemoData.Preset, reference.RolesAdded, units, desks, users, assignments, reference.Catalogue.VersionsAdded)
        {
            DossiersAdded = dossiers,
            QuestionnairesAdded = questionnaires,
            ParFrameworksAdded = frameworks,
        };
    }

    /// <summary>
    /// Seeds what every database needs whatever the preset, production included: the Identity roles and the
    /// official holiday schedules (<see cref="HolidayScheduleSeeder"/>) and the procedure catalogue
    /// (<see cref="CatalogueSeeder"/>).
    /// </summary>
    public async Task<ReferenceSeedResult> SeedReferenceDataAsync(CancellationToken ct = default)
    {
        var roles = await EnsureRolesAsync(ct);
        var holidays = await HolidayScheduleSeeder.SeedAsync(db, (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime, ct);
        var catalogue = await CatalogueSeeder.SeedAsync(db, ct);
        return new ReferenceSeedResult(roles, holidays, catalogue);
    }

    /// <summary>Creates the Identity roles named after <see cref="StaffRole"/>; returns how many were missing.</summary>
    public async Task<int> EnsureRolesAsync(CancellationToken ct = default)
    {
        var existing = await db.Roles.Select(r => r.NormalizedName).ToListAsync(ct);
        var missing = Enum.GetValues<StaffRole>()
            .Where(r => !existing.Contains(r.ToString().ToUpperInvariant()))
            .Select(r => new AppRole(r.ToString()) { Id = DemoData.RoleId(r), NormalizedName = r.ToString().ToUpperInvariant(), ConcurrencyStamp = DemoData.RoleId(r).ToString() })
            .ToList();
        db.Roles.AddRange(missing);
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    /// <summary>Whether any organisational unit exists (the web app seeds the demo only into an empty database).</summary>
    public Task<bool> HasUnitsAsync(CancellationToken ct = default) => db.OrganisationalUnits.AnyAsync(ct);

    private async Task<(int Units, int Desks)> SeedDemoUnitsAsync(CancellationToken ct)
    {
        var existingUnits = (await db.OrganisationalUnits.Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var existingDesks = (await db.OneStopDesks.Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        int units = 0, desks = 0;

        // Successors are linked in a second pass: a district's successor commune may come later in the list.
        foreach (var u in DemoData.Units.Where(u => !existingUnits.Contains(DemoData.UnitId(u.Code))))
        {
            var parent = u.ParentCode is null ? (Guid?)null : DemoData.UnitId(u.ParentCode);
            db.OrganisationalUnits.Add(OrganisationalUnit.Create(DemoData.UnitId(u.Code), u.Name, u.ShortName, u.Level, u.Code, parent, u.ValidFrom, u.ValidTo));
            units++;
        }

        await db.SaveChangesAsync(ct);

        foreach (var u in DemoData.Units)
        {
            if (u.SuccessorCode is not null && !existingUnits.Contains(DemoData.UnitId(u.Code)))
            {
                var unit = await db.OrganisationalUnits.SingleAsync(x => x.Id == DemoData.UnitId(u.Code), ct);
                unit.Close(u.ValidTo ?? throw new InvalidOperationException($"Demo unit {u.Code} has a successor but no end date."), DemoData.UnitId(u.SuccessorCode));
            }

            if (u.Desk is { } d && !existingDesks.Contains(DemoData.DeskId(u.Code)))
            {
                db.OneStopDesks.Add(OneStopDesk.Create(DemoData.DeskId(u.Code), DemoData.UnitId(u.Code), d.Name, d.Kind, d.ValidFrom, d.ValidTo));
                desks++;
            }
        }

        await db.SaveChangesAsync(ct);
        return (units, desks);
    }

    /// <summary>Adds <see cref="DemoData.BenchDeskUser"/> (scale preset); returns whether it was missing.</summary>
    public async Task<bool> EnsureBenchUserAsync(CancellationToken ct = default) =>
        (await SeedUsersAsync([DemoData.BenchDeskUser], ct)).Users > 0;

    /// <summary>Adds the logins of <paramref name="users"/> that are missing (with the demo password), each with its role on
    /// its unit; returns how many users were added. For scenarios that need more officers than the demo's one per role.</summary>
    public async Task<int> EnsureUsersAsync(IEnumerable<DemoUser> users, CancellationToken ct = default) =>
        (await SeedUsersAsync(users, ct)).Users;

    private async Task<(int Users, int Assignments)> SeedUsersAsync(IEnumerable<DemoUser> demoUsers, CancellationToken ct)
    {
        var hasher = new PasswordHasher<AppUser>();
        var existingUsers = (await db.Users.Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var existingAssignments = (await db.StaffRoleAssignments.Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        int users = 0, assignments = 0;
        foreach (var demo in demoUsers)
        {
            var userId = DemoData.UserId(demo.Email);
            if (!existingUsers.Contains(userId))
            {
                var user = new AppUser
                {
                    Id = userId,
                    FullName = demo.FullName,
                    HomeUnitId = demo.UnitCode is null ? null : DemoData.UnitId(demo.UnitCode),
                    UserName = demo.Email,
                    NormalizedUserName = demo.Email.ToUpperInvariant(),
                    Email = demo.Email,
                    NormalizedEmail = demo.Email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    LockoutEnabled = true,
                    SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                };
                user.PasswordHash = hasher.HashPassword(user, DemoData.Password);
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = userId, RoleId = DemoData.RoleId(demo.Role) });
                users++;
            }

            var assignmentId = DeterministicGuid.Create($"assignment:{demo.Email}:{demo.Role}:{demo.UnitCode}");
            if (demo.UnitCode is not null && !existingAssignments.Contains(assignmentId))
            {
                db.StaffRoleAssignments.Add(StaffRoleAssignment.Create(assignmentId, userId, demo.Role, DemoData.UnitId(demo.UnitCode), demo.IncludeDescendants, DemoData.ReformDay));
                assignments++;
            }
        }

        await db.SaveChangesAsync(ct);
        return (users, assignments);
    }
}
