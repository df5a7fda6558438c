using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Access;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Persistence.Statistics;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Statistics;

/// <summary>The service-centre Biểu 06 read from the statistics' receiving-unit dimension equals, line by line, the same
/// form counted dossier by dossier over the dossiers received at the desks of the unit's subtree (grouped by receiving
/// unit and sector), for periods inside, across and over whole months and over two years (more than the year the report
/// was once limited to).</summary>
public sealed class Form06DeskReportTests
{
    [Theory, AllDatabases]
    public async Task Form06Desk_FromTheStatistics_EqualsEveryLineCountedDossierByDossier(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, RandomWorkload.Settings);
        // A second desk: dossiers received at the other ward's counter for the department, left open.
        var otherDesk = await harness.ClientAsync(OtherDesk, ct);
        for (var i = 0; i < 3; i++)
        {
            await harness.CreateAsync(otherDesk, ct, harness.CounterBody(unit: ChiengAn));
        }

        await RandomWorkload.RunAsync(harness, seed: 1218, rounds: 40, applyEvery: 9, ct);
        await harness.InScopeAsync(sp => DossierStatistics.ApplyAllQueuedAsync(sp.GetRequiredService<AppDbContext>(), ct));
        var homeAffairs = await harness.ClientAsync("noivu@motcua.local", ct);

        (string From, string To)[] periods =
        [
            ("2026-11-24", "2026-12-10"), ("2026-12-01", "2026-12-31"), ("2026-12-15", "2027-01-14"), ("2026-11-01", "2027-02-28"),
            ("2026-01-01", "2027-12-31"),
        ];
        var (nonEmpty, desks) = (0, 0);
        foreach (var unit in new[] { Unit(DemoData.ProvinceCode), Unit(TuHieu) })
        {
            foreach (var (from, to) in periods)
            {
                using var response = await homeAffairs.GetAsync($"/api/v1/reports/form06-desk?unit={unit}&from={from}&to={to}", ct);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
                var report = await ReadAsync(response, ct);
                Assert.Empty(report["inconsistencies"]!.AsArray());
                var actual = report["rows"]!.AsArray().Where(r => r!["kind"]!.GetValue<string>() == "sector")
                    .Select(r => $"{r!["level"]!.GetValue<string>()} {r["label"]!.GetValue<string>()}: {Text(r)}").ToList();
                List<string> expected = [];
                var total = "";
                await harness.InScopeAsync(async sp =>
                    (expected, total) = await CountByHandAsync(sp.GetRequiredService<AppDbContext>(), unit, DateOnly.Parse(from, CultureInfo.InvariantCulture),
                        DateOnly.Parse(to, CultureInfo.InvariantCulture), ct));
                Assert.Equal(expected, actual.Order(StringComparer.Ordinal));
                Assert.Equal(total, Text(report["total"]!));
                nonEmpty += actual.Count > 0 ? 1 : 0;
                desks = Math.Max(desks, report["rows"]!.AsArray().Count(r => r!["kind"]!.GetValue<string>() == "level"));
            }
        }

        Assert.True(nonEmpty >= 6, "the workload left the periods empty");
        Assert.True(desks >= 2, "every dossier was received at one desk");
    }

    private static string Text(JsonNode line) =>
        string.Join(" ", line["values"]!.AsArray().Select(v => v!.GetValue<decimal>().ToString("0", CultureInfo.InvariantCulture)));

    // The form's sector lines ("receiving unit sector: columns 3–13", lines with nothing left out, in ordinal order) and its
    // total, from the dossiers received at the subtree's desks, counted one by one.
    private static async Task<(List<string> Lines, string Total)> CountByHandAsync(
        AppDbContext db, Guid unit, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var parentOf = await db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        var units = UnitAuthorization.SubtreeOf(unit, parentOf).ToList();
        var sectors = await db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Sector.Name, ct);
        var dossiers = await db.Dossiers.AsNoTracking().Include(d => d.History).AsSplitQuery()
            .Where(d => units.Contains(d.ReceivingUnitId) && d.ReceivedAt != null).ToListAsync(ct);
        var lines = dossiers.GroupBy(d => (d.ReceivingUnitId, Sector: sectors[d.ProcedureId]))
            .Select(g => (g.Key, Columns: Form06ReportTests.CountByHand(g, from, to)))
            .Where(g => g.Columns[0] > 0)
            .Select(g => $"{g.Key.ReceivingUnitId} {g.Key.Sector}: {string.Join(" ", g.Columns)}")
            .Order(StringComparer.Ordinal)
            .ToList();
        return (lines, string.Join(" ", Form06ReportTests.CountByHand(dossiers, from, to)));
    }
}
