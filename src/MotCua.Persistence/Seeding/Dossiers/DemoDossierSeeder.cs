using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Persistence.Dossiers;

namespace MotCua.Persistence.Seeding.Dossiers;

/// <summary>
/// The demo preset's dossiers: every internal state, late ones, apologies, supplements under both clock policies,
/// inter-agency and consultation rounds, across the demo desks and all three channels. Built through the domain with a
/// fixed "today" and a seeded random, so two runs produce the same dossiers; a second run adds nothing.
/// </summary>
public static class DemoDossierSeeder
{
    /// <summary>The demo's "today": the evening of 20 November 2026, Vietnam time.</summary>
    public static readonly DateTime TodayUtc = VietnamTime.ToUtc(new DateTime(2026, 11, 20, 17, 30, 0));

    /// <summary>The id of the <paramref name="index"/>-th demo dossier.</summary>
    public static Guid DossierId(int index) => DeterministicGuid.Create($"demo-dossier:{index}");

    /// <summary>Seeds the demo dossiers unless they exist; returns how many were added.</summary>
    public static async Task<int> SeedAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Dossiers.AnyAsync(d => d.Id == DossierId(0), ct))
        {
            return 0;
        }

        var today = VietnamTime.BusinessDate(TodayUtc);
        var units = await SeedSources.DeskUnitsAsync(db, today, ct);
        var procedures = await SeedSources.ProceduresAsync(db, today, ct);
        if (units.Count == 0 || procedures.Count == 0)
        {
            return 0;
        }

        var calendar = await SeedCalendar.LoadAsync(db, ct);
        var numbering = await SeedNumbering.LoadAsync(db, ct);
        var simulator = new DossierLifeSimulator(calendar, DemoActors, TimeSpan.FromHours(3));
        var random = new Random(20261120);
        var plans = Plans(units, procedures, calendar, numbering, random, today);

        var dossiers = plans.Select(p => simulator.Run(p.Plan, TodayUtc)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Dossiers.AddRange(dossiers);
        foreach (var (plan, desk) in plans)
        {
            if (plan.Code is not null && desk is { } deskId)
            {
                var (year, number) = numbering.NextRegisterNumber(deskId, plan.ReceivedAt);
                db.DossierRegisterEntries.Add(new DossierRegisterEntry { DossierId = plan.Data.Id!.Value, DeskId = deskId, Year = year, Number = number });
            }
        }

        await db.SaveChangesAsync(ct);
        await SaveCountersAsync(db, numbering, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return dossiers.Count;
    }

    /// <summary>The demo users named in generated history.</summary>
    public static DossierActorIds DemoActors { get; } = new(
        DemoData.UserId("tiepnhan@motcua.local"), DemoData.UserId("chuyenvien@motcua.local"),
        DemoData.UserId("lanhdao@motcua.local"), DemoData.UserId("congdan@motcua.local"));

    /// <summary>Writes the counters after a bulk insert (upsert to the higher value).</summary>
    internal static async Task SaveCountersAsync(AppDbContext db, SeedNumbering numbering, CancellationToken ct)
    {
        foreach (var ((unit, date), last) in numbering.CodeCounters)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "DossierCodeCounters" ("UnitId", "Date", "LastSequence") VALUES ({unit}, {date}, {last})
                ON CONFLICT ("UnitId", "Date") DO UPDATE SET "LastSequence" = {last}
                """, ct);
        }

        foreach (var ((desk, year), last) in numbering.RegisterCounters)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "RegisterBookCounters" ("DeskId", "Year", "LastNumber") VALUES ({desk}, {year}, {last})
                ON CONFLICT ("DeskId", "Year") DO UPDATE SET "LastNumber" = {last}
                """, ct);
        }
    }

    private static List<(DossierLifePlan Plan, Guid? Desk)> Plans(
        IReadOnlyList<SeedUnit> units, IReadOnlyList<SeedProcedure> procedures, SeedCalendar calendar, SeedNumbering numbering, Random random, DateOnly today)
    {
        // One dossier in every state, then the interesting shapes: late, apologised, supplements under both clock
        // policies, inter-agency, consultation, verification, fees.
        var shapes = new List<(DossierStatus Target, Func<DossierLifePlan, DossierLifePlan> Tweak, int DaysAgo)>();
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            shapes.Add((status, p => p, status is DossierStatus.Returned or DossierStatus.ResultAtDesk ? 40 : 3));
        }

        shapes.Add((DossierStatus.Returned, p => p with { Late = true }, 60));
        shapes.Add((DossierStatus.Returned, p => p with { Late = true, Supplement = true }, 55));
        shapes.Add((DossierStatus.ResultAtDesk, p => p with { Late = true }, 45));
        shapes.Add((DossierStatus.Returned, p => p with { ApologyWanted = true, Late = true }, 50));
        shapes.Add((DossierStatus.Appraising, p => p with { ApologyWanted = true }, 6));
        shapes.Add((DossierStatus.Returned, p => p with { ApologyWanted = true }, 35));
        shapes.Add((DossierStatus.Returned, p => p with { Supplement = true, Terms = p.Terms with { SupplementPolicy = SupplementClockPolicy.SupplementRestart } }, 30));
        shapes.Add((DossierStatus.Returned, p => p with { Supplement = true, Terms = p.Terms with { SupplementPolicy = SupplementClockPolicy.SupplementPause } }, 30));
        shapes.Add((DossierStatus.SupplementRequested, p => p with { Terms = p.Terms with { SupplementPolicy = SupplementClockPolicy.SupplementPause } }, 4));
        shapes.Add((DossierStatus.Returned, p => p with { InterAgency = true }, 25));
        shapes.Add((DossierStatus.ResultAtDesk, p => p with { InterAgency = true, Consultation = true }, 20));
        shapes.Add((DossierStatus.Returned, p => p with { Verification = true, FinancialObligation = true, Terms = p.Terms with { FinancialObligationPausesClock = true } }, 28));
        shapes.Add((DossierStatus.AwaitingSignature, p => p with { Supplement = true, InterAgency = true }, 8));
        for (var i = 0; i < 12; i++)
        {
            shapes.Add((i % 3 == 0 ? DossierStatus.Returned : DossierStatus.Appraising, p => p, 2 + (i * 4)));
        }

        var drafts = new List<(DossierLifePlan Plan, SeedUnit Unit)>();
        var channels = new[] { DossierChannel.InPerson, DossierChannel.Online, DossierChannel.Postal };
        for (var i = 0; i < shapes.Count; i++)
        {
            var (target, tweak, daysAgo) = shapes[i];
            // Half the demo lands at Phường Tô Hiệu so the demo desk officer sees it; Sở Tư pháp is competent for a third.
            var unit = i % 2 == 0 ? units.FirstOrDefault(u => u.Identifier == "000.00.41.H56") ?? units[0] : units[random.Next(units.Count)];
            var competent = i % 3 == 0 ? DemoData.UnitId("000.00.03.H56") : unit.Id;
            var procedure = procedures[random.Next(procedures.Count)];
            var channel = target is DossierStatus.OnlineSubmitted or DossierStatus.DeskSupplementPending ? DossierChannel.Online : channels[i % 3];
            var day = WorkingDayBefore(calendar.Working, today.AddDays(-daysAgo));
            var receivedAt = VietnamTime.ToUtc(day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(random.Next(7 * 60)));
            var submittedAt = channel == DossierChannel.InPerson ? receivedAt : receivedAt.AddHours(-(1 + random.Next(30)));
            var applicant = DemoApplicants.Pick(random, i);
            var data = new NewDossier(procedure.Id, procedure.Version, unit.Id, competent, channel, applicant, DossierId(i));
            var plan = new DossierLifePlan(data, procedure.Terms, submittedAt, receivedAt, null, target, Seed: random.Next());
            drafts.Add((tweak(plan), unit));
        }

        // Codes in receipt order, so sequences rise with time at each unit.
        return [.. drafts.OrderBy(d => d.Plan.ReceivedAt).Select(d =>
        {
            var received = d.Plan.Target is not (DossierStatus.OnlineSubmitted or DossierStatus.DeskSupplementPending)
                && !(d.Plan.Target == DossierStatus.RefusedAtReceipt);
            var code = received ? numbering.NextCode(d.Unit.Id, d.Unit.Identifier, d.Plan.ReceivedAt) : (DossierCode?)null;
            return (d.Plan with { Code = code }, received ? d.Unit.DeskId : null);
        }).OrderBy(x => x.Item1.Data.Id)];
    }

    private static DateOnly WorkingDayBefore(WorkingCalendar calendar, DateOnly date)
    {
        while (!calendar.IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
