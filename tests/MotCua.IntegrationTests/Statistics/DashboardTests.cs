using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Persistence.Statistics;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Statistics;

/// <summary>The dashboard read from the kept statistics agrees with Biểu 06 month by month (received, online, finished,
/// on time, late, open and overdue at the month's end, the current month up to today), its breakdown one level down adds
/// up to the unit, a child's row is that child's own dashboard; and only staff who may read the unit get it.</summary>
public sealed class DashboardTests
{
    private const string NoiVu = "noivu@motcua.local";

    [Theory, AllDatabases]
    public async Task Dashboard_MonthsEqualForm06_AndTheBreakdownAddsUpToTheUnit(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, RandomWorkload.Settings);
        var (desk, citizen) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Citizen, ct));
        // Two online dossiers and one handled by the commune itself, besides the workload's counter dossiers for Justice.
        for (var i = 0; i < 2; i++)
        {
            await FireStepsAsync(await harness.CreateOnlineAsync(citizen, ct), 1, ct, (desk, "Accept", null));
        }

        await harness.CreateAsync(desk, ct, harness.CounterBody(competent: TuHieu));
        // From Tuesday 24 Nov 2026 to about the end of January 2027, then on into March: a year that has ended, and one
        // with whole months and a month still running, whose open dossiers fall overdue on days still to come.
        await RandomWorkload.RunAsync(harness, seed: 1010, rounds: 45, applyEvery: 10, ct);
        harness.Clock.Advance(TimeSpan.FromDays(40));
        await harness.InScopeAsync(sp => DossierStatistics.ApplyAllQueuedAsync(sp.GetRequiredService<AppDbContext>(), ct));
        var province = await harness.ClientAsync(NoiVu, ct);
        var today = DateOnly.FromDateTime(harness.Clock.GetUtcNow().UtcDateTime.AddHours(7));

        var checkedMonths = 0;
        foreach (var year in new[] { 2026, today.Year })
        {
            var whole = await DashboardAsync(province, Unit(DemoData.ProvinceCode), year, ct);
            Assert.Equal("unit", whole["breakdownBy"]!.GetValue<string>());
            var months = whole["months"]!.AsArray();
            Assert.Equal(year == today.Year ? today.Month : 12, months.Count);
            Assert.Equal(year == today.Year ? today : new DateOnly(year, 12, 31), DateOnly.Parse(whole["asOf"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
            foreach (var month in months)
            {
                var first = new DateOnly(year, month!["number"]!.GetValue<int>(), 1);
                var last = DateOnly.Parse(month["lastDay"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                using var response = await province.GetAsync($"/api/v1/reports/form06?unit={Unit(DemoData.ProvinceCode)}&from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}", ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var form = (await ReadAsync(response, ct))["total"]!;
                int[] expected =
                [
                    Int(form, "online") + Int(form, "inPersonOrPostal"), Int(form, "online"), Int(form, "finished"), Int(form, "early") + Int(form, "onTime"),
                    Int(form, "late"), Int(form, "overdue"),
                ];
                var actual = Figures(month["figures"]!);
                Assert.True(expected.SequenceEqual(actual), $"{first:yyyy-MM}: Biểu 06 [{string.Join(", ", expected)}], dashboard [{string.Join(", ", actual)}]");
                checkedMonths += actual[0] + actual[2] > 0 ? 1 : 0;
            }

            // The year is its months; the unit is its parts; and a part is what its own dashboard says.
            var total = Figures(whole["total"]!);
            int[] summed = [.. Enumerable.Range(0, 5).Select(i => months.Sum(m => Figures(m!["figures"]!)[i])), Figures(months[^1]!["figures"]!)[5]];
            Assert.Equal(summed, total);
            var parts = whole["breakdown"]!.AsArray();
            Assert.Equal(total, Enumerable.Range(0, 6).Select(i => parts.Sum(p => Figures(p!["figures"]!)[i])).ToArray());
            var justice = parts.Single(p => p!["id"]!.GetValue<Guid>() == Unit(Justice))!;
            Assert.Equal("unit", justice["kind"]!.GetValue<string>());
            var drilled = await DashboardAsync(province, Unit(Justice), year, ct);
            Assert.Equal(Figures(justice["figures"]!), Figures(drilled["total"]!));
            Assert.Equal("procedure", drilled["breakdownBy"]!.GetValue<string>());

            // Digitisation is 766 4.2's count, and the 766 groups are the scorecard's for the year.
            var card = await ReadAsync(await province.GetAsync($"/api/v1/serviceindex/scorecard?unit={Unit(DemoData.ProvinceCode)}&year={year}", ct), ct);
            var digitised = card["groups"]!.AsArray().SelectMany(g => g!["indicators"]!.AsArray()).Single(i => i!["id"]!.GetValue<string>() == "4.2")!;
            Assert.Equal(
                (digitised["numerator"]!.GetValue<long>(), digitised["denominator"]!.GetValue<long>()),
                ((long)Int(whole["total"]!, "receivedDigitised"), (long)Int(whole["total"]!, "received")));
            Assert.Equal(months.Sum(m => Int(m!["figures"]!, "receivedDigitised")), Int(whole["total"]!, "receivedDigitised"));
            var index = whole["serviceIndex"]!;
            Assert.Equal(card["totalPoints"]!.GetValue<decimal>(), index["totalPoints"]!.GetValue<decimal>());
            Assert.Equal(
                card["groups"]!.AsArray().Select(g => g!["points"]?.GetValue<decimal>()),
                index["groups"]!.AsArray().Select(g => g!["points"]?.GetValue<decimal>()));
            Assert.Equal(Figures(drilled["total"]!), Enumerable.Range(0, 6).Select(i => drilled["breakdown"]!.AsArray().Sum(p => Figures(p!["figures"]!)[i])).ToArray());
        }

        Assert.True(checkedMonths >= 3, "the workload left the months empty");
        var now = await DashboardAsync(province, Unit(DemoData.ProvinceCode), today.Year, ct);
        Assert.True(Figures(now["total"]!)[1] >= 0);
        Assert.NotNull(now["satisfaction"]?["dossiers"]);
    }

    [Theory, AllDatabases]
    public async Task Dashboard_OtherUnit_403_BadYears_400_Anonymous_401(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var head = await harness.ClientAsync(Head, ct);

        using var province = await head.GetAsync($"/api/v1/dashboard?unit={Unit(DemoData.ProvinceCode)}&year=2026", ct);
        Assert.Equal(HttpStatusCode.Forbidden, province.StatusCode);
        using var commune = await head.GetAsync($"/api/v1/dashboard?unit={Unit(ChiengAn)}&year=2026", ct);
        Assert.Equal(HttpStatusCode.Forbidden, commune.StatusCode);
        using var noUnit = await head.GetAsync("/api/v1/dashboard?year=2026", ct);
        Assert.Equal(HttpStatusCode.BadRequest, noUnit.StatusCode);
        using var tooEarly = await head.GetAsync($"/api/v1/dashboard?unit={Unit(Justice)}&year=1999", ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        using var notStarted = await head.GetAsync($"/api/v1/dashboard?unit={Unit(Justice)}&year=2027", ct);
        Assert.Equal(HttpStatusCode.BadRequest, notStarted.StatusCode);
        Assert.Contains("2027", await notStarted.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        using var anonymous = await harness.Anonymous().GetAsync($"/api/v1/dashboard?unit={Unit(Justice)}", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var own = await head.GetAsync($"/api/v1/dashboard?unit={Unit(Justice)}", ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var view = await ReadAsync(own, ct);
        Assert.Equal(2026, view["year"]!.GetValue<int>());
        // Nothing received or finished yet: rates without a value, not 0 % or 100 %.
        Assert.Null(view["total"]!["onTimePercent"]);
        Assert.Null(view["total"]!["onlinePercent"]);

        // The PDF is refused alike; its own unit's prints.
        using var otherPdf = await head.GetAsync($"/api/v1/dashboard/pdf?unit={Unit("000.00.00.H56")}", ct);
        Assert.Equal(HttpStatusCode.Forbidden, otherPdf.StatusCode);
        using var badYearPdf = await head.GetAsync($"/api/v1/dashboard/pdf?unit={Unit(Justice)}&year=2027", ct);
        Assert.Equal(HttpStatusCode.BadRequest, badYearPdf.StatusCode);
        using var ownPdf = await head.GetAsync($"/api/v1/dashboard/pdf?unit={Unit(Justice)}", ct);
        Assert.Equal(HttpStatusCode.OK, ownPdf.StatusCode);
        Assert.Equal("application/pdf", ownPdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await ownPdf.Content.ReadAsByteArrayAsync(ct))[..5]), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task DashboardPage_ShowsTablesAndDrillDown_OnlyForReadableUnits(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        await harness.CreateAsync(await harness.ClientAsync(Desk, ct), ct);
        await harness.InScopeAsync(sp => DossierStatistics.ApplyAllQueuedAsync(sp.GetRequiredService<AppDbContext>(), ct));
        var (browser, _) = await harness.SignInAsync(NoiVu, ct);

        var page = await browser.GetStringAsync("/Dashboard", ct);
        Assert.Contains("id=\"trend-table\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"breakdown-table\"", page, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"", page, StringComparison.Ordinal);
        // Drill-down to the department that has a dossier, not to a commune that has none.
        Assert.Contains($"href=\"/Dashboard?unit={Unit(Justice)}&amp;year=2026\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Dashboard?unit={Unit(ChiengAn)}", page, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{Unit(ChiengAn)}\" data-kind=\"unit\"", page, StringComparison.Ordinal);
        // Biểu 06 of the same unit and days, in the report builder, prefilled.
        var builder = $"/Reports?report=form06&amp;unit={Unit(DemoData.ProvinceCode)}&amp;period=range&amp;from=2026-01-01&amp;to=2026-11-24";
        Assert.Contains($"href=\"{builder}\"", page, StringComparison.Ordinal);
        var prefilled = await browser.GetStringAsync(System.Net.WebUtility.HtmlDecode(builder), ct);
        Assert.Contains($"<option value=\"{Unit(DemoData.ProvinceCode)}\" selected=\"selected\"", prefilled, StringComparison.Ordinal);
        Assert.Contains("<option value=\"range\" selected=\"selected\"", prefilled, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-01-01\"", prefilled, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-11-24\"", prefilled, StringComparison.Ordinal);

        var (headBrowser, _) = await harness.SignInAsync(Head, ct);
        var own = await headBrowser.GetStringAsync("/Dashboard", ct);
        Assert.Contains($"<option value=\"{Unit(Justice)}\" selected=\"selected\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{Unit(DemoData.ProvinceCode)}\"", own, StringComparison.Ordinal);
        var refused = await headBrowser.GetStringAsync($"/Dashboard?unit={Unit(DemoData.ProvinceCode)}&year=2026", ct);
        Assert.Contains("id=\"dashboard-errors\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"trend-table\"", refused, StringComparison.Ordinal);
        using var citizen = await (await harness.SignInAsync(Citizen, ct)).Browser.GetAsync("/Dashboard", ct);
        Assert.NotEqual(HttpStatusCode.OK, citizen.StatusCode);
    }

    private static async Task<JsonObject> DashboardAsync(HttpClient client, Guid unit, int year, CancellationToken ct)
    {
        using var response = await client.GetAsync($"/api/v1/dashboard?unit={unit}&year={year}", ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
        return await ReadAsync(response, ct);
    }

    private static int Int(JsonNode node, string name) => node[name]!.GetValue<int>();

    private static readonly string[] FigureNames = ["received", "receivedOnline", "finished", "finishedOnTime", "late", "overdueOpen"];

    private static int[] Figures(JsonNode figures) => [.. FigureNames.Select(n => Int(figures, n))];
}
