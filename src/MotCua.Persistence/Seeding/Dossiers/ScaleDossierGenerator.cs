using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;
using MotCua.Persistence.Dossiers;
using Npgsql;

namespace MotCua.Persistence.Seeding.Dossiers;

/// <summary>What a scale run wrote.</summary>
public sealed record ScaleSeedResult(int Dossiers, long Rows, TimeSpan Elapsed)
{
    /// <summary>Rows per second, all tables together.</summary>
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 0.001);
}

/// <summary>
/// <c>motcua seed --preset scale --dossiers N</c>: a year of N dossiers ending at <c>endUtc</c>, PostgreSQL only. Every
/// dossier is played through the domain (<see cref="DossierLifeSimulator"/>), so appointments, control-sheet rows and the
/// history hash chain are exactly what the API would have stored; the rows go in with binary COPY
/// (<see cref="DossierCopyWriter"/>) while the next batch is being simulated. Codes and register numbers continue the
/// stored counters, which are raised at the end, so the next receipt through the API is consecutive.
/// </summary>
public static class ScaleDossierGenerator
{
    /// <summary>The preset name.</summary>
    public const string Preset = "scale";

    private const int BatchSize = 5_000;
    private const int Writers = 2;

    /// <summary>Generates <paramref name="count"/> dossiers; <paramref name="progress"/> gets a line per batch.</summary>
    /// <exception cref="InvalidOperationException">Not PostgreSQL, or no units or procedures seeded.</exception>
    public static async Task<ScaleSeedResult> GenerateAsync(
        AppDbContext db, int count, DateTime endUtc, int seed, Action<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            throw new InvalidOperationException("The scale preset writes with PostgreSQL COPY; configure Database:Provider=Postgres.");
        }

        var watch = Stopwatch.StartNew();
        var today = VietnamTime.BusinessDate(endUtc);
        var units = await SeedSources.DeskUnitsAsync(db, today, ct);
        var procedures = await SeedSources.ProceduresAsync(db, today, ct);
        if (units.Count == 0 || procedures.Count == 0)
        {
            throw new InvalidOperationException("Seed the demo preset first (units, desks and the catalogue).");
        }

        var departments = await db.OrganisationalUnits.AsNoTracking().Where(u => u.Level == UnitLevel.ProvincialDepartment).Select(u => u.Id).ToListAsync(ct);
        var calendar = await SeedCalendar.LoadAsync(db, ct);
        var numbering = await SeedNumbering.LoadAsync(db, ct);
        // Ids continue after the dossiers already stored, so that a second run with the same seed adds N more.
        var existing = await db.Dossiers.LongCountAsync(ct);
        var plans = Plan(count, endUtc, seed, existing, units, departments, procedures, calendar, numbering);
        progress?.Invoke($"kế hoạch {count} hồ sơ: {watch.Elapsed.TotalSeconds:F1} s");

        var simulator = new DossierLifeSimulator(calendar, DemoDossierSeeder.DemoActors);
        var batches = Channel.CreateBounded<(Dossier[] Dossiers, List<DossierRegisterEntry> Register)>(2);
        var producer = Task.Run(async () =>
        {
            try
            {
                for (var start = 0; start < plans.Length; start += BatchSize)
                {
                    var slice = plans.AsMemory(start, Math.Min(BatchSize, plans.Length - start));
                    var dossiers = new Dossier[slice.Length];
                    Parallel.For(0, slice.Length, new ParallelOptions { CancellationToken = ct }, i => dossiers[i] = simulator.Run(slice.Span[i].Plan, endUtc));
                    var register = new List<DossierRegisterEntry>(slice.Length);
                    foreach (var (plan, desk, year, number) in slice.Span)
                    {
                        if (desk is { } d)
                        {
                            register.Add(new DossierRegisterEntry { DossierId = plan.Data.Id!.Value, DeskId = d, Year = year, Number = number });
                        }
                    }

                    await batches.Writer.WriteAsync((dossiers, register), ct);
                }
            }
            finally
            {
                batches.Writer.Complete();
            }
        }, ct);

