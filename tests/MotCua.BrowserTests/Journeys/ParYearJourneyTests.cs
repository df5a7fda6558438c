using System.Text;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Domain.Access;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 11, "done when": a whole PAR Index year for three departments, through the pages only. Home Affairs
/// copies the 2026 framework to the next year, issues it and sets the self-assessment deadline; each department's head
/// signs the commitment; each department self-assesses with an evidence file and its head submits (Justice scores most,
/// Construction less, Agriculture least, so the ranking is known). Its own app (a class fixture), so that the copy and
/// the publication do not meet the other journeys' demo data.</summary>
public sealed class ParYearJourneyTests(ClockedServers servers, Chromium chromium) : IClassFixture<ClockedServers>
{
    private static readonly Guid Framework2026 = DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);

    private static readonly string[] ChecklistRows = ["a", "b", "c", "d"];

    /// <summary>The three departments, their head (who also fills the self-assessment) and how many of 1.1.1's four
    /// checklist rows (0.25 point each) they tick.</summary>
    private static readonly Department[] Departments =
    [
        new("000.00.03.H56", "Sở Tư pháp", Officers.Head, 4),
        new("000.00.05.H56", "Sở Xây dựng", "lanhdao.xaydung@motcua.local", 3),
        new("000.00.06.H56", "Sở Nông nghiệp và Môi trường", "lanhdao.nongnghiep@motcua.local", 2),
    ];

    [Theory, AllDatabases]
    public async Task AFullYear_ForThreeDepartments(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        await using (var db = server.CreateContext())
        {
            await new DatabaseSeeder(db).EnsureUsersAsync(
            [
                new(Departments[1].Head, "Quàng Văn Dũng", StaffRole.AgencyHead, Departments[1].Code, IncludeDescendants: false),
                new(Departments[2].Head, "Hà Thị Mai", StaffRole.AgencyHead, Departments[2].Code, IncludeDescendants: false),
            ], TestContext.Current.CancellationToken);
        }

        var framework = await PrepareTheYearAsync(server);
        foreach (var department in Departments)
        {
            await SignTheCommitmentAsync(server, framework, department);
        }

        foreach (var department in Departments)
        {
            await SelfAssessAsync(server, framework, department);
        }
    }

    /// <summary>Home Affairs copies last year's framework, issues the copy with its decision and sets the deadline.</summary>
    private async Task<Guid> PrepareTheYearAsync(AppServer server)
    {
        await using var homeAffairs = await Session.StartAsync(server, chromium);
        var page = homeAffairs.Page;
        await homeAffairs.LoginAsync("noivu@motcua.local");
        await homeAffairs.GotoAsync($"/ParIndex/Framework/{Framework2026}");
        await page.Locator("#copy-year").FillAsync("2027");
        await homeAffairs.SubmitAsync(page.Locator("#copy-form button[type=submit]"));
        await Assertions.Expect(page.Locator("#issue-form")).ToBeVisibleAsync();
        var framework = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);

        await page.Locator("#decision-number").FillAsync("125/QĐ-UBND");
        await page.Locator("#decision-date").FillAsync("2027-01-15");
        await homeAffairs.SubmitAsync(page.Locator("#issue-form button[type=submit]"));
        await Assertions.Expect(page.Locator("#framework-status")).ToHaveTextAsync("Đã ban hành");

        await page.Locator("#deadline").FillAsync("2027-11-30");
        await homeAffairs.SubmitAsync(page.Locator("#deadline-form button[type=submit]"));
        await Assertions.Expect(page.Locator("#framework-deadline")).ToHaveTextAsync("30/11/2027");
        await homeAffairs.CheckAsync("paryear-framework");
        return framework;
    }

    /// <summary>The head opens the unit's commitment from the board, keeps the proposed targets and signs.</summary>
    private async Task SignTheCommitmentAsync(AppServer server, Guid framework, Department department)
    {
        await using var head = await Session.StartAsync(server, chromium);
        var page = head.Page;
        await head.LoginAsync(department.Head);
        await head.GotoAsync($"/ParIndex/Commitments/{framework}");
        await Assertions.Expect(page.Locator("#commitment-board")).ToContainTextAsync(department.Name);
        await head.SubmitAsync(page.Locator("#commitment-board form button[type=submit]"));
        await page.Locator("#confirm").CheckAsync();
        await head.SubmitAsync(page.Locator("#sign-submit"));
        await Assertions.Expect(page.Locator("#commitment-status")).ToHaveTextAsync("Đã ký");
    }

    /// <summary>The head opens the self-assessment, ticks <see cref="Department.Rows"/> rows of 1.1.1 with the plan as
    /// evidence, and submits it after confirming.</summary>
    private async Task SelfAssessAsync(AppServer server, Guid framework, Department department)
    {
        await using var head = await Session.StartAsync(server, chromium);
        var page = head.Page;
        await head.LoginAsync(department.Head);
        await head.GotoAsync($"/ParIndex/Assessments?framework={framework}");
        await head.SubmitAsync(page.Locator($"#unit-{DemoData.UnitId(department.Code)} button[type=submit]"));
        Assert.Contains("/ParIndex/Assessment/", page.Url, StringComparison.Ordinal);

        foreach (var code in ChecklistRows.Take(department.Rows))
        {
            await page.Locator($"#f-1-1-1-row-{code}").CheckAsync();
        }

        await page.Locator("#f-1-1-1-explanation").FillAsync($"Kế hoạch CCHC năm 2027 của {department.Name} ban hành ngày 10/01/2027.");
        await page.Locator("#f-1-1-1-add").ClickAsync();
        await page.Locator("#f-1-1-1-file").SetInputFilesAsync(new FilePayload
        {
            Name = "ke-hoach-cchc-2027.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.Latin1.GetBytes($"%PDF-1.7\n% {department.Code}\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + new string('x', 512) + "\n%%EOF\n"),
        });
        await head.SubmitAsync(page.Locator("#f-1-1-1-form button[type=submit]"));
        await Assertions.Expect(page.Locator("#f-1-1-1-points")).ToContainTextAsync(Points(department.Rows * 0.25m));

        await page.Locator("#submit-confirm").CheckAsync();
        await head.SubmitAsync(page.Locator("#submit-button"));
        await Assertions.Expect(page.Locator("#assessment-status")).ToContainTextAsync("Đã nộp");
    }

    private static string Points(decimal points) => $"{points.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} điểm";

    private sealed record Department(string Code, string Name, string Head, int Rows);
}
