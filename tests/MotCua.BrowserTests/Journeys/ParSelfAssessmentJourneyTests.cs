using System.Text;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 11 §2, §8: the Department of Justice's handling officer opens the unit's self-assessment, ticks the
/// checklist rows of 1.1.1 with an uploaded evidence file, reads a system-sourced figure; the head confirms and submits;
/// Home Affairs finds it submitted in the framework's list and reads it. Axe at 1280 and 360 px on each page.</summary>
public sealed class ParSelfAssessmentJourneyTests(Servers servers, Chromium chromium)
{
    private static readonly Guid Framework = DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);

    [Theory, AllDatabases]
    public async Task OfficerFillsWithEvidence_HeadSubmits_HomeAffairsSeesIt(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        var justice = DemoData.UnitId(Officers.Justice);
        string path;
        await using (var officer = await Session.StartAsync(server, chromium))
        {
            var page = officer.Page;
            await officer.LoginAsync(Officers.Handler);
            await officer.GotoAsync("/ParIndex/Assessments");
            var row = page.Locator($"#list-{Framework} #unit-{justice}");
            await Assertions.Expect(row).ToContainTextAsync("Chưa mở");
            await officer.CheckAsync("parassess-list-officer");
            await officer.SubmitAsync(row.Locator("button[type=submit]"));
            Assert.Contains("/ParIndex/Assessment/", page.Url, StringComparison.Ordinal);
            path = new Uri(page.Url).AbsolutePath;
            await Assertions.Expect(page.Locator("#assessment-deadline")).ToContainTextAsync("/");

            foreach (var code in new[] { "a", "b", "c", "d" })
            {
                await page.Locator($"#f-1-1-1-row-{code}").CheckAsync();
            }

            await page.Locator("#f-1-1-1-explanation").FillAsync("Kế hoạch CCHC năm 2026 ban hành ngày 10/01/2026, bố trí đủ kinh phí.");
            await page.Locator("#f-1-1-1-add").ClickAsync();
            await page.Locator("#f-1-1-1-file").SetInputFilesAsync(new FilePayload
            {
                Name = "ke-hoach-cchc-2026.pdf",
                MimeType = "application/pdf",
                Buffer = Encoding.Latin1.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + new string('x', 512) + "\n%%EOF\n"),
            });
            await officer.SubmitAsync(page.Locator("#f-1-1-1-form button[type=submit]"));
            await Assertions.Expect(page.Locator("#assessment-notice")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#f-1-1-1-points")).ToContainTextAsync("1 điểm");
            await Assertions.Expect(page.Locator("#sub-1\\.1\\.1 a[href*='handler=Evidence']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#assessment-changes")).ToContainTextAsync("1.1.1");
            await officer.CheckAsync("parassess-form-area1");

            await officer.GotoAsync($"{path}?area=3");
            await Assertions.Expect(page.Locator("#f-3-2-1-system")).ToContainTextAsync("QĐ 766");
            await Assertions.Expect(page.Locator("#f-3-2-1-form input[name='Item.Percent']")).ToHaveCountAsync(0);
            await officer.CheckAsync("parassess-form-system");
        }

        await using (var head = await Session.StartAsync(server, chromium))
        {
            var page = head.Page;
            await head.LoginAsync(Officers.Head);
            await head.GotoAsync(path);
            await Assertions.Expect(page.Locator("#submit-form")).ToBeVisibleAsync();
            await page.Locator("#submit-confirm").CheckAsync();
            await head.SubmitAsync(page.Locator("#submit-button"));
            await Assertions.Expect(page.Locator("#assessment-notice")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#assessment-status")).ToContainTextAsync("Đã nộp");
            await Assertions.Expect(page.Locator("#f-1-1-1-form")).ToHaveCountAsync(0);
            await head.CheckAsync("parassess-submitted");
        }

        await using (var homeAffairs = await Session.StartAsync(server, chromium))
        {
            var page = homeAffairs.Page;
            await homeAffairs.LoginAsync("noivu@motcua.local");
            await homeAffairs.GotoAsync($"/ParIndex/Assessments?framework={Framework}");
            var row = page.Locator($"#unit-{justice}");
            await Assertions.Expect(row).ToContainTextAsync("Đã nộp");
            await homeAffairs.CheckAsync("parassess-list-homeaffairs");
            await row.Locator($"a[href='{path}']").ClickAsync();
            await page.WaitForURLAsync($"**{path}");
            await Assertions.Expect(page.Locator("#sub-1\\.1\\.1")).ToContainTextAsync("Kế hoạch CCHC năm 2026");
            await Assertions.Expect(page.Locator("#submit-form")).ToHaveCountAsync(0);
            await homeAffairs.CheckAsync("parassess-read-homeaffairs");
        }
    }
}
