using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.VisualBasic.FileIO;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Persistence.Statistics;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Statistics;

/// <summary>Recorded report runs (issue 10 §4): a run stores its parameters, the statistics version it read and the rows
/// with their SHA-256; a re-run of a closed period after more work gives the same hash at a newer version; the xlsx and the
/// CSV of a run agree cell by cell with its JSON rows; only staff who may read the unit run or read its reports.</summary>
public sealed class ReportRunTests
{
    private static readonly string[] Columns =
        ["total", "online", "inPersonOrPostal", "carriedOver", "finished", "early", "onTime", "late", "inProgress", "withinDeadline", "overdue"];

    // ND 09/2019 December 2026: 15/11/2026 – 14/12/2026, which the workload crosses.
    private static readonly object Nd09December = new { unit = Unit(Justice), period = "nd09-month", year = 2026, month = 12 };

    [Theory, AllDatabases]
    public async Task Run_IsRecorded_AndARerunOfTheClosedPeriod_GivesTheSameHashAtANewerDataVersion(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, RandomWorkload.Settings);
        await RandomWorkload.RunAsync(harness, seed: 610, rounds: 30, applyEvery: 10, ct);
        await ApplyAsync(harness, ct);
        var closed = new DateTimeOffset(2026, 12, 20, 2, 0, 0, TimeSpan.Zero);
        if (harness.Clock.GetUtcNow() < closed)
        {
            harness.Clock.Advance(closed - harness.Clock.GetUtcNow());
        }

        var head = await harness.ClientAsync(Head, ct);

        var first = await RunAsync(head, Nd09December, ct);
        Assert.Equal("nd09-month", first["periodRule"]!.GetValue<string>());
        Assert.Equal(("2026-11-15", "2026-12-14"), (first["from"]!.GetValue<string>(), first["to"]!.GetValue<string>()));
        Assert.Empty(first["inconsistencies"]!.AsArray());
        Assert.True(first["total"]!["total"]!.GetValue<int>() > 0, "the workload left the period empty");

        // The same figures as the unrecorded report; the stored run says who, when, what version, and hashes its rows.
        using (var report = await head.GetAsync($"/api/v1/reports/form06?unit={Unit(Justice)}&period=nd09-month&year=2026&month=12", ct))
        {
            var live = await ReadAsync(report, ct);
            Assert.Equal(live["rows"]!.ToJsonString(), first["rows"]!.ToJsonString());
            Assert.Equal(live["total"]!.ToJsonString(), first["total"]!.ToJsonString());
        }

