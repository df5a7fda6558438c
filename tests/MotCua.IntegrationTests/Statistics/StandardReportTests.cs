using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.VisualBasic.FileIO;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.IntegrationTests.Pakn;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Persistence.Statistics;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Statistics;

/// <summary>The PAKN report and the one-stop summary (issue 10 §4, domain.md §12.1, §12.3) on known data: every cell of
/// the PAKN report for cases published, left open and then overdue across a month boundary; the one-stop summary's line of
/// a unit follows dossiers received, finished and left open, and agrees with Biểu 06 of the same days; a recorded run of
/// each gives the same lines, a hash, and an xlsx and CSV with the same cells; only staff who may read the unit get them.</summary>
public sealed class StandardReportTests
{
    [Theory, AllDatabases]
    public async Task PaknReport_CountsKnownCases_ByChannelKindAndClassification_AcrossAMonthBoundary(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var head = await harness.ClientAsync(Head, ct);
        var justice = Unit(Justice);
        var november = new { unit = justice, period = "calendar-month", year = 2026, month = 11 };

        var empty = await ReportAsync(head, "pakn", november, ct);
        Assert.Empty(empty["rows"]!.AsArray());
        Assert.All(Values(empty["total"]!), v => Assert.Equal(0m, v));

        // Two petitions on regulations taken to publication (handled on time, published in November) and one feedback sent
        // straight to the department, left open: within its 15 working days at the end of November.
        await PaknApiTests.PublishedAsync(harness, ct);
        await PaknApiTests.PublishedAsync(harness, ct, subject: "Thủ tục chứng thực còn yêu cầu bản sao");
        using (var sent = await harness.Anonymous().PostAsJsonAsync("/api/v1/public/pakn", PaknApiTests.Submission(kind: "Feedback", unit: justice), ct))
        {
            Assert.True(sent.StatusCode == HttpStatusCode.Created, await sent.Content.ReadAsStringAsync(ct));
        }

        var report = await ReportAsync(head, "pakn", november, ct);
        Assert.Equal(
            ["total", "carriedOver", "received", "handled", "handledOnTime", "handledLate", "published", "open", "openWithinDeadline", "openOverdue"],
            report["columns"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Empty(report["inconsistencies"]!.AsArray());
        Assert.Equal(("calendar-month", "2026-11-01", "2026-11-30"), (report["periodRule"]!.GetValue<string>(), report["from"]!.GetValue<string>(), report["to"]!.GetValue<string>()));
        //                                   total carried received handled onTime late published open within overdue
        Assert.Equal(Counts(3, 0, 3, 2, 2, 0, 2, 1, 1, 0), Text(Values(report["total"]!)));
        Assert.Equal(
            [
                ("level", "Theo kênh tiếp nhận", Counts(3, 0, 3, 2, 2, 0, 2, 1, 1, 0)),
                ("sector", "Cổng dịch vụ công của tỉnh", Counts(3, 0, 3, 2, 2, 0, 2, 1, 1, 0)),
                ("level", "Theo loại", Counts(3, 0, 3, 2, 2, 0, 2, 1, 1, 0)),
                ("sector", "Phản ánh", Counts(1, 0, 1, 0, 0, 0, 0, 1, 1, 0)),
                ("sector", "Kiến nghị", Counts(2, 0, 2, 2, 2, 0, 2, 0, 0, 0)),
                ("level", "Theo nội dung (QĐ 766, chỉ tiêu 5.1)", Counts(3, 0, 3, 2, 2, 0, 2, 1, 1, 0)),
                ("sector", "Về quy định hành chính", Counts(2, 0, 2, 2, 2, 0, 2, 0, 0, 0)),
                ("sector", "Chưa phân loại", Counts(1, 0, 1, 0, 0, 0, 0, 1, 1, 0)),
            ],
            Lines(report));

        // Nobody handles the feedback: in December it is carried over and, 15 working days after 24/11, overdue; the
        // published petitions were handled before December and do not count.
        harness.Clock.Advance(TimeSpan.FromDays(40));
        head = await harness.ClientAsync(Head, ct);
        var december = await ReportAsync(head, "pakn", new { unit = justice, period = "calendar-month", year = 2026, month = 12 }, ct);
        Assert.Equal(Counts(1, 1, 0, 0, 0, 0, 0, 1, 0, 1), Text(Values(december["total"]!)));
        Assert.Equal(Counts(1, 1, 0, 0, 0, 0, 0, 1, 0, 1), Text(Values(december["rows"]!.AsArray().Single(r => r!["label"]!.GetValue<string>() == "Phản ánh")!)));
        Assert.Empty(december["inconsistencies"]!.AsArray());

        // A recorded run of November: the same lines, a hash of its rows, and its xlsx and CSV say the same.
        var run = await RunAsync(head, "pakn", november, ct);
        Assert.Equal(("pakn", 1), (run["report"]!.GetValue<string>(), run["definitionVersion"]!.GetValue<int>()));
        Assert.Equal(report["rows"]!.AsArray().Append(report["total"]).Select(r => r!.ToJsonString()), run["lines"]!.AsArray().Select(r => r!.ToJsonString()));
        Assert.Empty(run["rows"]!.AsArray());
        Assert.Matches("^[0-9a-f]{64}$", run["rowsHash"]!.GetValue<string>());
        Assert.Equal(run["rowsHash"]!.GetValue<string>(), (await RunAsync(head, "pakn", november, ct))["rowsHash"]!.GetValue<string>());
        await ExportsAgreeAsync(head, run, "Tình hình tiếp nhận, xử lý phản ánh, kiến nghị", "PAKN", ct);
    }

    [Theory, AllDatabases]
    public async Task OneStopSummary_FollowsKnownDossiers_AndAgreesWithForm06(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (desk, head, handler) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(Handler, ct));
        var homeAffairs = await harness.ClientAsync("noivu@motcua.local", ct);
        var justice = Unit(Justice);
        var province = Unit(DemoData.ProvinceCode);
        // Up to today (24/11): an open dossier's overdue count at a later day-end already follows from its appointment.
        var november = new { unit = province, from = "2026-11-01", to = "2026-11-24" };
        await ApplyAsync(harness, ct);
        string justiceName;
        using (var named = await homeAffairs.GetAsync($"/api/v1/reports/form06?unit={justice}&from=2026-11-01&to=2026-11-30", ct))
        {
            justiceName = (await ReadAsync(named, ct))["unitName"]!.GetValue<string>();
        }

        var before = Line(await ReportAsync(homeAffairs, "onestop", november, ct), justiceName);

        // At the department: one counter dossier taken to its result, one left open, one online dossier accepted.
        var done = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        await FireStepsAsync(done, 1, ct,
            (desk, "Transfer", null), (head, "Assign", new { officerId = DemoData.UserId(Handler) }), (handler, "StartAppraisal", null),
            (handler, "SubmitForApproval", null), (head, "Approve", null), (desk, "ReturnResult", null));
        await harness.CreateAsync(desk, ct);
        var online = await harness.CreateOnlineAsync(await harness.ClientAsync(Citizen, ct), ct);
        await FireStepsAsync(online, 1, ct, (desk, "Accept", null));
        await ApplyAsync(harness, ct);

        var report = await ReportAsync(homeAffairs, "onestop", november, ct);
        Assert.Empty(report["inconsistencies"]!.AsArray());
        Assert.Equal(
            ["carriedOver", "received", "online", "onlineShare", "finished", "onTime", "late", "returned", "open", "overdue", "onTimeRate"],
            report["columns"]!.AsArray().Select(c => c!.GetValue<string>()));
        var after = Line(report, justiceName);
        //        carried received online share finished onTime late returned open overdue rate
        decimal[] delta = [0, 3, 1, 0, 1, 1, 0, 0, 2, 0, 0];
        foreach (var i in new[] { 0, 1, 2, 4, 5, 6, 7, 8, 9 })
        {
            Assert.True(after[i] - before[i] == delta[i], $"column {i + 3}: {before[i]} → {after[i]}");
        }

        // The rates from the counts: online share = online / received; on time = 100 − (late + overdue) / (carried + received).
        Assert.Equal(Math.Round(100m * after[2] / after[1], 2, MidpointRounding.AwayFromZero), after[3]);
        Assert.Equal(Math.Round(100m - (100m * (after[6] + after[9]) / (after[0] + after[1])), 2, MidpointRounding.AwayFromZero), after[10]);

        // Each unit's own dossiers: the department has no child unit, so its line is its Biểu 06; the total is the
        // province's Biểu 06.
        foreach (var (unit, values) in new[] { (justice, after), (province, Values(report["total"]!)) })
        {
            using var response = await homeAffairs.GetAsync($"/api/v1/reports/form06?unit={unit}&from=2026-11-01&to=2026-11-24", ct);
            var f06 = (await ReadAsync(response, ct))["total"]!;
            int F(string column) => f06[column]!.GetValue<int>();
            Assert.Equal(
                [F("carriedOver"), F("online") + F("inPersonOrPostal"), F("online"), F("finished"), F("early") + F("onTime"), F("late"), F("inProgress"), F("overdue")],
                new[] { values[0], values[1], values[2], values[4], values[5] + values[7], values[6], values[8], values[9] }.Select(v => (int)v));
        }

        var run = await RunAsync(homeAffairs, "onestop", november, ct);
        Assert.Equal(report["total"]!.ToJsonString(), run["lines"]!.AsArray()[^1]!.ToJsonString());
        await ExportsAgreeAsync(homeAffairs, run, "Tình hình tiếp nhận, giải quyết hồ sơ thủ tục hành chính theo cơ chế một cửa", "Tổng hợp một cửa", ct);
    }

    [Theory, AllDatabases]
    public async Task Form06Desk_CountsByReceivingDesk_AndTheProvinceTotalIsItsForm06(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, RandomWorkload.Settings);
        var desk = await harness.ClientAsync(Desk, ct);
        var tuHieu = Unit(TuHieu);
        var today = new { unit = tuHieu, from = "2026-11-01", to = "2026-11-24" };
        await ApplyAsync(harness, ct);
        var before = await ReportAsync(desk, "form06-desk", today, ct);
        var competentBefore = await Form06TotalAsync(desk, tuHieu, "2026-11-01", "2026-11-24", ct);

        // A counter dossier received at the ward's desk for the department: the ward's desk counts it, the ward's own Biểu
        // 06 (by competent unit) does not.
        await harness.CreateAsync(desk, ct);
        await ApplyAsync(harness, ct);
        var after = await ReportAsync(desk, "form06-desk", today, ct);
        Assert.Empty(after["inconsistencies"]!.AsArray());
        var (b, a) = (Values(before["total"]!), Values(after["total"]!));
        Assert.Equal((b[0] + 1, b[2] + 1, b[8] + 1), (a[0], a[2], a[8]));
        string deskName = "";
        await harness.InScopeAsync(async sp =>
            deskName = (await sp.GetRequiredService<AppDbContext>().OneStopDesks.FirstAsync(d => d.UnitId == tuHieu, ct)).Name);
        var level = after["rows"]!.AsArray().Single(r => r!["kind"]!.GetValue<string>() == "level")!;
        Assert.Equal((deskName, tuHieu.ToString()), (level["label"]!.GetValue<string>(), level["level"]!.GetValue<string>()));
        Assert.Equal(competentBefore, await Form06TotalAsync(desk, tuHieu, "2026-11-01", "2026-11-24", ct));

        // Over a random workload, the province's lines by receiving desk add up to the province's Biểu 06, cell by cell.
        await RandomWorkload.RunAsync(harness, seed: 607, rounds: 30, applyEvery: 10, ct);
        await ApplyAsync(harness, ct);
        var homeAffairs = await harness.ClientAsync("noivu@motcua.local", ct);
        var province = Unit(DemoData.ProvinceCode);
        foreach (var (from, to) in new[] { ("2026-11-24", "2026-12-10"), ("2026-12-15", "2027-01-14"), ("2026-11-01", "2027-02-28") })
        {
            var byDesk = await ReportAsync(homeAffairs, "form06-desk", new { unit = province, from, to }, ct);
            Assert.Empty(byDesk["inconsistencies"]!.AsArray());
            Assert.Equal(await Form06TotalAsync(homeAffairs, province, from, to, ct), Text(Values(byDesk["total"]!)));
            var levels = byDesk["rows"]!.AsArray().Where(r => r!["kind"]!.GetValue<string>() == "level").ToList();
            Assert.True(levels.Count >= 1 || Values(byDesk["total"]!)[0] == 0);
            Assert.Equal(Values(byDesk["total"]!)[0], levels.Sum(l => Values(l!)[0]));
        }

        var run = await RunAsync(homeAffairs, "form06-desk", new { unit = province, from = "2026-11-01", to = "2027-02-28" }, ct);
        await ExportsAgreeAsync(homeAffairs, run, "Tình hình, kết quả giải quyết thủ tục hành chính tiếp nhận tại Trung tâm", "Biểu 06 - Một cửa", ct);
    }

