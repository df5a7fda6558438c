using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MotCua.Domain.Access;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Surveys;

/// <summary>What the survey tests set up through the API: returned dossiers of the Department of Justice, a published
/// questionnaire and a province-level campaign of two departments.</summary>
internal static class SurveyApiDriver
{
    public const string HomeAffairs = "noivu@motcua.local";
    public const string CommuneHomeAffairs = "noivu.tohieu@motcua.local";
    public const string OtherDepartment = "000.00.05.H56";

    public static readonly DateOnly ServedFrom = new(2026, 11, 1);

    /// <summary>A Home Affairs appraiser whose scope is Phường Tô Hiệu only.</summary>
    public static Task<Guid> CreateCommuneAppraiserAsync(Dossiers.DossierApiHarness harness, CancellationToken ct) =>
        harness.CreateStaffAsync(CommuneHomeAffairs, StaffRole.HomeAffairsAppraiser, TuHieu, ct);

    /// <summary><paramref name="count"/> dossiers received at Tô Hiệu for the Department of Justice and returned today.</summary>
    public static async Task<List<(Guid Id, string Code)>> ReturnedDossiersAsync(Dossiers.DossierApiHarness harness, int count, CancellationToken ct)
    {
        var (desk, head, handler) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(Handler, ct));
        var dossiers = new List<(Guid, string)>();
        for (var i = 0; i < count; i++)
        {
            var created = await harness.CreateAsync(desk, ct);
            var id = created["id"]!.GetValue<Guid>();
            await FireStepsAsync(id, 1, ct,
                (desk, "Transfer", null), (head, "Assign", new { officerId = DemoData.UserId(Handler) }), (handler, "StartAppraisal", null),
                (handler, "SubmitForApproval", null), (head, "Approve", null), (desk, "ReturnResult", null));
            dossiers.Add((id, created["code"]!.GetValue<string>()));
        }

        return dossiers;
    }

    public static object Questionnaire(string code = "SIPAS-TINH", string procedureFactor = "Procedure") => new
    {
        code,
        title = "Phiếu khảo sát sự hài lòng về sự phục vụ hành chính năm 2026",
        methodDecision = "QĐ 1001/QĐ-BNV",
        questions = new object[]
        {
            new { code = "TT1", factor = procedureFactor, kind = "Satisfaction", text = "Ông/Bà hài lòng về thủ tục hành chính.", format = "Likert5" },
            new { code = "TT2", factor = procedureFactor, kind = "Satisfaction", text = "Ông/Bà hài lòng về phí, lệ phí.", format = "Likert5", required = false },
            new { code = "CC1", factor = "CivilServant", kind = "Satisfaction", text = "Ông/Bà hài lòng về công chức giải quyết hồ sơ.", format = "Likert5" },
            new { code = "HL", factor = "Overall", kind = "Overall", text = "Nhìn chung, Ông/Bà hài lòng về sự phục vụ.", format = "Likert5" },
            new
            {
                code = "MD1", factor = "Overall", kind = "Expectation", text = "Cơ quan cần ưu tiên cải thiện nội dung nào?", format = "SingleChoice",
                required = false, options = new[] { "Thái độ phục vụ", "Thời gian giải quyết", "Công khai thông tin" },
            },
            new { code = "GY", factor = "Overall", kind = "Expectation", text = "Góp ý khác của Ông/Bà.", format = "FreeText", required = false },
        },
        demographics = new[] { "AgeBand", "Gender" },
    };

    /// <summary>Creates and publishes <see cref="Questionnaire"/>; returns its id.</summary>
    public static async Task<Guid> PublishedQuestionnaireAsync(HttpClient homeAffairs, CancellationToken ct)
    {
        var created = await CreatedAsync(await homeAffairs.PostAsJsonAsync("/api/v1/surveys/questionnaires", Questionnaire(), ct), ct);
        var id = created["id"]!.GetValue<Guid>();
        var published = await OkAsync(await homeAffairs.PostAsJsonAsync($"/api/v1/surveys/questionnaires/{id}/publish", new { revision = 0 }, ct), ct);
        Assert.Equal("Published", published["status"]!.GetValue<string>());
        return id;
    }

    public static object Campaign(Guid questionnaireId, int justiceQuota = 4, int minCellSize = 1, string level = "Province", string? firstUnit = null) => new
    {
        year = 2026,
        name = "SIPAS 2026 các sở, ban, ngành",
        level,
        questionnaireId,
        servedFrom = ServedFrom,
        servedTo = new DateOnly(2026, 11, 30),
        collectFrom = new DateOnly(2026, 11, 24),
        collectTo = new DateOnly(2026, 12, 31),
        units = new[] { new { unitId = Unit(firstUnit ?? Justice), quota = justiceQuota }, new { unitId = Unit(OtherDepartment), quota = 2 } },
        indexMethod = new { minCellSize },
    };

    public static Task<HttpResponseMessage> StepAsync(HttpClient client, Guid campaignId, string trigger, int version, CancellationToken ct, long? seed = null) =>
        client.PostAsJsonAsync($"/api/v1/surveys/campaigns/{campaignId}/transitions", new { trigger, version, seed }, ct);

    public static async Task<JsonObject> OkAsync(HttpResponseMessage response, CancellationToken ct) => await ExpectAsync(response, HttpStatusCode.OK, ct);

    public static async Task<JsonObject> CreatedAsync(HttpResponseMessage response, CancellationToken ct) => await ExpectAsync(response, HttpStatusCode.Created, ct);

    public static async Task<JsonObject> ExpectAsync(HttpResponseMessage response, HttpStatusCode status, CancellationToken ct)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
            return JsonNode.Parse(text)!.AsObject();
        }
    }

    /// <summary>Asserts <paramref name="status"/> and, when given, the problem's rule; returns the body.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, CancellationToken ct, string? rule = null)
    {
        var body = await ExpectAsync(response, status, ct);
        if (rule is not null)
        {
            Assert.Equal(rule, body["rule"]!.GetValue<string>());
        }

        return body;
    }
}
