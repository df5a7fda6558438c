using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ParIndex;
using MotCua.Persistence.Seeding.Dossiers;

namespace MotCua.Persistence.Seeding;

/// <summary>
/// The demo preset's PAR Index commitments (issue 11 §5): two departments of the demo province have signed theirs under the
/// 2026 department framework (<see cref="DemoParIndexSeeder"/>), the Department of Finance at the default proposal
/// (100 % in the appraised areas, 95 % in the survey area) and the Department of Health with 97 % in the survey area, so
/// the Home Affairs board has something to show. The Department of Justice, whose demo officers sign in, is left to do
/// its own. Their heads have no demo account: the signer is a fixed id. Idempotent: a unit that already has a commitment
/// is skipped.
/// </summary>
public static class DemoParCommitmentSeeder
{
    /// <summary>The departments that signed, with their survey-area target.</summary>
    public static IReadOnlyList<(string UnitCode, decimal SurveyTarget)> Signers { get; } = [("000.00.04.H56", 95m), ("000.00.07.H56", 97m)];

    /// <summary>Seeds the commitments missing; returns how many were added.</summary>
    public static async Task<int> SeedAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var framework = await db.ParFrameworks.AsNoTracking().SingleOrDefaultAsync(f => f.Id == DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026), ct);
        if (framework is null)
        {
            return 0;
        }

        var added = 0;
        var signedAt = DemoDossierSeeder.TodayUtc.AddDays(-21);
        foreach (var (code, surveyTarget) in Signers)
        {
            var unit = DemoData.UnitId(code);
            if (await db.ParCommitments.AnyAsync(c => c.FrameworkId == framework.Id && c.UnitId == unit, ct))
            {
                continue;
            }

            var head = DeterministicGuid.Create($"demo-par-commitment-head:{code}");
            var commitment = ParCommitment.Create(DeterministicGuid.Create($"demo-par-commitment:{code}:2026"), framework, unit, head, signedAt.AddDays(-2)).Value;
            var targets = commitment.Targets.Select(t => ParCommitment.GroupOf(framework.Tree.Areas.Single(a => a.Code == t.Area), framework.Level) == ParAreaGroup.Survey
                ? t with { Percent = surveyTarget }
                : t).ToList();
            var set = commitment.SetTargets(framework, targets, head, signedAt.AddDays(-1));
            var signed = set.IsSuccess ? commitment.Sign(head, signedAt) : set;
            if (signed.IsFailure)
            {
                throw new InvalidOperationException($"The demo PAR commitment of {code} cannot be signed: {signed.Error.Message}");
            }

            db.ParCommitments.Add(commitment);
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
