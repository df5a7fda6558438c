using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ParIndex;
using MotCua.Persistence.Seeding.Dossiers;

namespace MotCua.Persistence.Seeding;

/// <summary>
/// The demo preset's PAR Index frameworks for 2026 (domain.md §11): one for the departments and one for the communes of
/// the demo province, issued. They are data, not code: <c>Seeding/ParIndex/*.json</c> in the documented framework format
/// (<c>src/MotCua.Domain/ParIndex/README.md</c>), read through the same checks as an import. The criteria are
/// <b>illustrative</b>: they follow the eight areas of domain.md §11.2 and the scoring patterns of §11.3, but the real
/// annexes of Sơn La's decisions were not retrieved. Idempotent: a level that already has a framework for the year is
/// skipped.
/// </summary>
public static class DemoParIndexSeeder
{
    /// <summary>The embedded files, one per level.</summary>
    public static IReadOnlyList<string> Files { get; } = ["framework-department-2026.json", "framework-commune-2026.json"];

    /// <summary>The id of the demo framework with <paramref name="code"/> for <paramref name="year"/>.</summary>
    public static Guid FrameworkId(string code, int year) => DeterministicGuid.Create($"demo-par-framework:{code}:{year}");

    /// <summary>The checked definition in the embedded file <paramref name="file"/>.</summary>
    public static ParFrameworkDefinition Load(string file)
    {
        using var stream = typeof(DemoParIndexSeeder).Assembly.GetManifestResourceStream("MotCua.Persistence.Seeding.ParIndex." + file)
            ?? throw new InvalidOperationException($"The demo PAR framework {file} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var (definition, problems) = ParFrameworkJson.Parse(reader.ReadToEnd());
        return definition is not null && problems.Count == 0
            ? definition
            : throw new InvalidOperationException($"The demo PAR framework {file} is invalid: {string.Join("; ", problems)}");
    }

    /// <summary>Seeds the frameworks missing; returns how many were added.</summary>
    public static async Task<int> SeedAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var province = DemoData.UnitId(DemoData.ProvinceCode);
        var added = 0;
        foreach (var file in Files)
        {
            var definition = Load(file);
            if (await db.ParFrameworks.AnyAsync(f => f.ProvinceUnitId == province && f.Year == definition.Year && f.Level == definition.Level, ct))
            {
                continue;
            }

            // Issued in the autumn before the demo's "today", as provinces do (domain.md §11.4 step 1).
            var issuedAt = DemoDossierSeeder.TodayUtc.AddDays(-30);
            var framework = ParFramework.CreateDraft(FrameworkId(definition.Code, definition.Year), province, definition, 1, issuedAt.AddDays(-14));
            var issued = framework.Issue(definition.DecisionNumber, definition.DecisionDate, issuedAt);
            // Self-assessments due three weeks after the demo's "today" (domain.md §11.4 step 3).
            if (issued.IsSuccess)
            {
                issued = framework.SetSelfAssessmentDeadline(Domain.Calendar.VietnamTime.BusinessDate(DemoDossierSeeder.TodayUtc).AddDays(21));
            }

            if (issued.IsFailure)
            {
                throw new InvalidOperationException($"The demo PAR framework {file} cannot be issued: {issued.Error.Message}");
            }

            db.ParFrameworks.Add(framework);
            added++;
        }

        if (added > 0)
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return added;
    }
}