    [Theory, AllDatabases]
    public async Task Builder_WithoutScript_RecordsTheRun_AndHandsBackItsFileOrPage_AndRefusesAnUnknownReport(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (browser, _) = await harness.SignInAsync(Head, ct);
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(browser, "/Reports", ct);
        Task<HttpResponseMessage> PostAsync(string report, string format) => browser.PostAsync("/Reports", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Report"] = report,
            ["Input.Unit"] = Unit(Justice).ToString(),
            ["Input.Period"] = "calendar-month",
            ["Input.Year"] = "2026",
            ["Input.Month"] = "11",
            ["Input.Format"] = format,
        }), ct);

        using (var file = await PostAsync("onestop", "csv"))
        {
            Assert.Equal(HttpStatusCode.Redirect, file.StatusCode);
            var location = file.Headers.Location!.OriginalString;
            Assert.Matches("^/api/v1/reports/runs/[0-9a-f-]{36}/export\\?format=csv$", location);
            using var csv = await browser.GetAsync(location, ct);
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.StartsWith("tong-hop-mot-cua_2026-11-01_2026-11-30_", csv.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        }

        using (var shown = await PostAsync("pakn", "page"))
        {
            Assert.Equal(HttpStatusCode.Redirect, shown.StatusCode);
            var page = WebUtility.HtmlDecode(await browser.GetStringAsync(shown.Headers.Location!.OriginalString, ct));
            Assert.Contains("Tình hình tiếp nhận, xử lý phản ánh, kiến nghị", page, StringComparison.Ordinal);
            Assert.Contains("cột 3 = 4 + 5; 6 = 7 + 8", page, StringComparison.Ordinal);
        }

        using var unknown = await PostAsync("form99", "page");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("Chọn một báo cáo trong danh sách.", await unknown.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Reports_OutsideTheCallersUnits_403_BadInput_400(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var otherDesk = await harness.ClientAsync(OtherDesk, ct);
        foreach (var report in new[] { "form06-desk", "pakn", "onestop" })
        {
            using (var denied = await otherDesk.GetAsync($"/api/v1/reports/{report}?unit={Unit(Justice)}&period=calendar-year&year=2026", ct))
            {
                Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            }

            using (var deniedRun = await otherDesk.PostAsJsonAsync($"/api/v1/reports/{report}/runs", new { unit = Unit(Justice), period = "calendar-year", year = 2026 }, ct))
            {
                Assert.Equal(HttpStatusCode.Forbidden, deniedRun.StatusCode);
            }

            using (var bad = await otherDesk.GetAsync($"/api/v1/reports/{report}?unit={Unit(ChiengAn)}&period=nd09-month&year=2026&month=13", ct))
            {
                Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
                Assert.True((await ReadAsync(bad, ct))["errors"]!.AsObject().ContainsKey("month"));
            }

            using (var anonymous = await harness.Anonymous().GetAsync($"/api/v1/reports/{report}?unit={Unit(ChiengAn)}", ct))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            }

            using var own = await otherDesk.GetAsync($"/api/v1/reports/{report}?unit={Unit(ChiengAn)}&period=nd09-quarter&year=2026&quarter=4", ct);
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }
    }

    private static string Counts(params int[] values) => string.Join(" ", values);

    private static string Text(decimal[] values) => string.Join(" ", values.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)));

    private static decimal[] Values(JsonNode line) => [.. line["values"]!.AsArray().Select(v => v!.GetValue<decimal>())];

    private static List<(string Kind, string Label, string Values)> Lines(JsonObject report) =>
        [.. report["rows"]!.AsArray().Select(r => (r!["kind"]!.GetValue<string>(), r["label"]!.GetValue<string>(), Text(Values(r))))];

    private static decimal[] Line(JsonObject report, string label) =>
        report["rows"]!.AsArray().FirstOrDefault(r => r!["label"]!.GetValue<string>() == label) is { } line ? Values(line) : new decimal[11];

    private static async Task<JsonObject> ReportAsync(HttpClient client, string report, object request, CancellationToken ct)
    {
        var query = string.Join("&", System.Text.Json.JsonSerializer.SerializeToNode(request)!.AsObject()
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!.ToString())}"));
        using var response = await client.GetAsync($"/api/v1/reports/{report}?{query}", ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
        var body = await ReadAsync(response, ct);
        Assert.Equal(report, body["report"]!.GetValue<string>());
        return body;
    }

    private static readonly string[] Form06Columns =
        ["total", "online", "inPersonOrPostal", "carriedOver", "finished", "early", "onTime", "late", "inProgress", "withinDeadline", "overdue"];

    // Biểu 06's columns 3–13 of the total, as the report lines print them.
    private static async Task<string> Form06TotalAsync(HttpClient client, Guid unit, string from, string to, CancellationToken ct)
    {
        using var response = await client.GetAsync($"/api/v1/reports/form06?unit={unit}&from={from}&to={to}", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var total = (await ReadAsync(response, ct))["total"]!;
        return string.Join(" ", Form06Columns.Select(c => total[c]!.GetValue<int>()));
    }

    private static async Task<JsonObject> RunAsync(HttpClient client, string report, object request, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/reports/{report}/runs", request, ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
        return await ReadAsync(response, ct);
    }

    // The xlsx: the title in the title block, the sheet's name, and from row 9 column B the label and C… the values of each
    // line; the CSV: a header and the same lines.
    private static async Task ExportsAgreeAsync(HttpClient client, JsonObject run, string title, string sheetName, CancellationToken ct)
    {
        var lines = run["lines"]!.AsArray().Select(l => new[] { l!["label"]!.GetValue<string>() }
            .Concat(Values(l).Select(v => v.ToString("0.##", CultureInfo.InvariantCulture))).ToArray()).ToList();
        var columns = 2 + run["columns"]!.AsArray().Count;
        using var xlsx = await client.GetAsync(run["exports"]!["xlsx"]!.GetValue<string>(), ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        await using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(ct)))
        using (var document = SpreadsheetDocument.Open(stream, false))
        {
            Assert.Equal(sheetName, document.WorkbookPart!.Workbook.Descendants<Sheet>().Single().Name!.Value);
            var cells = document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToDictionary(
                c => c.CellReference!.Value!, c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "");
            Assert.Contains(cells.Values, v => v.StartsWith(title.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), StringComparison.Ordinal));
            Assert.Equal($"({columns})", cells[$"{(char)('A' + columns - 1)}8"]);
            for (var i = 0; i < lines.Count; i++)
            {
                string[] actual = [.. Enumerable.Range(1, columns - 1).Select(c => cells.GetValueOrDefault($"{(char)('A' + c)}{9 + i}", "∅"))];
                Assert.Equal(lines[i], actual.Select(v => decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d.ToString("0.##", CultureInfo.InvariantCulture) : v));
            }
        }

        using var csv = await client.GetAsync(run["exports"]!["csv"]!.GetValue<string>(), ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        using var parser = new TextFieldParser(new StringReader(Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync(ct))[3..])))
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
        };
        parser.SetDelimiters(",");
        Assert.Equal(columns, parser.ReadFields()!.Length);
        var read = new List<string[]>();
        while (!parser.EndOfData)
        {
            read.Add(parser.ReadFields()![1..]);
        }

        Assert.Equal(lines, read);
    }

    private static Task ApplyAsync(Dossiers.DossierApiHarness harness, CancellationToken ct) =>
        harness.InScopeAsync(sp => DossierStatistics.ApplyAllQueuedAsync(sp.GetRequiredService<AppDbContext>(), ct));
}
