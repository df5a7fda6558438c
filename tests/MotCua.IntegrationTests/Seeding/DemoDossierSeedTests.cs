using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Cli;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.Seeding;

public sealed class DemoDossierSeedTests
{
    [Theory, AllDatabases]
    public async Task SeedAsync_Demo_CreatesDossiersInEveryStateWithVerifiableHistory(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using (var db = database.CreateContext())
        {
            var first = await new DatabaseSeeder(db).SeedAsync("demo", ct);
            Assert.True(first.DossiersAdded > 0);
            var second = await new DatabaseSeeder(db).SeedAsync("demo", ct);
            Assert.Equal(0, second.DossiersAdded);
        }

        await using (var db = database.CreateContext())
        {
            var dossiers = await db.Dossiers.AsNoTracking().ToListAsync(ct);
            Assert.Equal(Enum.GetValues<DossierStatus>().ToHashSet(), dossiers.Select(d => d.Status).ToHashSet());
            Assert.Equal(Enum.GetValues<DossierChannel>().ToHashSet(), dossiers.Select(d => d.Channel).ToHashSet());
            Assert.True(dossiers.Select(d => d.ReceivingUnitId).Distinct().Count() >= 3);
            Assert.Contains(dossiers, d => d.Classify() == Timeliness.Late);
            Assert.Contains(dossiers, d => d.Apology is not null);
            Assert.Contains(dossiers, d => d.InterAgencySentAt is not null);
            Assert.Contains(dossiers, d => d.CompetentUnitId != d.ReceivingUnitId);

            var history = await db.DossierHistory.AsNoTracking().ToListAsync(ct);
            Assert.Contains(history, h => h.Trigger == DossierTrigger.CompleteSupplement
                && dossiers.Single(d => d.Id == h.DossierId).SupplementPolicy == SupplementClockPolicy.SupplementPause);
            Assert.Contains(history, h => h.Trigger == DossierTrigger.CompleteSupplement
                && dossiers.Single(d => d.Id == h.DossierId).SupplementPolicy == SupplementClockPolicy.SupplementRestart);
            foreach (var dossier in dossiers)
            {
                var entries = history.Where(h => h.DossierId == dossier.Id).OrderBy(h => h.Sequence).ToList();
                Assert.Null(DossierHistoryChain.Verify(entries, dossier.HistoryHash));
            }

            // Codes continue from the counters: each (unit, day) counter equals the highest sequence stored.
            var counters = await db.DossierCodeCounters.AsNoTracking().ToListAsync(ct);
            foreach (var group in dossiers.Where(d => d.Code is not null).GroupBy(d => (d.ReceivingUnitId, d.Code!.Value.Date)))
            {
                var sequences = group.Select(d => d.Code!.Value.Sequence).Order().ToList();
                Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
                Assert.Equal(sequences.Count, counters.Single(c => c.UnitId == group.Key.ReceivingUnitId && c.Date == group.Key.Date).LastSequence);
            }
        }

        var verify = await CliRunner.RunAsync(database.Options, "audit", "verify");
        Assert.Equal(0, verify.ExitCode);
    }

    [Fact]
    public async Task SeedScale_OnSqlite_RefusedWithOneLine()
    {
        var run = await CliRunner.RunAsync(CliRunner.NoDatabase(), "seed", "--preset", "scale", "--dossiers", "10");
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("PostgreSQL", run.Error, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task SeedScale_SmallRunOnPostgres_DossiersReadableTransitionableAndCodesContinue(DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.Postgres)
        {
            // The generator is PostgreSQL-only (COPY); SQLite's refusal is SeedScale_OnSqlite_RefusedWithOneLine.
            var refused = await CliRunner.RunAsync(CliRunner.NoDatabase(), "seed", "--preset", "scale", "--dossiers", "5");
            Assert.Equal(2, refused.ExitCode);
            return;
        }

        var ct = TestContext.Current.CancellationToken;
        await using var harness = await DossierApiHarness.StartAsync(provider, ct);
        var end = harness.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        var run = await CliRunner.RunAsync(harness.Database.Options, "seed", "--preset", "scale", "--dossiers", "2000", "--end", end.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(run.ExitCode == 0, run.Output + run.Error);

        await using var db = harness.Database.CreateContext();
        var afterFirst = await db.Dossiers.CountAsync(ct);
        Assert.True(afterFirst >= 2000);
        // A second run with the same seed adds as many again (ids continue after the stored dossiers).
        var again = await CliRunner.RunAsync(harness.Database.Options, "seed", "--preset", "scale", "--dossiers", "300", "--end", end.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Equal(afterFirst + 300, await db.Dossiers.CountAsync(ct));
        // The bench account exists (scale preset only) and may receive at every commune.
        Assert.True(await db.StaffRoleAssignments.AnyAsync(a => a.UserId == DemoData.UserId(DemoData.BenchDeskUser.Email) && a.IncludeDescendants, ct));
        var tuHieu = DossierApiHarness.Unit(DossierApiHarness.TuHieu);
        var today = DateOnly.FromDateTime(Domain.Calendar.VietnamTime.ToLocal(harness.Clock.GetUtcNow().UtcDateTime));
        var last = await db.DossierCodeCounters.Where(c => c.UnitId == tuHieu && c.Date == today).Select(c => (int?)c.LastSequence).SingleOrDefaultAsync(ct) ?? 0;

        // A generated open dossier at Tô Hiệu can be read and moved along by the API.
        var open = await db.Dossiers.AsNoTracking()
            .Where(d => d.ReceivingUnitId == tuHieu && d.Status == DossierStatus.Received)
            .Select(d => new { d.Id, d.Version }).FirstOrDefaultAsync(ct);
        var desk = await harness.ClientAsync(DossierApiHarness.Desk, ct);
        if (open is not null)
        {
            using var get = await desk.GetAsync($"/api/v1/dossiers/{open.Id}", ct);
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            using var transfer = await DossierApiHarness.FireAsync(desk, open.Id, "Transfer", open.Version, ct);
            Assert.Equal(HttpStatusCode.OK, transfer.StatusCode);
        }

        var anyGenerated = await db.Dossiers.AsNoTracking().Where(d => d.Code != null).Select(d => d.Id).FirstAsync(ct);
        using (var read = await desk.GetAsync($"/api/v1/dossiers/{anyGenerated}", ct))
        {
            Assert.True(read.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden);
        }

        var created = await harness.CreateAsync(desk, ct);
        var code = DossierCode.Parse(created["code"]!.GetValue<string>()).Value;
        Assert.Equal(last + 1, code.Sequence);

        var verify = await CliRunner.RunAsync(harness.Database.Options, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
    }
}
