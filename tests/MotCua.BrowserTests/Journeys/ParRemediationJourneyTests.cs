using System.Text;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Domain.ParIndex;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 11 §6: the Department of Justice's 2025 self-assessment is submitted and the results published (seeded under a framework of its
/// own, so no other journey's unit is touched); its officer generates the remediation plan from the board, enters an
/// item's actions, owner and deadline, uploads the evidence file and marks it done; Home Affairs finds the roll-up on the
/// board and reads the plan. Axe at 1280 and 360 px on the board and the plan.</summary>
public sealed class ParRemediationJourneyTests(Servers servers, Chromium chromium)
{
    [Theory, AllDatabases]
    public async Task OfficerGeneratesEditsUploadsAndCompletes_HomeAffairsSeesTheRollup(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        var justice = DemoData.UnitId(Officers.Justice);
        var framework = await SeedSubmittedAsync(server, justice);
        var board = $"/ParIndex/Remediation/{framework}";
        await using (var officer = await Session.StartAsync(server, chromium))
        {
            var page = officer.Page;
            await officer.LoginAsync(Officers.Handler);
            await officer.GotoAsync(board);
            var row = page.Locator($"#unit-{justice}");
            await Assertions.Expect(row).ToContainTextAsync("Chưa lập");
            await officer.CheckAsync("parrem-board-officer");
            await officer.SubmitAsync(row.Locator("button[type=submit]"));
            Assert.Contains("/ParIndex/RemediationPlan/", page.Url, StringComparison.Ordinal);
            await Assertions.Expect(page.Locator("#plan-status")).ToHaveTextAsync("Dự thảo");
            // Nothing was scored: the survey sub-criterion 8.1.1 (10 points) comes first.
            await Assertions.Expect(page.Locator("#items-title + article h3")).ToContainTextAsync("8.1.1");
            await officer.CheckAsync("parrem-plan-generated");

            await page.Locator("#item-8-1-1-actions").FillAsync("Tổ chức khảo sát, cải thiện thái độ phục vụ tại bộ phận một cửa");
            await page.Locator("#item-8-1-1-owner").SelectOptionAsync(new SelectOptionValue { Label = "Trần Văn Minh" });
            await page.Locator("#item-8-1-1-deadline").FillAsync("2026-06-30");
            await page.Locator("#item-8-1-1-status-select").SelectOptionAsync("InProgress");
            await officer.SubmitAsync(page.Locator("#item-8-1-1-save"));
            await Assertions.Expect(page.Locator("#plan-notice")).ToHaveTextAsync("Đã lưu nội dung khắc phục.");
            await Assertions.Expect(page.Locator("#item-8-1-1-status")).ToHaveTextAsync("Đang thực hiện");

            // Done without evidence is refused in the item's card; with the uploaded file it is done.
            await page.Locator("#item-8-1-1-status-select").SelectOptionAsync("Done");
            await officer.SubmitAsync(page.Locator("#item-8-1-1-save"));
            await Assertions.Expect(page.Locator("#item-8-1-1-errors")).ToContainTextAsync("phải có minh chứng");
            await officer.CheckAsync("parrem-item-refused");
            await page.Locator("#item-8-1-1-status-select").SelectOptionAsync("Done");
            await page.Locator("#item-8-1-1-file").SetInputFilesAsync(new FilePayload
            {
                Name = "bao-cao-khao-sat.pdf",
                MimeType = "application/pdf",
                Buffer = Encoding.Latin1.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + new string('x', 512) + "\n%%EOF\n"),
            });
            await officer.SubmitAsync(page.Locator("#item-8-1-1-save"));
            await Assertions.Expect(page.Locator("#item-8-1-1-status")).ToHaveTextAsync("Hoàn thành");
            await Assertions.Expect(page.Locator("#item-8\\.1\\.1 a[href*='handler=Evidence']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#plan-rollup")).ToContainTextAsync("1 hoàn thành");
            await officer.CheckAsync("parrem-plan-done");
        }

        await using var homeAffairs = await Session.StartAsync(server, chromium);
        await homeAffairs.LoginAsync("noivu@motcua.local");
        await homeAffairs.GotoAsync(board);
        var justiceRow = homeAffairs.Page.Locator($"#unit-{justice}");
        await Assertions.Expect(justiceRow).ToContainTextAsync("Dự thảo");
        await Assertions.Expect(homeAffairs.Page.Locator("#board-summary")).ToContainTextAsync("1 kế hoạch");
        await Assertions.Expect(homeAffairs.Page.Locator("#board-summary")).ToContainTextAsync("1 hoàn thành");
        await homeAffairs.CheckAsync("parrem-board-province");
        await justiceRow.Locator("a").ClickAsync();
        await Assertions.Expect(homeAffairs.Page.Locator("#comment-form")).ToBeVisibleAsync();
        await Assertions.Expect(homeAffairs.Page.Locator("#item-8-1-1-form")).ToHaveCountAsync(0);
        await homeAffairs.CheckAsync("parrem-plan-homeaffairs");
    }

    /// <summary>A 2025 department framework of the demo province, issued, and the Department of Justice's self-assessment
    /// under it, submitted with nothing scored.</summary>
    private static async Task<Guid> SeedSubmittedAsync(AppServer server, Guid justice)
    {
        var ct = TestContext.Current.CancellationToken;
        var at = new DateTime(2026, 1, 20, 2, 0, 0, DateTimeKind.Utc);
        var definition = DemoParIndexSeeder.Load("framework-department-2026.json") with { Year = 2025 };
        var framework = ParFramework.CreateDraft(Guid.NewGuid(), DemoData.UnitId(DemoData.ProvinceCode), definition, 1, at);
        Assert.True(framework.Issue("9/QĐ-UBND", null, at).IsSuccess);
        var assessment = ParUnitAssessment.Create(Guid.NewGuid(), framework, justice, Guid.NewGuid(), at).Value;
        Assert.True(assessment.Submit(framework, Guid.NewGuid(), at).IsSuccess);
        var table = ParResultsTable.Build(framework, [new ParResultCandidate(justice, "Sở Tư pháp", Officers.Justice, assessment.ScoreFinal(framework).Result)]);
        var publication = ParPublication.Publish(Guid.NewGuid(), framework, table, null, Guid.NewGuid(), at, null).Value;
        await using var db = server.CreateContext();
        db.ParFrameworks.Add(framework);
        db.ParAssessments.Add(assessment);
        db.ParPublications.Add(publication);
        await db.SaveChangesAsync(ct);
        return framework.Id;
    }
}
