using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Access;
using MotCua.Domain.Feedback.Surveys;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.Surveys;

/// <summary>The questionnaire editor page (Pages/Surveys/Questionnaire) through its real HTML forms: a refused draft
/// keeps what was typed with Vietnamese messages on the rows and writes nothing, "add a question" saves nothing, a
/// valid draft is saved, revised at its revision, published and copied into a new version; only Home Affairs writes,
/// administrators read, other staff are refused.</summary>
public sealed class QuestionnairePageTests
{
    private const string Code = "SIPAS-TRANG";

    [Theory, AllDatabases]
    public async Task Editor_RefusesBadInputKeepingIt_SavesRevisesPublishesAndStartsANewVersion(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (homeAffairs, _) = await harness.SignInAsync(HomeAffairs, ct);
        var before = await CountAsync(harness, ct);

        // A satisfaction question answered by one option, and an empty title: refused, the form comes back as typed.
        var bad = Form(await TokenAsync(homeAffairs, "/Surveys/Questionnaire", ct), title: "",
            ("TC1", "AccessToService", "Satisfaction", "SingleChoice", "Ông/Bà hài lòng về nơi đón tiếp?", "Có\nKhông"));
        var refused = await PostAsync(homeAffairs, "/Surveys/Questionnaire?handler=Save", bad, HttpStatusCode.OK, ct);
        Assert.Contains("Bộ câu hỏi không hợp lệ – tiêu đề: không được để trống.", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"TC1\"", refused, StringComparison.Ordinal);
        Assert.Contains("Ông/Bà hài lòng về nơi đón tiếp?</textarea>", refused, StringComparison.Ordinal);
        bad["Input.Title"] = "Phiếu khảo sát";
        refused = await PostAsync(homeAffairs, "/Surveys/Questionnaire?handler=Save", bad, HttpStatusCode.OK, ct);
        Assert.Contains("câu hỏi thứ 1: câu hỏi về sự hài lòng phải trả lời theo thang 5 mức", refused, StringComparison.Ordinal);

        // Letters in the order box: a Vietnamese message, not model binding's English one.
        bad["Input.Questions[0].Order"] = "một";
        refused = await PostAsync(homeAffairs, "/Surveys/Questionnaire?handler=Save", bad, HttpStatusCode.OK, ct);
        Assert.Contains("value=\"một\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", refused, StringComparison.Ordinal);

        // "Add a question" shows one more empty row and saves nothing.
        var added = await PostAsync(homeAffairs, "/Surveys/Questionnaire?handler=Add", Form(bad["__RequestVerificationToken"], rows: Rows()), HttpStatusCode.OK, ct);
        Assert.Contains("id=\"q3-code\"", added, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"q4-code\"", added, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(harness, ct));

        // A valid draft; a row ticked for removal and the blank row are not saved.
        var good = Form(bad["__RequestVerificationToken"], rows: [.. Rows(), ("XOA", "Procedure", "Perception", "Likert5", "Câu bỏ đi.", "")]);
        good["Input.Questions[3].Remove"] = "true";
        good["Input.Questions[4].Code"] = "";
        var location = await RedirectAsync(homeAffairs, "/Surveys/Questionnaire?handler=Save", good, ct);
        var id = Guid.Parse(location.Split('/', '?')[3]);
        var saved = await StoredAsync(harness, id, ct);
        Assert.Equal((Code, 1, QuestionnaireStatus.Draft, 0), (saved.Code, saved.Version, saved.Status, saved.Revision));
        Assert.Equal(["TC1", "HL", "MD1"], saved.Questions.Select(q => q.Code));
        Assert.Equal(["Thái độ phục vụ", "Thời gian giải quyết"], saved.Questions[2].Options);
        Assert.False(saved.Questions[2].Required);
        Assert.Equal([DemographicItem.AgeBand, DemographicItem.Gender], saved.Demographics);

        // Revised at revision 0; a second revision at 0 is stale and keeps the typed text.
        var page = $"/Surveys/Questionnaire/{id}";
        var revise = Form(await TokenAsync(homeAffairs, page, ct), title: "Phiếu khảo sát (sửa)", rows: Rows());
        revise["Revision"] = "0";
        Assert.StartsWith(page, await RedirectAsync(homeAffairs, page + "?handler=Save", revise, ct), StringComparison.Ordinal);
        revise["Input.Title"] = "Phiếu khảo sát (sửa lần hai)";
        var stale = await PostAsync(homeAffairs, page + "?handler=Save", revise, HttpStatusCode.OK, ct);
        Assert.Contains("vừa được người khác thay đổi", stale, StringComparison.Ordinal);
        Assert.Contains("value=\"Phiếu khảo sát (sửa lần hai)\"", stale, StringComparison.Ordinal);
        Assert.Equal("Phiếu khảo sát (sửa)", (await StoredAsync(harness, id, ct)).Title);

        // Published at its revision: immutable, read-only on the page, and a new version can be started from it.
        var publish = new Dictionary<string, string> { ["__RequestVerificationToken"] = revise["__RequestVerificationToken"], ["Revision"] = "1" };
        Assert.Contains("done=Published", await RedirectAsync(homeAffairs, page + "?handler=Publish", publish, ct), StringComparison.Ordinal);
        Assert.Equal(QuestionnaireStatus.Published, (await StoredAsync(harness, id, ct)).Status);
        var readOnly = await homeAffairs.GetStringAsync(page, ct);
        Assert.DoesNotContain("id=\"questionnaire-form\"", readOnly, StringComparison.Ordinal);
        Assert.Contains("id=\"new-version-form\"", readOnly, StringComparison.Ordinal);
        await PostAsync(homeAffairs, page + "?handler=Save", revise, HttpStatusCode.OK, ct);
        Assert.Equal(QuestionnaireStatus.Published, (await StoredAsync(harness, id, ct)).Status);

        var next = await RedirectAsync(homeAffairs, page + "?handler=NewVersion", new() { ["__RequestVerificationToken"] = revise["__RequestVerificationToken"] }, ct);
        var copy = await StoredAsync(harness, Guid.Parse(next.Split('/', '?')[3]), ct);
        Assert.Equal((Code, 2, QuestionnaireStatus.Draft, (int?)1), (copy.Code, copy.Version, copy.Status, copy.CopiedFromVersion));
        var list = await homeAffairs.GetStringAsync("/Surveys/Questionnaires", ct);
        Assert.Contains($"href=\"/Surveys/Questionnaire/{copy.Id}\"", list, StringComparison.Ordinal);

        // The same code again is refused on the code field.
        var taken = await PostAsync(homeAffairs, "/Surveys/Questionnaire?handler=Save", Form(revise["__RequestVerificationToken"], rows: Rows()), HttpStatusCode.OK, ct);
        Assert.Contains($"Mã bộ câu hỏi {Code} đã có", taken, StringComparison.Ordinal);
        Assert.Equal(before + 2, await CountAsync(harness, ct));
    }