        // Two COPY sessions, so that PostgreSQL's index maintenance uses both cores while the next batch is simulated.
        var written = 0;
        var rows = 0L;
        var connectionString = db.Database.GetConnectionString();
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            var writer = new DossierCopyWriter(connection);
            await foreach (var (dossiers, register) in batches.Reader.ReadAllAsync(ct))
            {
                var before = writer.Rows;
                await writer.WriteAsync(dossiers, register, ct);
                var done = Interlocked.Add(ref written, dossiers.Length);
                var total = Interlocked.Add(ref rows, writer.Rows - before);
                progress?.Invoke($"{done}/{count} hồ sơ, {total} dòng, {total / watch.Elapsed.TotalSeconds:F0} dòng/s");
            }
        }, ct)).ToList();

        await Task.WhenAll(writers);
        await producer;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await DemoDossierSeeder.SaveCountersAsync(db, numbering, ct);
            await transaction.CommitAsync(ct);
        }

        progress?.Invoke($"bộ đếm: {watch.Elapsed.TotalSeconds:F1} s");
        await db.Database.ExecuteSqlRawAsync("""ANALYZE "Dossiers"; ANALYZE "DossierHistory"; ANALYZE "DossierSteps"; ANALYZE "DossierSupplements"; ANALYZE "DossierRegisterEntries";""", ct);
        return new ScaleSeedResult(written, rows, watch.Elapsed);
    }

    private static (DossierLifePlan Plan, Guid? Desk, int Year, int Number)[] Plan(
        int count, DateTime endUtc, int seed, long idOffset, IReadOnlyList<SeedUnit> units, List<Guid> departments,
        IReadOnlyList<SeedProcedure> procedures, SeedCalendar calendar, SeedNumbering numbering)
    {
        var random = new Random(seed);
        var endLocal = VietnamTime.ToLocal(endUtc);
        var firstDay = DateOnly.FromDateTime(endLocal).AddDays(-365);
        var days = new List<DateOnly>();
        for (var d = firstDay; d <= DateOnly.FromDateTime(endLocal); d = d.AddDays(1))
        {
            if (calendar.Working.IsWorkingDay(d))
            {
                days.Add(d);
            }
        }

        var drafts = new (DossierLifePlan Plan, SeedUnit Unit)[count];
        for (var i = 0; i < count; i++)
        {
            var unit = units[random.Next(units.Count)];
            var competent = departments.Count > 0 && random.NextDouble() < 0.3 ? departments[random.Next(departments.Count)] : unit.Id;
            var procedure = procedures[random.Next(procedures.Count)];
            var roll = random.NextDouble();
            var channel = roll < 0.55 ? DossierChannel.InPerson : roll < 0.95 ? DossierChannel.Online : DossierChannel.Postal;
            var day = days[random.Next(days.Count)];
            var receivedAt = VietnamTime.ToUtc(day.ToDateTime(new TimeOnly(7, 30)).AddMinutes(random.Next(570)));
            if (receivedAt > endUtc)
            {
                receivedAt = endUtc.AddMinutes(-random.Next(1, 600));
            }

            var submittedAt = channel == DossierChannel.InPerson ? receivedAt : receivedAt.AddMinutes(-(30 + random.Next(2 * 24 * 60)));
            var target = Target(random, channel);
            var id = DeterministicGuid.Create($"scale:{seed}:{idOffset + i}");
            var data = new NewDossier(procedure.Id, procedure.Version, unit.Id, competent, channel, DemoApplicants.Pick(random, i), id);
            var plan = new DossierLifePlan(data, procedure.Terms, submittedAt, receivedAt, null, target,
                Late: random.NextDouble() < 0.07,
                ApologyWanted: random.NextDouble() < 0.02,
                Supplement: random.NextDouble() < 0.08,
                InterAgency: random.NextDouble() < 0.05,
                Consultation: random.NextDouble() < 0.03,
                Verification: random.NextDouble() < 0.02,
                FinancialObligation: random.NextDouble() < 0.05,
                Seed: random.Next());
            drafts[i] = (plan, unit);
        }

        // Numbers in receipt order, as the counters would have handed them out.
        Array.Sort(drafts, (a, b) => a.Plan.ReceivedAt.CompareTo(b.Plan.ReceivedAt));
        var plans = new (DossierLifePlan, Guid?, int, int)[count];
        for (var i = 0; i < count; i++)
        {
            var (plan, unit) = drafts[i];
            if (plan.Target is DossierStatus.OnlineSubmitted or DossierStatus.DeskSupplementPending or DossierStatus.RefusedAtReceipt)
            {
                plans[i] = (plan, null, 0, 0);
                continue;
            }

            var code = numbering.NextCode(unit.Id, unit.Identifier, plan.ReceivedAt);
            var (year, number) = numbering.NextRegisterNumber(unit.DeskId!.Value, plan.ReceivedAt);
            plans[i] = (plan with { Code = code }, unit.DeskId, year, number);
        }

        return plans;
    }

    private static DossierStatus Target(Random random, DossierChannel channel)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.86 => DossierStatus.Returned,
            < 0.89 => DossierStatus.ResultAtDesk,
            < 0.91 => DossierStatus.RejectedAfterAppraisal,
            < 0.92 => DossierStatus.Withdrawn,
            < 0.925 => DossierStatus.Stopped,
            < 0.94 => channel == DossierChannel.InPerson ? DossierStatus.RefusedAtReceipt : DossierStatus.Returned,
            < 0.95 => DossierStatus.AwaitingSignature,
            < 0.96 => DossierStatus.SupplementRequested,
            < 0.97 => DossierStatus.Appraising,
            < 0.98 => DossierStatus.InterAgencyProcessing,
            < 0.99 => DossierStatus.Consulting,
            _ => DossierStatus.AwaitingFinancialObligation,
        };
    }
}
