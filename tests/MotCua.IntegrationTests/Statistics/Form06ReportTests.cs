using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Statistics;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Statistics;

/// <summary>Biểu 06 read from the kept statistics equals, cell by cell, the same form counted dossier by dossier with
/// <see cref="Dossier.ClassifyAt"/> at the two cut-offs, for periods that start and end inside months, cover whole
/// months, and span the workload; and only staff who may read the unit get it.</summary>
public sealed class Form06ReportTests
{
    [Theory, AllDatabases]
    public async Task Form06_EqualsTheFormCountedDossierByDossier(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, RandomWorkload.Settings);
        await RandomWorkload.RunAsync(harness, seed: 766, rounds: 45, applyEvery: 10, ct);
        await harness.InScopeAsync(sp => DossierStatistics.ApplyAllQueuedAsync(sp.GetRequiredService<AppDbContext>(), ct));
        var head = await harness.ClientAsync(Head, ct);
        var unit = Unit(Justice);

        (DateOnly From, DateOnly To)[] periods =
        [
            (new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 10)), (new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)),
            (new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 14)), (new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 28)),
            (new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)),
        ];
        var nonEmpty = 0;
        foreach (var (from, to) in periods)
        {
            using var response = await head.GetAsync($"/api/v1/reports/form06?unit={unit}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var report = await ReadAsync(response, ct);
            Assert.Empty(report["inconsistencies"]!.AsArray());
            var total = report["total"]!.AsObject();
            int[] actual = [.. Columns.Select(c => total[c]!.GetValue<int>())];
            int[] expected = [];
            await harness.InScopeAsync(async sp => expected = await CountByHandAsync(sp.GetRequiredService<AppDbContext>(), unit, from, to, ct));
            Assert.True(expected.SequenceEqual(actual), $"{from}–{to}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
            Assert.Equal(total["total"]!.GetValue<int>(), report["rows"]!.AsArray().Where(r => r!["kind"]!.GetValue<string>() == "level").Sum(r => r!["total"]!.GetValue<int>()));
            nonEmpty += actual[0] > 0 ? 1 : 0;
        }

        Assert.True(nonEmpty >= 3, "the workload left the periods empty");
    }

    [Theory, AllDatabases]
    public async Task Form06_OutsideTheCallersUnits_403_AndBadPeriods_400(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);

        using var other = await desk.GetAsync($"/api/v1/reports/form06?unit={Unit(ChiengAn)}&from=2026-11-01&to=2026-11-30", ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var noUnit = await desk.GetAsync("/api/v1/reports/form06?from=2026-11-01&to=2026-11-30", ct);
        Assert.Equal(HttpStatusCode.BadRequest, noUnit.StatusCode);
        using var backwards = await desk.GetAsync($"/api/v1/reports/form06?unit={Unit(TuHieu)}&from=2026-11-30&to=2026-11-01", ct);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        using var farFuture = await desk.GetAsync($"/api/v1/reports/form06?unit={Unit(TuHieu)}&from=9999-12-31", ct);
        Assert.Equal(HttpStatusCode.BadRequest, farFuture.StatusCode);
        using var anonymous = await harness.Anonymous().GetAsync($"/api/v1/reports/form06?unit={Unit(TuHieu)}", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var own = await desk.GetAsync($"/api/v1/reports/form06?unit={Unit(TuHieu)}&from=2026-11-01&to=2026-11-30", ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    internal static readonly string[] Columns =
        ["total", "online", "inPersonOrPostal", "carriedOver", "finished", "early", "onTime", "late", "inProgress", "withinDeadline", "overdue"];

    // Columns 3–13 from each dossier's standing at the end of the day before the period and at the end of its last day.
    private static async Task<int[]> CountByHandAsync(AppDbContext db, Guid unit, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var parentOf = await db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        var units = UnitAuthorization.SubtreeOf(unit, parentOf).ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Include(d => d.History).AsSplitQuery()
            .Where(d => units.Contains(d.CompetentUnitId) && d.ReceivedAt != null).ToListAsync(ct);
        return CountByHand(dossiers, from, to);
    }

    /// <summary>Columns 3–13 of received <paramref name="dossiers"/> over the days, counted one by one.</summary>
    internal static int[] CountByHand(IEnumerable<Dossier> dossiers, DateOnly from, DateOnly to)
    {
        int online = 0, other = 0, carried = 0, early = 0, onTime = 0, late = 0, open = 0, overdue = 0;
        foreach (var d in dossiers)
        {
            var received = VietnamTime.BusinessDate(d.ReceivedAt!.Value);
            var before = received < from ? d.ClassifyAt(Dossier.EndOfDayUtc(from.AddDays(-1))) : null;
            var until = received <= to ? d.ClassifyAt(Dossier.EndOfDayUtc(to)) : null;
            if (received >= from && received <= to)
            {
                if (d.Channel == DossierChannel.Online)
                {
                    online++;
                }
                else
                {
                    other++;
                }
            }

            carried += before is { Ended: false } ? 1 : 0;
            if (until is { Ended: true } && before is not { Ended: true })
            {
                var withoutResult = d.Status is DossierStatus.Withdrawn or DossierStatus.RejectedAfterAppraisal or DossierStatus.Stopped;
                early += !withoutResult && until.Timeliness == Timeliness.Early ? 1 : 0;
                onTime += withoutResult || until.Timeliness == Timeliness.OnTime ? 1 : 0;
                late += !withoutResult && until.Timeliness == Timeliness.Late ? 1 : 0;
            }

            open += until is { Ended: false } ? 1 : 0;
            overdue += until is { Ended: false, Timeliness: Timeliness.Late } ? 1 : 0;
        }

        var finished = early + onTime + late;
        return [online + other + carried, online, other, carried, finished, early, onTime, late, open, open - overdue, overdue];
    }
}
