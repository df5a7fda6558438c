using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 11 §7: the Justice department's officer opens the unit's CCHC report for quarter 4 of 2026 (ND 09 cut-off)
/// from the menu, finds the system's figures, writes the narrative; the head finalises it after ticking the confirmation and
/// downloads the docx and the PDF, which carry the national header, the narrative and the figures the page shows; Home
/// Affairs reads it. Axe at 1280 and 360 px on the list, the draft and the finalised report.</summary>
public sealed class CchcReportJourneyTests(Servers servers, Chromium chromium)
{
    private const string General = "Sở Tư pháp ban hành Kế hoạch cải cách hành chính năm 2026 và tổ chức sơ kết quý IV.";
    private const string Limitations = "Một số hồ sơ còn giải quyết quá hạn do thiếu công chức thẩm định.";

    [Theory, AllDatabases]
    public async Task OfficerDrafts_HeadFinalisesAndExports_HomeAffairsReads(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        // The demo dossiers were queued for the statistics at seeding; the job that applies the queue is off in the journeys.
        await server.ApplyStatisticsAsync();
        string reportUrl;
        await using (var officer = await Session.StartAsync(server, chromium))
        {
            var page = officer.Page;
            await officer.LoginAsync("chuyenvien@motcua.local");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Báo cáo CCHC" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Báo cáo kết quả công tác cải cách hành chính");
            await page.Locator("#unit").SelectOptionAsync(DemoData.UnitId("000.00.03.H56").ToString());
            await page.Locator("#period").SelectOptionAsync("nd09-quarter");
            await page.Locator("#year").FillAsync("2026");
            await page.Locator("#quarter").SelectOptionAsync("4");
            await officer.CheckAsync("cchc-list");
            await officer.SubmitAsync(page.Locator("#create-submit"));
            Assert.True(page.Url.Contains("/Reports/Cchc/Report/", StringComparison.Ordinal), "Not created: " + await officer.ErrorsShownAsync());
            reportUrl = new Uri(page.Url).PathAndQuery.Split('?')[0];
            await Assertions.Expect(page.Locator("#report-status")).ToHaveTextAsync("Dự thảo");
            await Assertions.Expect(page.Locator("#report-title")).ToContainTextAsync("quý 4/2026");
            await Assertions.Expect(page.Locator("#figures-0-table")).ToContainTextAsync("Tổng cộng");
            Assert.Empty(await page.Locator("#finalise-form").AllAsync());
            await officer.CheckAsync("cchc-draft");

            await page.Locator("#number").FillAsync("125/BC-STP");
            await page.Locator("#section-general").FillAsync(General);
            await page.Locator("#section-limitations").FillAsync(Limitations);
            await officer.SubmitAsync(page.Locator("#save-narrative"));
            await Assertions.Expect(page.Locator("#report-notice")).ToHaveTextAsync("Đã lưu nội dung báo cáo.");
            await Assertions.Expect(page.Locator("#section-general")).ToHaveValueAsync(General);
            await Assertions.Expect(page.Locator(".cchc-preview")).ToContainTextAsync(Limitations);
            await officer.SubmitAsync(page.Locator("#refresh-figures"));
            await Assertions.Expect(page.Locator("#report-notice")).ToHaveTextAsync("Đã cập nhật số liệu từ hệ thống.");
        }

        await using (var head = await Session.StartAsync(server, chromium))
        {
            var page = head.Page;
            await head.LoginAsync("lanhdao@motcua.local");
            await head.GotoAsync(reportUrl);
            await page.Locator("#confirm").CheckAsync();
            await head.SubmitAsync(page.Locator("#finalise-submit"));
            await Assertions.Expect(page.Locator("#report-notice")).ToHaveTextAsync("Đã ký ban hành báo cáo; số liệu đã được chốt.");
            await Assertions.Expect(page.Locator("#report-status")).ToHaveTextAsync("Đã ký ban hành");
            Assert.Empty(await page.Locator("#narrative-form").AllAsync());
            await head.CheckAsync("cchc-final");

            // The dossier table's total as the page shows it: label and figures.
            var total = (await page.Locator("#figures-0-table tbody tr").Last.Locator("th, td").AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
            Assert.Equal("Tổng cộng", total[0]);
            Assert.True(int.Parse(total[1], System.Globalization.CultureInfo.InvariantCulture) > 0, "the demo dossiers left the quarter empty");

            var (docx, docxName) = await Downloads.FileAsync(page, "#download-docx");
            Assert.EndsWith(".docx", docxName, StringComparison.Ordinal);
            await using (var stream = new MemoryStream(docx))
            using (var word = WordprocessingDocument.Open(stream, false))
            {
                var paragraphs = word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
                Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", paragraphs);
                Assert.Contains("Số: 125/BC-STP", paragraphs);
                Assert.Contains(General, paragraphs);
                Assert.Contains(Limitations, paragraphs);
                var rows = word.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
                    .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList());
                Assert.Contains(rows, r => r.SequenceEqual(total));
            }

            var pdf = await Downloads.ClickAsync(page, "#download-pdf");
            await Downloads.KeepAsync($"{nameof(CchcReportJourneyTests)}-{provider}", "bao-cao-cchc.pdf", pdf);
            await Downloads.KeepAsync($"{nameof(CchcReportJourneyTests)}-{provider}", "bao-cao-cchc.docx", docx);
            // The label "Tổng cộng" wraps in its narrow column, so the figures are looked for after "Tổng".
            var text = Downloads.PdfText(pdf, out var landscape);
            Assert.True(landscape, "not landscape");
            foreach (var expected in new[] { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 125/BC-STP", "BÁO CÁO", "quý 4/2026", General, Limitations, string.Join(" ", total.Skip(1)) })
            {
                Assert.Contains(Downloads.Flat(expected), text, StringComparison.Ordinal);
            }
        }

        await using var homeAffairs = await Session.StartAsync(server, chromium);
        await homeAffairs.LoginAsync("noivu@motcua.local");
        await homeAffairs.GotoAsync("/Reports/Cchc");
        await homeAffairs.Page.Locator("#cchc-reports a", new() { HasText = "quý 4/2026" }).ClickAsync();
        await Assertions.Expect(homeAffairs.Page.Locator("#report-readonly")).ToBeVisibleAsync();
        await Assertions.Expect(homeAffairs.Page.Locator(".cchc-preview")).ToContainTextAsync(General);
        await homeAffairs.CheckAsync("cchc-homeaffairs");
    }
}
