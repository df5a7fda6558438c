using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.BrowserTests.Infrastructure.Officers;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 10 "done when": the agency head runs Biểu 06 on the report page (unit from a list, an ND 09 period),
/// sees the table, the run's hash and data version, downloads the xlsx and the PDF, and both say what the page says, row
/// by row; the builder and the run pass axe at 1280 and 360 px.</summary>
public sealed partial class ReportJourneyTests(Servers servers, Chromium chromium)
{
    [Theory, AllDatabases]
    public async Task Head_RunsBieu06_AndTheXlsxAndThePdf_SayWhatThePageSays(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        // The demo dossiers were queued for the statistics at seeding; the job that applies the queue is off in the journeys.
        await server.ApplyStatisticsAsync();

        await using var head = await Session.StartAsync(server, chromium);
        var page = head.Page;
        await head.LoginAsync(Head);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Báo cáo thống kê");
        await page.Locator("#Input_Unit").SelectOptionAsync(DemoData.UnitId(Justice).ToString());
        // ND 09/2019 quarter 4 of 2026: 15/09 – 14/12/2026, around the demo dossiers' "today" (20/11/2026).
        await page.Locator("#Input_Period").SelectOptionAsync("nd09-quarter");
        await page.Locator("#Input_Year").FillAsync("2026");
        await page.Locator("#Input_Quarter").SelectOptionAsync("4");
        await head.CheckAsync("reports-builder");
        await head.SubmitAsync(page.Locator("#run-report"));
        Assert.True(page.Url.Contains("/Reports/Run/", StringComparison.Ordinal), "Not run: " + await head.ErrorsShownAsync());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("(Từ ngày 15/09/2026 đến ngày 14/12/2026)");
        await Assertions.Expect(page.Locator("#run-rule")).ToContainTextAsync("nd09-quarter");
        var hash = (await page.Locator("#run-hash").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9a-f]{64}$", hash);
        await Assertions.Expect(page.Locator("#run-data-version")).ToHaveTextAsync(new Regex("^[0-9]+$"));

        var shown = await TableAsync(page);
        Assert.True(shown.Count >= 3, "expected a level, a sector and the total on the page");
        Assert.True(int.Parse(shown[^1][2], CultureInfo.InvariantCulture) > 0, "the demo dossiers left the quarter empty");
        await head.CheckAsync("reports-run");

        // The workbook: the same lines from the first data row on, column A the number, B the label, C–M the figures.
        var xlsx = await Downloads.ClickAsync(page, "#download-xlsx");
        await using (var stream = new MemoryStream(xlsx))
        using (var document = SpreadsheetDocument.Open(stream, false))
        {
            var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>()
                .ToDictionary(c => c.CellReference!.Value!, c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "");
            for (var i = 0; i < shown.Count; i++)
            {
                string[] line = [.. Enumerable.Range(0, 13).Select(c => cells.GetValueOrDefault($"{(char)('A' + c)}{9 + i}", ""))];
                Assert.Equal(shown[i], line);
            }

            Assert.Contains(cells.Values, v => v.Contains(hash, StringComparison.Ordinal));
        }

        // The PDF, as Chromium printed it: its text holds each line of the table, in order, and the run's hash.
        var pdf = await Downloads.ClickAsync(page, "#download-pdf");
        // Kept beside the screenshots, for a person to look at what was printed.
        await Downloads.KeepAsync($"{nameof(ReportJourneyTests)}-{provider}", "bieu-06.pdf", pdf);
        await Downloads.KeepAsync($"{nameof(ReportJourneyTests)}-{provider}", "bieu-06.xlsx", xlsx);
        var text = Downloads.PdfText(pdf, out var landscape);
        Assert.True(landscape, "not landscape");
        Assert.Contains(hash, text, StringComparison.Ordinal);
        Assert.Contains(Downloads.Flat("Biểu số 06/VPCP/KSTT"), text, StringComparison.Ordinal);
        Assert.Contains(Downloads.Flat("Từ ngày 15/09/2026 đến ngày 14/12/2026"), text, StringComparison.Ordinal);
        var at = 0;
        foreach (var line in shown)
        {
            var found = text.IndexOf(Downloads.Flat(string.Join(" ", line.Where(c => c.Length > 0))), at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"the PDF lacks the line “{string.Join(" ", line)}” after position {at}:\n{text}");
            at = found;
        }
    }