    [Theory, AllDatabases]
    public async Task Editor_OnlyHomeAffairsWrites_AdministratorsRead_OtherStaffAreRefused(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var published = await PublishedQuestionnaireAsync(await harness.ClientAsync(HomeAffairs, ct), ct);
        await harness.CreateStaffAsync("noivu.xa@motcua.local", StaffRole.HomeAffairsAppraiser, TuHieu, ct);
        var (admin, _) = await harness.SignInAsync(Admin, ct);
        var (desk, _) = await harness.SignInAsync(Desk, ct);
        var (head, _) = await harness.SignInAsync(Head, ct);
        var (commune, _) = await harness.SignInAsync("noivu.xa@motcua.local", ct);
        var before = await CountAsync(harness, ct);

        // Administrators read a version (no forms) but cannot open a new one or write.
        var read = await admin.GetStringAsync($"/Surveys/Questionnaire/{published}", ct);
        Assert.DoesNotContain("new-version-form", read, StringComparison.Ordinal);
        Assert.Contains("TT1", read, StringComparison.Ordinal);
        using (var refused = await admin.GetAsync("/Surveys/Questionnaire", ct))
        {
            AssertDenied(refused);
        }

        var token = await TokenAsync(admin, "/Surveys/Questionnaires", ct);
        await PostAsync(admin, "/Surveys/Questionnaire?handler=Save", Form(token, rows: Rows()), Denied, ct);
        await PostAsync(admin, $"/Surveys/Questionnaire/{published}?handler=NewVersion", new() { ["__RequestVerificationToken"] = token }, Denied, ct);

        // Desk officers and heads of units have no survey role at all.
        foreach (var staff in new[] { desk, head })
        {
            foreach (var path in new[] { "/Surveys/Questionnaires", "/Surveys/Questionnaire", $"/Surveys/Questionnaire/{published}" })
            {
                using var response = await staff.GetAsync(path, ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Assert.DoesNotContain("TT1", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
                }
                else
                {
                    AssertDenied(response);
                }
            }

            var staffToken = await TokenAsync(staff, "/", ct);
            await PostAsync(staff, $"/Surveys/Questionnaire/{published}?handler=NewVersion", new() { ["__RequestVerificationToken"] = staffToken }, Denied, ct);
            await PostAsync(staff, "/Surveys/Questionnaire?handler=Save", Form(staffToken, rows: Rows()), Denied, ct);
        }

        // A Home Affairs appraiser of a commune writes questionnaires too (they are not tied to a unit).
        var communeToken = await TokenAsync(commune, "/Surveys/Questionnaire", ct);
        await RedirectAsync(commune, "/Surveys/Questionnaire?handler=Save", Form(communeToken, rows: Rows()), ct);
        Assert.Equal(before + 1, await CountAsync(harness, ct));
    }

    private static (string Code, string Factor, string Kind, string Format, string Text, string Options)[] Rows() =>
    [
        ("TC1", "AccessToService", "Satisfaction", "Likert5", "Ông/Bà hài lòng về nơi đón tiếp?", ""),
        ("HL", "Overall", "Overall", "Likert5", "Nhìn chung, Ông/Bà hài lòng về sự phục vụ?", ""),
        ("MD1", "Overall", "Expectation", "SingleChoice", "Cần cải thiện điều gì trước?", "Thái độ phục vụ\r\nThời gian giải quyết\r\n"),
    ];

    private static Dictionary<string, string> Form(
        string token, string title = "Phiếu khảo sát", params (string Code, string Factor, string Kind, string Format, string Text, string Options)[] rows)
    {
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Revision"] = "0",
            ["Input.Code"] = Code,
            ["Input.Title"] = title,
            ["Input.MethodDecision"] = "QĐ 1001/QĐ-BNV",
            ["Input.Demographics[0]"] = "AgeBand",
            ["Input.Demographics[1]"] = "Gender",
        };
        for (var i = 0; i < rows.Length; i++)
        {
            var (code, factor, kind, format, text, options) = rows[i];
            form[$"Input.Questions[{i}].Code"] = code;
            form[$"Input.Questions[{i}].Factor"] = factor;
            form[$"Input.Questions[{i}].Kind"] = kind;
            form[$"Input.Questions[{i}].Format"] = format;
            form[$"Input.Questions[{i}].Text"] = text;
            form[$"Input.Questions[{i}].Options"] = options;
            form[$"Input.Questions[{i}].Order"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (code != "MD1")
            {
                form[$"Input.Questions[{i}].Required"] = "true";
            }
        }

        // The blank row the page always adds: ignored.
        form[$"Input.Questions[{rows.Length}].Factor"] = "AccessToService";
        form[$"Input.Questions[{rows.Length}].Kind"] = "Satisfaction";
        form[$"Input.Questions[{rows.Length}].Format"] = "Likert5";
        form[$"Input.Questions[{rows.Length}].Order"] = (rows.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return form;
    }

    /// <summary>What a page answers a caller without the right: <c>Forbid()</c>, which the cookie scheme turns into the
    /// access-denied page.</summary>
    private const HttpStatusCode Denied = HttpStatusCode.Forbidden;

    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static Task<string> TokenAsync(HttpClient browser, string path, CancellationToken ct) => MotCuaWebFactory.GetAntiforgeryTokenAsync(browser, path, ct);

    private static async Task<string> PostAsync(HttpClient browser, string path, Dictionary<string, string> fields, HttpStatusCode expected, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(fields);
        using var response = await browser.PostAsync(path, form, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        if (expected == Denied)
        {
            AssertDenied(response);
            return html;
        }

        Assert.True(response.StatusCode == expected, $"{path}: expected {expected}, got {response.StatusCode}");
        return html;
    }

    private static async Task<string> RedirectAsync(HttpClient browser, string path, Dictionary<string, string> fields, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(fields);
        using var response = await browser.PostAsync(path, form, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}: {response.StatusCode} {System.Text.RegularExpressions.Regex.Match(html, "(?s)<div class=\"error-summary.*?</div>").Value}");
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<int> CountAsync(Dossiers.DossierApiHarness harness, CancellationToken ct)
    {
        var count = 0;
        await harness.InScopeAsync(async s => count = await s.GetRequiredService<AppDbContext>().SurveyQuestionnaires.CountAsync(ct));
        return count;
    }

    private static async Task<Questionnaire> StoredAsync(Dossiers.DossierApiHarness harness, Guid id, CancellationToken ct)
    {
        Questionnaire? stored = null;
        await harness.InScopeAsync(async s => stored = await s.GetRequiredService<AppDbContext>().SurveyQuestionnaires.AsNoTracking().SingleAsync(q => q.Id == id, ct));
        return stored!;
    }
}
