using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Domain.ParIndex;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 11 §3, §8: the Department of Justice's submitted self-assessment is appraised. Home Affairs assigns a
/// council to area 1 from the assessments list; the council's chair appraises 1.1.1 below the self-score with a reason;
/// Home Affairs sends the results; the unit's officer finds the clarification section on the assessment page and answers
/// with a proposed score (in a browser without JavaScript); the head submits the answer; the chair records the council's
/// final score and finalises. Axe at 1280 and 360 px on each screen. On a server of its own: the shared one's Justice assessment belongs to other journeys.</summary>
public sealed class ParAppraisalJourneyTests(Chromium chromium)
{
    private const string HomeAffairs = "noivu@motcua.local";

    /// <summary>A provincial desk officer (demo account), staff of the province, whom Home Affairs makes the council's chair.</summary>
    private const string ChairEmail = "tiepnhan.tinh@motcua.local";

    [Theory, AllDatabases]
    public async Task AssignAppraiseClarifyDecideFinalise(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await AppServer.StartAsync(provider, ct);
        var frameworkId = DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);
        var id = await SubmittedAssessmentAsync(server, frameworkId, ct);
        var appraisal = $"/ParIndex/Appraisal/{id}";

        await using (var homeAffairs = await Session.StartAsync(server, chromium))
        {
            var page = homeAffairs.Page;
            await homeAffairs.LoginAsync(HomeAffairs);
            await homeAffairs.GotoAsync($"/ParIndex/Assessments?framework={frameworkId}");
            await page.Locator($"#appraisal-link-{frameworkId}").ClickAsync();
            await Assertions.Expect(page.Locator("#appraisal-units")).ToContainTextAsync("Sở Tư pháp");
            await page.Locator("#area-1 summary").ClickAsync();
            await page.Locator("#area-1-kind-Council").CheckAsync();
            var chairBox = page.Locator("#area-1 .checkbox-field", new() { HasText = "Đinh Thị Thảo" }).Locator("input");
            await chairBox.CheckAsync();
            var chairId = await chairBox.GetAttributeAsync("value");
            await page.Locator("#area-1-chair").SelectOptionAsync(chairId!);
            await homeAffairs.SubmitAsync(page.Locator("#area-1-form button[type=submit]"));
            await Assertions.Expect(page.Locator("#appraisals-notice")).ToHaveTextAsync("Đã lưu phân công thẩm định.");
            await Assertions.Expect(page.Locator("#area-1-who")).ToContainTextAsync("Đinh Thị Thảo (chủ tịch)");
            await homeAffairs.CheckAsync("parappraisal-board");
        }

        await using (var chair = await Session.StartAsync(server, chromium))
        {
            var page = chair.Page;
            await chair.LoginAsync(ChairEmail);
            await chair.GotoAsync($"/ParIndex/Appraisals/{frameworkId}");
            await page.Locator("#appraisal-units tr", new() { HasText = "Sở Tư pháp" }).Locator("a").ClickAsync();
            await Assertions.Expect(page.Locator("#a-1-1-1-self")).ToContainTextAsync("1");
            await page.Locator("#a-1-1-1-points").FillAsync("0,5");
            await page.Locator("#a-1-1-1-reason-box").FillAsync("Chưa bố trí kinh phí, nhiệm vụ chưa có sản phẩm");
            await chair.SubmitAsync(page.Locator("#a-1-1-1-form button[type=submit]"));
            await Assertions.Expect(page.Locator("#appraisal-notice")).ToHaveTextAsync("Đã lưu điểm thẩm định.");
            await Assertions.Expect(page.Locator("#a-1-1-1-appraised")).ToContainTextAsync("0,5");
            await Assertions.Expect(page.Locator("#appraisal-status")).ToHaveTextAsync("Đang thẩm định");
            await chair.CheckAsync("parappraisal-appraiser");
        }

        await using (var homeAffairs = await Session.StartAsync(server, chromium))
        {
            await homeAffairs.LoginAsync(HomeAffairs);
            await homeAffairs.GotoAsync(appraisal);
            await homeAffairs.SubmitAsync(homeAffairs.Page.Locator("#send-button"));
            await Assertions.Expect(homeAffairs.Page.Locator("#appraisal-status")).ToHaveTextAsync("Chờ đơn vị giải trình");
        }