    [Theory, AllDatabases]
    public async Task Head_ExportsThePaknReport_FromAPrefilledBuilder_AndTheXlsxSaysWhatTheRunsPageSays(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var justice = DemoData.UnitId(Justice);
        // A feedback sent to the department on the portal, so the year's report has a line to compare.
        using (var portal = new HttpClient { BaseAddress = server.Address })
        using (var sent = await portal.PostAsJsonAsync("/api/v1/public/pakn", new
        {
            kind = "Feedback",
            subject = "Thời gian trả kết quả lý lịch tư pháp",
            content = "Kết quả phiếu lý lịch tư pháp trả chậm hơn ngày hẹn, đề nghị xem xét.",
            fullName = "Quàng Văn Minh",
            address = "Bản Giảng, phường Chiềng An, Sơn La",
            phone = "0912 345 670",
            receivingUnitId = justice,
        }, ct))
        {
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync(ct));
        }

        var year = (server.Clock?.GetUtcNow() ?? DateTimeOffset.UtcNow).ToOffset(TimeSpan.FromHours(7)).Year;
        await using var head = await Session.StartAsync(server, chromium);
        var page = head.Page;
        await head.LoginAsync(Head);
        // The builder takes its choices from the address (as the dashboard's link gives them) and prefills the form.
        await head.GotoAsync($"/Reports?report=pakn&unit={justice}&period=calendar-year&year={year}&format=xlsx");
        await Assertions.Expect(page.Locator("#Input_Report")).ToHaveValueAsync("pakn");
        await Assertions.Expect(page.Locator("#Input_Unit")).ToHaveValueAsync(justice.ToString());
        await Assertions.Expect(page.Locator("#Input_Period")).ToHaveValueAsync("calendar-year");
        await Assertions.Expect(page.Locator("#Input_Year")).ToHaveValueAsync(year.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#Input_Format")).ToHaveValueAsync("xlsx");
        await head.CheckAsync("reports-builder-prefilled");

        // Running with a file asked for: the progress line shows while the run is recorded and the workbook rendered, the
        // file downloads, then the line says so and links to the run.
        var (xlsx, name) = await Downloads.FileAsync(page, "#run-report");
        Assert.StartsWith("bao-cao-pakn_", name, StringComparison.Ordinal);

        await Assertions.Expect(page.Locator("#report-progress")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#run-report")).ToBeEnabledAsync();
        await head.CheckAsync("reports-builder-downloaded");
        await page.Locator("#report-progress-run").ClickAsync();
        await page.WaitForURLAsync("**/Reports/Run/*");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("phản ánh, kiến nghị");
        var shown = await TableAsync(page);
        Assert.True(int.Parse(shown[^1][2], CultureInfo.InvariantCulture) > 0, "the feedback is not in the year's report");
        Assert.Equal(12, shown[0].Length);
        await head.CheckAsync("reports-pakn-run");
        var hash = (await page.Locator("#run-hash").InnerTextAsync()).Trim();

        await using (var stream = new MemoryStream(xlsx))
        using (var document = SpreadsheetDocument.Open(stream, false))
        {
            var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>()
                .ToDictionary(c => c.CellReference!.Value!, c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "");
            for (var i = 0; i < shown.Count; i++)
            {
                string[] line = [.. Enumerable.Range(0, 12).Select(c => cells.GetValueOrDefault($"{(char)('A' + c)}{9 + i}", ""))];
                Assert.Equal(shown[i], line);
            }

            Assert.Contains(cells.Values, v => v.Contains(hash, StringComparison.Ordinal));
        }
    }

    // The table as the page shows it: STT, the label, then the figures without their thousands separators.
    private static async Task<List<string[]>> TableAsync(IPage page)
    {
        var lines = new List<string[]>();
        foreach (var row in await page.Locator("#report-table tbody tr").AllAsync())
        {
            var number = (await row.Locator("td").First.InnerTextAsync()).Trim();
            var label = (await row.Locator("th").InnerTextAsync()).Trim();
            var figures = (await row.Locator("td.number").AllInnerTextsAsync()).Select(f => Digits().Replace(f, ""));
            lines.Add([number, label, .. figures]);
        }

        return lines;
    }

    [GeneratedRegex(@"[^0-9\-]")]
    private static partial Regex Digits();
}