        var id = first["id"]!.GetValue<Guid>();
        await harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var run = await db.ReportRuns.AsNoTracking().SingleAsync(r => r.Id == id, ct);
            Assert.Equal((DemoData.UserId(Head), harness.Clock.GetUtcNow().UtcDateTime), (run.GeneratedBy, run.GeneratedAt));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(run.Rows))), run.RowsHash);
            Assert.Equal(await DossierStatistics.VersionAsync(db, ct), run.DataVersion);
            Assert.Equal((Unit(Justice), "form06", 1), (run.UnitId, run.Report, run.DefinitionVersion));
        });
        Assert.Equal(first.ToJsonString(), (await GetRunAsync(head, id, ct)).ToJsonString());

        // More work after the period: the statistics move on, the closed period's rows do not.
        await RandomWorkload.RunAsync(harness, seed: 611, rounds: 9, applyEvery: 3, ct);
        await ApplyAsync(harness, ct);
        var second = await RunAsync(head, Nd09December, ct);
        Assert.NotEqual(id, second["id"]!.GetValue<Guid>());
        Assert.True(second["dataVersion"]!.GetValue<long>() > first["dataVersion"]!.GetValue<long>());
        Assert.Equal(first["rowsHash"]!.GetValue<string>(), second["rowsHash"]!.GetValue<string>());

        // A period still open, that new work falls in, hashes differently: the hash does follow the rows.
        var open = new { unit = Unit(Justice), from = "2026-11-15", to = harness.Clock.GetUtcNow().AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        var before = await RunAsync(head, open, ct);
        await RandomWorkload.RunAsync(harness, seed: 612, rounds: 4, applyEvery: 1, ct);
        await ApplyAsync(harness, ct);
        var after = await RunAsync(head, new { unit = Unit(Justice), from = "2026-11-15", to = open.to }, ct);
        Assert.NotEqual(before["rowsHash"]!.GetValue<string>(), after["rowsHash"]!.GetValue<string>());
    }

    [Theory, AllDatabases]
    public async Task Exports_XlsxAndCsv_AgreeCellByCellWithTheRunsRows(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, RandomWorkload.Settings);
        await RandomWorkload.RunAsync(harness, seed: 766, rounds: 30, applyEvery: 10, ct);
        await ApplyAsync(harness, ct);
        var head = await harness.ClientAsync(Head, ct);
        var run = await RunAsync(head, Nd09December, ct);
        var expected = Expected(run);
        Assert.True(expected.Count >= 3, "expected a level, a sector and the total");

        using var xlsx = await head.GetAsync(run["exports"]!["xlsx"]!.GetValue<string>(), ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        await using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(ct)))
        using (var document = SpreadsheetDocument.Open(stream, false))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            var cells = sheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, Value);
            var title = string.Join(" | ", cells.Where(c => RowOf(c.Key) < 6).Select(c => c.Value));
            Assert.Contains("Biểu số 06/VPCP/KSTT", title, StringComparison.Ordinal);
            Assert.Contains("(Từ ngày 15/11/2026 đến ngày 14/12/2026)", title, StringComparison.Ordinal);
            Assert.Contains("Nghị định 09/2019/NĐ-CP", title, StringComparison.Ordinal);
            Assert.Contains("Đơn vị báo cáo: " + run["unitName"]!.GetValue<string>(), title, StringComparison.Ordinal);
            Assert.Contains("Đơn vị tính: Số hồ sơ TTHC", title, StringComparison.Ordinal);
            // The two-level header: columns 1 and 2 span both rows, the three groups span their columns.
            var merged = sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value).ToHashSet();
            Assert.Superset(new HashSet<string?> { "A6:A7", "B6:B7", "C6:F6", "G6:J6", "K6:M6" }, merged);
            Assert.Equal(("Số hồ sơ nhận giải quyết", "Trực tuyến", "Trả quá hạn", "(13)"), (cells["C6"], cells["D7"], cells["J7"], cells["M8"]));
            for (var i = 0; i < expected.Count; i++)
            {
                var row = (uint)(9 + i);
                string[] actual = [.. Enumerable.Range(0, 13).Select(c => cells.GetValueOrDefault($"{(char)('A' + c)}{row}", "∅"))];
                Assert.Equal(expected[i], actual[1..]);
            }

            Assert.DoesNotContain(cells, c => RowOf(c.Key) == 9 + expected.Count);
            Assert.Contains(cells.Values, v => v.Contains(run["rowsHash"]!.GetValue<string>(), StringComparison.Ordinal));
        }

        using var csv = await head.GetAsync(run["exports"]!["csv"]!.GetValue<string>(), ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var parser = new TextFieldParser(new StringReader(Encoding.UTF8.GetString(bytes[3..]))) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        Assert.Equal(13, header.Length);
        Assert.Equal(("STT", "Số hồ sơ đã giải quyết – Trả đúng hạn"), (header[0], header[8]));
        var lines = new List<string[]>();
        while (!parser.EndOfData)
        {
            lines.Add(parser.ReadFields()!);
        }

        Assert.Equal(expected.Count, lines.Count);
        Assert.All(expected.Zip(lines), pair => Assert.Equal(pair.First, pair.Second[1..]));
    }

    [Theory, AllDatabases]
    public async Task Runs_OfUnitsOutsideTheCallersScope_AreRefused_AndBadInputIs400(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var head = await harness.ClientAsync(Head, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var justiceRun = await RunAsync(head, Nd09December, ct);
        var id = justiceRun["id"]!.GetValue<Guid>();

        using (var other = await desk.PostAsJsonAsync("/api/v1/reports/form06/runs", new { unit = Unit(ChiengAn), period = "calendar-year", year = 2026 }, ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }

        foreach (var path in new[] { $"/api/v1/reports/runs/{id}", $"/api/v1/reports/runs/{id}/export?format=xlsx", $"/api/v1/reports/runs/{id}/export?format=pdf", $"/api/v1/reports/runs?unit={Unit(Justice)}" })
        {
            using var response = await desk.GetAsync(path, ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
        }

        using (var list = await desk.GetAsync("/api/v1/reports/runs", ct))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Empty((await list.Content.ReadFromJsonAsync<JsonArray>(ct))!);
        }

        using (var own = await head.GetAsync("/api/v1/reports/runs", ct))
        {
            Assert.Equal(id, (await own.Content.ReadFromJsonAsync<JsonArray>(ct))!.Single()!["id"]!.GetValue<Guid>());
        }

        using (var anonymous = await harness.Anonymous().GetAsync($"/api/v1/reports/runs/{id}", ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var missing = await head.GetAsync($"/api/v1/reports/runs/{Guid.NewGuid()}", ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using (var format = await head.GetAsync($"/api/v1/reports/runs/{id}/export?format=docx", ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        }

        foreach (var (body, field) in new (object, string)[]
        {
            (new { unit = Unit(Justice), period = "nd09-month", year = 2026, month = 13 }, "month"),
            (new { unit = Unit(Justice), period = "nd09-quarter", year = 2026 }, "quarter"),
            (new { unit = Unit(Justice), period = "fortnight", year = 2026 }, "period"),
            (new { unit = Unit(Justice), period = "calendar-year", year = 1999 }, "year"),
            (new { unit = Unit(Justice), from = "2026-12-10", to = "2026-12-01" }, "to"),
        })
        {
            using var response = await head.PostAsJsonAsync("/api/v1/reports/form06/runs", body, ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await ReadAsync(response, ct))["errors"]!.AsObject().ContainsKey(field), $"{field}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    private static async Task<JsonObject> RunAsync(HttpClient client, object body, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/reports/form06/runs", body, ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
        var run = await ReadAsync(response, ct);
        Assert.Equal($"/api/v1/reports/runs/{run["id"]}", response.Headers.Location!.OriginalString);
        return run;
    }

    private static async Task<JsonObject> GetRunAsync(HttpClient client, Guid id, CancellationToken ct)
    {
        using var response = await client.GetAsync($"/api/v1/reports/runs/{id}", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response, ct);
    }

    private static Task ApplyAsync(Dossiers.DossierApiHarness harness, CancellationToken ct) =>
        harness.InScopeAsync(sp => DossierStatistics.ApplyAllQueuedAsync(sp.GetRequiredService<AppDbContext>(), ct));

    // Each row of the JSON (rows, then the total) as the spreadsheet's columns 2–13: label and the eleven figures.
    private static List<string[]> Expected(JsonObject run) =>
        [.. run["rows"]!.AsArray().Append(run["total"]).Select(r => new[] { r!["label"]!.GetValue<string>() }
            .Concat(Columns.Select(c => r![c]!.GetValue<int>().ToString(CultureInfo.InvariantCulture))).ToArray())];

    private static string Value(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    private static int RowOf(string reference) => int.Parse(reference.AsSpan(1), CultureInfo.InvariantCulture);
}