        // The unit's officer answers without JavaScript: the screens need none.
        await using (var officer = await Session.StartAsync(server, chromium, javaScript: false))
        {
            var page = officer.Page;
            await officer.LoginAsync(Officers.Handler);
            await officer.GotoAsync($"/ParIndex/Assessment/{id}");
            await Assertions.Expect(page.Locator("#clarification-section")).ToContainTextAsync("Đã có kết quả thẩm định");
            await page.Locator("#clarification-link").ClickAsync();
            await Assertions.Expect(page.Locator("#a-1-1-1-reason")).ToHaveTextAsync("Chưa bố trí kinh phí, nhiệm vụ chưa có sản phẩm");
            await page.Locator("#a-1-1-1-text").FillAsync("Đã có Quyết định số 15/QĐ-STP bố trí kinh phí thực hiện kế hoạch");
            await page.Locator("#a-1-1-1-url").FillAsync("https://sonla.gov.vn/qd/15-qd-stp");
            await page.Locator("#a-1-1-1-proposed").FillAsync("0.75");
            await officer.SubmitAsync(page.Locator("#a-1-1-1-answer-form button[type=submit]"));
            await Assertions.Expect(page.Locator("#appraisal-notice")).ToHaveTextAsync("Đã lưu giải trình.");
            await Assertions.Expect(page.Locator("#a-1-1-1-answer")).ToContainTextAsync("đề xuất 0,75 điểm");
            await officer.CheckAsync("parappraisal-clarification");
        }

        await using (var head = await Session.StartAsync(server, chromium))
        {
            var page = head.Page;
            await head.LoginAsync(Officers.Head);
            await head.GotoAsync(appraisal);
            await page.Locator("#answer-confirm").CheckAsync();
            await head.SubmitAsync(page.Locator("#answer-submit-button"));
            await Assertions.Expect(page.Locator("#appraisal-notice")).ToHaveTextAsync("Đã nộp giải trình.");
        }

        await using (var chair = await Session.StartAsync(server, chromium))
        {
            var page = chair.Page;
            await chair.LoginAsync(ChairEmail);
            await chair.GotoAsync(appraisal);
            await page.Locator("#a-1-1-1-points").FillAsync("0,75");
            await page.Locator("#a-1-1-1-reason-box").FillAsync("Hội đồng chấp nhận giải trình về kinh phí");
            await chair.SubmitAsync(page.Locator("#a-1-1-1-form button[type=submit]"));
            await Assertions.Expect(page.Locator("#a-1-1-1-council")).ToContainTextAsync("0,75");
            await chair.CheckAsync("parappraisal-council");
            await page.Locator("#finalise-confirm").CheckAsync();
            await chair.SubmitAsync(page.Locator("#finalise-button"));
            await Assertions.Expect(page.Locator("#appraisal-status")).ToHaveTextAsync("Đã chốt kết quả");
            await Assertions.Expect(page.Locator("#a-1-1-1-form")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#appraisal-changes")).ToContainTextAsync("Hội đồng kết luận");
            await chair.CheckAsync("parappraisal-finalised");
        }
    }

    /// <summary>The Justice department's self-assessment, scored (1.1.1: all four rows, with a published decision) and
    /// submitted by its head, as the self-assessment journey leaves it.</summary>
    private static async Task<Guid> SubmittedAssessmentAsync(AppServer server, Guid frameworkId, CancellationToken ct)
    {
        await using var db = server.CreateContext();
        var framework = await db.ParFrameworks.AsNoTracking().SingleAsync(f => f.Id == frameworkId, ct);
        var (officer, head) = (DemoData.UserId(Officers.Handler), DemoData.UserId(Officers.Head));
        var now = new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc);
        var assessment = ParUnitAssessment.Create(Guid.NewGuid(), framework, DemoData.UnitId(Officers.Justice), officer, now).Value;
        Assert.True(assessment.Save(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a", "b", "c", "d"]), "Đủ bốn điều kiện",
            [new ParEvidence(ParEvidenceKind.Url, "https://sonla.gov.vn/qd/12-qd-stp")], null, officer, now).IsSuccess);
        Assert.True(assessment.Submit(framework, head, now).IsSuccess);
        db.ParAssessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return assessment.Id;
    }
}
