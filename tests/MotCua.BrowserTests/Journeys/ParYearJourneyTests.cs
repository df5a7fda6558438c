using System.Text;
using DocumentFormat.OpenXml.Packaging;
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
/// the publication do not meet the other journeys' demo data. Then the appraisal: Home Affairs gives area 1 to a
/// council and imports the SIPAS figures of a survey run by others; the chair appraises 1.1.1, Justice's below its
/// self-score; Home Affairs sends the results; Justice answers with a proposed score (the one clarification), the other
/// two submit no answer; the council accepts Justice's proposal and finalises the three. Home Affairs publishes: Justice
/// first, Construction second, Agriculture third, on the results page and the public portal. Agriculture's head opens
/// the remediation plan the lost points give and completes one action with its evidence; then drafts the unit's CCHC
/// report for the year (its PAR Index rank and the plan's progress filled in from the system), signs it and exports it
/// to docx and PDF. The clock stands at 16 December 2027, after the year's ND 09 cut-off.</summary>
public sealed class ParYearJourneyTests(ClockedServers servers, Chromium chromium) : IClassFixture<ClockedServers>
{
    private static readonly Guid Framework2026 = DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);

    private static readonly string[] ChecklistRows = ["a", "b", "c", "d"];

    /// <summary>The three departments, their head (who also fills the self-assessment) and how many of 1.1.1's four
    /// checklist rows (0.25 point each) they tick.</summary>
    private static readonly Department[] Departments =
    [
        new("000.00.03.H56", "Sở Tư pháp", Officers.Head, "Lò Văn Khánh", 4, 88.5m),
        new("000.00.05.H56", "Sở Xây dựng", "lanhdao.xaydung@motcua.local", "Quàng Văn Dũng", 3, 80m),
        new("000.00.06.H56", "Sở Nông nghiệp và Môi trường", "lanhdao.nongnghiep@motcua.local", "Hà Thị Mai", 2, 72m),
    ];

    /// <summary>16 December 2027, 09:00 in Vietnam: the 2027 framework's year, after ND 09's cut-off for the year's report.</summary>
    private static readonly DateTimeOffset YearEnd = new(2027, 12, 16, 2, 0, 0, TimeSpan.Zero);

    private const string HomeAffairs = "noivu@motcua.local";

    /// <summary>A provincial desk officer (demo account), staff of the province, whom Home Affairs makes the council's chair.</summary>
    private const string Chair = "tiepnhan.tinh@motcua.local";

    private const string ChairName = "Đinh Thị Thảo";

    [Theory, AllDatabases]
    public async Task AFullYear_ForThreeDepartments(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        var clock = server.Clock!;
        clock.Advance(YearEnd - clock.GetUtcNow());
        await using (var db = server.CreateContext())
        {
            await new DatabaseSeeder(db).EnsureUsersAsync(
            [
                new(Departments[1].Head, Departments[1].HeadName, StaffRole.AgencyHead, Departments[1].Code, IncludeDescendants: false),
                new(Departments[2].Head, Departments[2].HeadName, StaffRole.AgencyHead, Departments[2].Code, IncludeDescendants: false),
            ], TestContext.Current.CancellationToken);
        }

        var framework = await PrepareTheYearAsync(server);
        foreach (var department in Departments)
        {
            await SignTheCommitmentAsync(server, framework, department);
        }

        var assessments = new Dictionary<Department, Guid>();
        foreach (var department in Departments)
        {
            assessments[department] = await SelfAssessAsync(server, framework, department);
        }

        await AssignAndImportSurveyAsync(server, framework);
        await AppraiseAsync(server, assessments);
        await ClarifyAsync(server, assessments);
        await DecideAndFinaliseAsync(server, assessments);
        await PublishAsync(server, framework);
        await RemediateAsync(server, framework, Departments[2]);
        await ReportAsync(server, Departments[2], provider);
    }

    /// <summary>Home Affairs copies last year's framework, issues the copy with its decision and sets the deadline.</summary>
    private async Task<Guid> PrepareTheYearAsync(AppServer server)
    {
        await using var homeAffairs = await Session.StartAsync(server, chromium);
        var page = homeAffairs.Page;
        await homeAffairs.LoginAsync(HomeAffairs);
        await homeAffairs.GotoAsync($"/ParIndex/Framework/{Framework2026}");
        await page.Locator("#copy-year").FillAsync("2027");
        await homeAffairs.SubmitAsync(page.Locator("#copy-form button[type=submit]"));
        await Assertions.Expect(page.Locator("#issue-form")).ToBeVisibleAsync();
        var framework = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);

        await page.Locator("#decision-number").FillAsync("125/QĐ-UBND");
        await page.Locator("#decision-date").FillAsync("2027-01-15");
        await homeAffairs.SubmitAsync(page.Locator("#issue-form button[type=submit]"));
        await Assertions.Expect(page.Locator("#framework-status")).ToHaveTextAsync("Đã ban hành");

        await page.Locator("#deadline").FillAsync("2027-12-31");
        await homeAffairs.SubmitAsync(page.Locator("#deadline-form button[type=submit]"));
        await Assertions.Expect(page.Locator("#framework-deadline")).ToHaveTextAsync("31/12/2027");
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
    private async Task<Guid> SelfAssessAsync(AppServer server, Guid framework, Department department)
    {
        await using var head = await Session.StartAsync(server, chromium);
        var page = head.Page;
        await head.LoginAsync(department.Head);
        await head.GotoAsync($"/ParIndex/Assessments?framework={framework}");
        await head.SubmitAsync(page.Locator($"#unit-{DemoData.UnitId(department.Code)} button[type=submit]"));
        Assert.Contains("/ParIndex/Assessment/", page.Url, StringComparison.Ordinal);
        var id = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);

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
        return id;
    }

    /// <summary>Home Affairs gives area 1 to a council chaired by a provincial officer and enters each department's SIPAS
    /// index (sub-criterion 8.1.1) from a survey run by others.</summary>
    private async Task AssignAndImportSurveyAsync(AppServer server, Guid framework)
    {
        await using var homeAffairs = await Session.StartAsync(server, chromium);
        var page = homeAffairs.Page;
        await homeAffairs.LoginAsync(HomeAffairs);
        await homeAffairs.GotoAsync($"/ParIndex/Appraisals/{framework}");
        await page.Locator("#area-1 summary").ClickAsync();
        await page.Locator("#area-1-kind-Council").CheckAsync();
        var chairBox = page.Locator("#area-1 .checkbox-field", new() { HasText = ChairName }).Locator("input");
        await chairBox.CheckAsync();
        await page.Locator("#area-1-chair").SelectOptionAsync((await chairBox.GetAttributeAsync("value"))!);
        await homeAffairs.SubmitAsync(page.Locator("#area-1-form button[type=submit]"));
        await Assertions.Expect(page.Locator("#area-1-who")).ToContainTextAsync($"{ChairName} (chủ tịch)");

        foreach (var department in Departments)
        {
            await page.Locator("#survey-unit").SelectOptionAsync(DemoData.UnitId(department.Code).ToString());
            await page.Locator("#survey-sub").FillAsync("8.1.1");
            await page.Locator("#survey-value").FillAsync(department.Sipas.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#survey-source").FillAsync("Điều tra SIPAS 2027 của Bộ Nội vụ");
            await homeAffairs.SubmitAsync(page.Locator("#survey-button"));
            await Assertions.Expect(page.Locator("#survey-figures")).ToContainTextAsync(department.Name);
        }

        await homeAffairs.CheckAsync("paryear-appraisal-board");
    }

    /// <summary>The chair appraises 1.1.1 of each department: Justice's four rows are worth three (with the reason), the
    /// others as self-scored; Home Affairs then sends each appraisal to its unit.</summary>
    private async Task AppraiseAsync(AppServer server, Dictionary<Department, Guid> assessments)
    {
        await using (var chair = await Session.StartAsync(server, chromium))
        {
            var page = chair.Page;
            await chair.LoginAsync(Chair);
            foreach (var (department, id) in assessments)
            {
                await chair.GotoAsync($"/ParIndex/Appraisal/{id}");
                var appraised = department == Departments[0] ? 0.75m : department.Rows * 0.25m;
                await page.Locator("#a-1-1-1-points").FillAsync(Number(appraised));
                if (department == Departments[0])
                {
                    await page.Locator("#a-1-1-1-reason-box").FillAsync("Kế hoạch chưa bố trí kinh phí cho nhiệm vụ số hóa");
                }

                await chair.SubmitAsync(page.Locator("#a-1-1-1-form button[type=submit]"));
                await Assertions.Expect(page.Locator("#a-1-1-1-appraised")).ToContainTextAsync(Number(appraised));
            }

            await chair.CheckAsync("paryear-appraisal");
        }

        await using var homeAffairs = await Session.StartAsync(server, chromium);
        await homeAffairs.LoginAsync(HomeAffairs);
        foreach (var (department, id) in assessments)
        {
            await homeAffairs.GotoAsync($"/ParIndex/Appraisal/{id}?area=8");
            var survey = homeAffairs.Page.Locator("#a-8-1-1-appraised");
            await Assertions.Expect(survey).ToContainTextAsync(Number(department.Sipas / 10m));
            await Assertions.Expect(homeAffairs.Page.Locator("#sub-8\\.1\\.1")).ToContainTextAsync("Điều tra SIPAS 2027");
            await homeAffairs.SubmitAsync(homeAffairs.Page.Locator("#send-button"));
            await Assertions.Expect(homeAffairs.Page.Locator("#appraisal-status")).ToHaveTextAsync("Chờ đơn vị giải trình");
        }
    }

    /// <summary>Justice's head answers 1.1.1 with the decision that funds the task and proposes the full point; each head
    /// submits the unit's answer (the other two with none).</summary>
    private async Task ClarifyAsync(AppServer server, Dictionary<Department, Guid> assessments)
    {
        foreach (var (department, id) in assessments)
        {
            await using var head = await Session.StartAsync(server, chromium);
            var page = head.Page;
            await head.LoginAsync(department.Head);
            await head.GotoAsync($"/ParIndex/Appraisal/{id}");
            if (department == Departments[0])
            {
                await page.Locator("#a-1-1-1-text").FillAsync("Quyết định số 15/QĐ-STP ngày 20/01/2027 đã bố trí kinh phí số hóa");
                await page.Locator("#a-1-1-1-url").FillAsync("https://sonla.gov.vn/qd/15-qd-stp-2027");
                await page.Locator("#a-1-1-1-proposed").FillAsync("1");
                await head.SubmitAsync(page.Locator("#a-1-1-1-answer-form button[type=submit]"));
                await Assertions.Expect(page.Locator("#a-1-1-1-answer")).ToContainTextAsync("đề xuất 1 điểm");
                await head.CheckAsync("paryear-clarification");
            }

            await page.Locator("#answer-confirm").CheckAsync();
            await head.SubmitAsync(page.Locator("#answer-submit-button"));
            await Assertions.Expect(page.Locator("#appraisal-notice")).ToHaveTextAsync("Đã nộp giải trình.");
        }
    }

    /// <summary>The chair records the council's acceptance of Justice's proposal, then finalises the three.</summary>
    private async Task DecideAndFinaliseAsync(AppServer server, Dictionary<Department, Guid> assessments)
    {
        await using var chair = await Session.StartAsync(server, chromium);
        var page = chair.Page;
        await chair.LoginAsync(Chair);
        foreach (var (department, id) in assessments)
        {
            await chair.GotoAsync($"/ParIndex/Appraisal/{id}");
            if (department == Departments[0])
            {
                await page.Locator("#a-1-1-1-points").FillAsync("1");
                await page.Locator("#a-1-1-1-reason-box").FillAsync("Hội đồng chấp nhận giải trình: kinh phí đã được bố trí");
                await chair.SubmitAsync(page.Locator("#a-1-1-1-form button[type=submit]"));
                await Assertions.Expect(page.Locator("#a-1-1-1-council")).ToContainTextAsync("1");
            }

            await page.Locator("#finalise-confirm").CheckAsync();
            await chair.SubmitAsync(page.Locator("#finalise-button"));
            await Assertions.Expect(page.Locator("#appraisal-status")).ToHaveTextAsync("Đã chốt kết quả");
        }

        await chair.CheckAsync("paryear-finalised");
    }

    /// <summary>Home Affairs finds the three ranked by their final scores and publishes; a citizen reads the same ranking
    /// on the portal without logging in.</summary>
    private async Task PublishAsync(AppServer server, Guid framework)
    {
        await using (var homeAffairs = await Session.StartAsync(server, chromium))
        {
            var page = homeAffairs.Page;
            await homeAffairs.LoginAsync(HomeAffairs);
            await homeAffairs.GotoAsync($"/ParIndex/Results/{framework}");
            await ExpectRanksAsync(page, "results-table");
            await page.Locator("#confirm").CheckAsync();
            await homeAffairs.SubmitAsync(page.Locator("#publish-form button[type=submit]"));
            await Assertions.Expect(page.Locator("#published-status")).ToContainTextAsync("Đã công bố");
            await homeAffairs.CheckAsync("paryear-published");
        }

        await using var citizen = await Session.StartAsync(server, chromium);
        await citizen.GotoAsync($"/Portal/ParIndex/{framework}");
        await ExpectRanksAsync(citizen.Page, "ranking");
        await citizen.CheckAsync("paryear-public-ranking");
    }

    /// <summary>Justice 1st, Construction 2nd, Agriculture 3rd in the results table <paramref name="table"/>.</summary>
    private static async Task ExpectRanksAsync(IPage page, string table)
    {
        for (var i = 0; i < Departments.Length; i++)
        {
            var row = page.Locator($"#{table}-{DemoData.UnitId(Departments[i].Code)}");
            await Assertions.Expect(row.Locator("td").First).ToHaveTextAsync((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The head opens the unit's remediation plan from the board and completes the SIPAS action with evidence.</summary>
    private async Task RemediateAsync(AppServer server, Guid framework, Department department)
    {
        await using var head = await Session.StartAsync(server, chromium);
        var page = head.Page;
        await head.LoginAsync(department.Head);
        await head.GotoAsync($"/ParIndex/Remediation/{framework}");
        await head.SubmitAsync(page.Locator($"#unit-{DemoData.UnitId(department.Code)} button[type=submit]"));
        await Assertions.Expect(page.Locator("#plan-status")).ToHaveTextAsync("Dự thảo");
        await page.Locator("#item-8-1-1-actions").FillAsync("Niêm yết quy trình, tập huấn kỹ năng giao tiếp cho công chức bộ phận một cửa");
        await page.Locator("#item-8-1-1-owner").SelectOptionAsync(new SelectOptionValue { Label = department.HeadName });
        await page.Locator("#item-8-1-1-deadline").FillAsync("2028-03-31");
        await page.Locator("#item-8-1-1-status-select").SelectOptionAsync("Done");
        await page.Locator("#item-8-1-1-file").SetInputFilesAsync(new FilePayload
        {
            Name = "bao-cao-tap-huan.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.Latin1.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + new string('y', 512) + "\n%%EOF\n"),
        });
        await head.SubmitAsync(page.Locator("#item-8-1-1-save"));
        await Assertions.Expect(page.Locator("#item-8-1-1-status")).ToHaveTextAsync("Hoàn thành");
        await Assertions.Expect(page.Locator("#plan-rollup")).ToContainTextAsync("1 hoàn thành");
        await head.CheckAsync("paryear-remediation");
    }

    /// <summary>The head drafts the unit's CCHC report for the year, finds its PAR Index rank and remediation progress
    /// filled in, writes the general situation, signs it and exports it to docx and PDF.</summary>
    private async Task ReportAsync(AppServer server, Department department, DatabaseProvider provider)
    {
        const string General = "Sở ban hành kế hoạch khắc phục sau khi công bố Chỉ số CCHC năm 2027 và đã hoàn thành nhiệm vụ tập huấn.";
        await using var head = await Session.StartAsync(server, chromium);
        var page = head.Page;
        await head.LoginAsync(department.Head);
        await head.GotoAsync("/Reports/Cchc");
        await page.Locator("#unit").SelectOptionAsync(DemoData.UnitId(department.Code).ToString());
        await page.Locator("#period").SelectOptionAsync("nd09-year");
        await page.Locator("#year").FillAsync("2027");
        await head.SubmitAsync(page.Locator("#create-submit"));
        Assert.True(page.Url.Contains("/Reports/Cchc/Report/", StringComparison.Ordinal), "Not created: " + await head.ErrorsShownAsync());
        var preview = page.Locator(".cchc-preview");
        await Assertions.Expect(preview).ToContainTextAsync("xếp hạng 3/3");
        await Assertions.Expect(preview).ToContainTextAsync("1 đã hoàn thành");

        await page.Locator("#section-general").FillAsync(General);
        await head.SubmitAsync(page.Locator("#save-narrative"));
        await page.Locator("#confirm").CheckAsync();
        await head.SubmitAsync(page.Locator("#finalise-submit"));
        await Assertions.Expect(page.Locator("#report-status")).ToHaveTextAsync("Đã ký ban hành");
        await head.CheckAsync("paryear-report");

        var (docx, _) = await Downloads.FileAsync(page, "#download-docx");
        await using (var stream = new MemoryStream(docx))
        using (var word = WordprocessingDocument.Open(stream, false))
        {
            var text = string.Join("\n", word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
            Assert.Contains(General, text, StringComparison.Ordinal);
            Assert.Contains("xếp hạng 3/3", text, StringComparison.Ordinal);
            Assert.Contains("1 đã hoàn thành", text, StringComparison.Ordinal);
        }

        var pdf = await Downloads.ClickAsync(page, "#download-pdf");
        Assert.StartsWith("%PDF", Encoding.Latin1.GetString(pdf, 0, 4), StringComparison.Ordinal);
        await Downloads.KeepAsync($"{nameof(ParYearJourneyTests)}-{provider}", "bao-cao-cchc-2027.pdf", pdf);
    }

    private static string Points(decimal points) => $"{Number(points)} điểm";

    private static string Number(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>A department of the journey: its code and name, its head's login and name, the 1.1.1 rows it ticks and
    /// its SIPAS index (%) from the survey Home Affairs imports.</summary>
    private sealed record Department(string Code, string Name, string Head, string HeadName, int Rows, decimal Sipas);
}
