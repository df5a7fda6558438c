using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Feedback.Surveys;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.Surveys;

/// <summary>A SIPAS campaign through the API (issue 9 §3): Home Affairs publishes a questionnaire and runs a
/// province-level campaign of two departments; the sample is drawn from the dossiers returned in the frame exactly as
/// the domain's sampler draws it; invited respondents answer once by token; a paper ballot is typed in under the
/// quota; the campaign closes and its indices (n, 95 % interval) are the domain calculator's; published, they are
/// public.</summary>
public sealed class SurveyApiTests
{
    private const long Seed = 20261124;

    [Theory, AllDatabases]
    public async Task Campaign_SamplesReturnedDossiers_TakesWebAndPaperResponses_AndPublishesTheCalculatorsIndices(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var dossiers = await ReturnedDossiersAsync(harness, 6, ct);
        var homeAffairs = await harness.ClientAsync(HomeAffairs, ct);
        var anonymous = harness.Anonymous();

        // A draft is revised, then published; a published version no longer changes.
        var draft = await CreatedAsync(await homeAffairs.PostAsJsonAsync("/api/v1/surveys/questionnaires", Questionnaire(), ct), ct);
        var questionnaireId = draft["id"]!.GetValue<Guid>();
        var revised = await OkAsync(await homeAffairs.PutAsJsonAsync($"/api/v1/surveys/questionnaires/{questionnaireId}", WithTitle("Phiếu khảo sát SIPAS 2026", 0), ct), ct);
        Assert.Equal(1, revised["revision"]!.GetValue<int>());
        await ProblemAsync(await homeAffairs.PostAsJsonAsync($"/api/v1/surveys/questionnaires/{questionnaireId}/publish", new { revision = 0 }, ct), HttpStatusCode.Conflict, ct);
        await OkAsync(await homeAffairs.PostAsJsonAsync($"/api/v1/surveys/questionnaires/{questionnaireId}/publish", new { revision = 1 }, ct), ct);
        await ProblemAsync(await homeAffairs.PutAsJsonAsync($"/api/v1/surveys/questionnaires/{questionnaireId}", WithTitle("Sửa sau khi công bố", 2), ct),
            HttpStatusCode.UnprocessableEntity, ct, "survey.questionnaire_published");
        var version2 = await CreatedAsync(await homeAffairs.PostAsync($"/api/v1/surveys/questionnaires/{questionnaireId}/versions", null, ct), ct);
        Assert.Equal((2, "Draft", 1), (version2["version"]!.GetValue<int>(), version2["status"]!.GetValue<string>(), version2["copiedFromVersion"]!.GetValue<int>()));

        var campaign = await CreatedAsync(await homeAffairs.PostAsJsonAsync("/api/v1/surveys/campaigns", Campaign(questionnaireId), ct), ct);
        var id = campaign["id"]!.GetValue<Guid>();
        Assert.Contains("StartSampling", campaign["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));
        var version = (await OkAsync(await StepAsync(homeAffairs, id, "StartSampling", 1, ct, Seed), ct))["version"]!.GetValue<int>();

        // The sample: 4 of the 6 Justice dossiers, the ones the domain's sampler draws with the seed; tokens shown once.
        var sample = await OkAsync(await homeAffairs.PostAsync($"/api/v1/surveys/campaigns/{id}/sample", null, ct), ct);
        var invitations = sample["invitations"]!.AsArray().Select(i => i!.AsObject()).ToList();
        var expected = SurveySampler.Draw(Seed, [(Unit(Justice), 4), (Unit(OtherDepartment), 2)], new SurveyPeriod(ServedFrom, new DateOnly(2026, 11, 30)),
            dossiers.Select(d => new SamplingCandidate(d.Id, Unit(Justice), new DateOnly(2026, 11, 24))));
        var codes = dossiers.ToDictionary(d => d.Id, d => d.Code);
        Assert.Equal(expected.All.Select(d => codes[d.DossierId]).Order(), invitations.Select(i => i["dossierCode"]!.GetValue<string>()).Order());
        var justice = sample["units"]!.AsArray().Single(u => u!["unitId"]!.GetValue<Guid>() == Unit(Justice))!;
        Assert.Equal((6, 4, 4), (justice["candidates"]!.GetValue<int>(), justice["drawn"]!.GetValue<int>(), justice["issued"]!.GetValue<int>()));
        Assert.All(invitations, i => Assert.EndsWith($"/Portal/Survey?token={i["token"]!.GetValue<string>()}", i["link"]!.GetValue<string>(), StringComparison.Ordinal));
        var again = await OkAsync(await homeAffairs.PostAsync($"/api/v1/surveys/campaigns/{id}/sample", null, ct), ct);
        Assert.Empty(again["invitations"]!.AsArray());
        Assert.Equal(4, again["units"]!.AsArray().Single(u => u!["unitId"]!.GetValue<Guid>() == Unit(Justice))!["alreadyInvited"]!.GetValue<int>());
        var tokens = invitations.Select(i => i["token"]!.GetValue<string>()).ToList();

        // Not yet collecting: the link shows the questions but takes no answer.
        var shown = await OkAsync(await anonymous.GetAsync($"/api/v1/public/surveys/{tokens[0]}", ct), ct);
        Assert.False(shown["open"]!.GetValue<bool>());
        Assert.Equal(["TT1", "TT2", "CC1", "HL", "MD1", "GY"], shown["questions"]!.AsArray().Select(q => q!["code"]!.GetValue<string>()));
        Assert.Equal("Sở Tư pháp tỉnh Sơn La", shown["unitName"]!.GetValue<string>());
        await ProblemAsync(await anonymous.PostAsJsonAsync($"/api/v1/public/surveys/{tokens[0]}", Web(5, null, 5, 5), ct), HttpStatusCode.UnprocessableEntity, ct, "survey.not_collecting");
        version = (await OkAsync(await StepAsync(homeAffairs, id, "StartCollecting", version, ct), ct))["version"]!.GetValue<int>();

        // Web: a missing required answer is named; one response per token; then the link is gone.
        var missing = await ProblemAsync(await anonymous.PostAsJsonAsync($"/api/v1/public/surveys/{tokens[0]}", Web(5, null, null, 4), ct), HttpStatusCode.BadRequest, ct);
        Assert.Contains("answers.CC1", missing["errors"]!.AsObject().Select(e => e.Key));
        await CreatedAsync(await anonymous.PostAsJsonAsync($"/api/v1/public/surveys/{tokens[0]}", Web(5, 4, 3, 4, gender: "Female"), ct), ct);
        await ProblemAsync(await anonymous.PostAsJsonAsync($"/api/v1/public/surveys/{tokens[0]}", Web(1, 1, 1, 1), ct), HttpStatusCode.Conflict, ct, "survey.invitation_used");
        await ProblemAsync(await anonymous.GetAsync($"/api/v1/public/surveys/{tokens[0]}", ct), HttpStatusCode.Gone, ct, "survey.invitation_gone");
        await CreatedAsync(await anonymous.PostAsJsonAsync($"/api/v1/public/surveys/{tokens[1]}", Web(2, null, 5, 5, comment: "Cán bộ hướng dẫn tận tình."), ct), ct);
        await CreatedAsync(await anonymous.PostAsJsonAsync($"/api/v1/public/surveys/{tokens[2]}", Web(4, 2, 4, 2, gender: "Male", age: "From60"), ct), ct);
        await ProblemAsync(await anonymous.GetAsync($"/api/v1/public/surveys/{InvitationToken.New()}", ct), HttpStatusCode.NotFound, ct, "survey.invitation_not_found");
        await ProblemAsync(await anonymous.GetAsync("/api/v1/public/surveys/khong-phai-ma-moi", ct), HttpStatusCode.BadRequest, ct);

        // Paper: a ballot under the quota, retried with its key, counted once; the next one is over the quota.
        var ballot = Paper(Unit(Justice), 5, null, 1, 4);
        var entered = await PostWithKeyAsync(homeAffairs, id, ballot, "phieu-giay-001", ct);
        var retried = await PostWithKeyAsync(homeAffairs, id, ballot, "phieu-giay-001", ct);
        Assert.Equal((HttpStatusCode.Created, entered.Body), (retried.Status, retried.Body));
        Assert.Equal(1, JsonNode.Parse(entered.Body)!["paperResponses"]!.GetValue<int>());
        await ProblemAsync(await homeAffairs.PostAsJsonAsync($"/api/v1/surveys/campaigns/{id}/ballots", ballot, ct), HttpStatusCode.UnprocessableEntity, ct, "survey.unit_quota_reached");

        var progress = await OkAsync(await homeAffairs.GetAsync($"/api/v1/surveys/campaigns/{id}", ct), ct);
        var justiceProgress = progress["units"]!.AsArray().Single(u => u!["unitId"]!.GetValue<Guid>() == Unit(Justice))!;
        Assert.Equal((4, 4, 3, 1), (justiceProgress["quota"]!.GetValue<int>(), justiceProgress["invited"]!.GetValue<int>(),
            justiceProgress["webResponses"]!.GetValue<int>(), justiceProgress["paperResponses"]!.GetValue<int>()));

        // Every response moves the campaign's version (it holds the counts): a step is taken at the version last read.
        Assert.Equal(version + 4, progress["version"]!.GetValue<int>());
        await ProblemAsync(await StepAsync(homeAffairs, id, "Close", version, ct), HttpStatusCode.Conflict, ct, "api.stale_version");
        version = (await OkAsync(await StepAsync(homeAffairs, id, "Close", version + 4, ct), ct))["version"]!.GetValue<int>();
        await ProblemAsync(await anonymous.PostAsJsonAsync($"/api/v1/public/surveys/{tokens[3]}", Web(5, 5, 5, 5), ct), HttpStatusCode.UnprocessableEntity, ct, "survey.not_collecting");
        await ProblemAsync(await anonymous.GetAsync($"/api/v1/public/surveys/{tokens[3]}", ct), HttpStatusCode.Gone, ct);
        await ProblemAsync(await anonymous.GetAsync($"/api/v1/public/surveys/results/{id}", ct), HttpStatusCode.NotFound, ct);

        // The indices: Procedure = mean of TT1 (3 of 4 satisfied) and TT2 (1 of 2), n = 4 respondents; civil servant 2 of 4.
        var results = await OkAsync(await homeAffairs.GetAsync($"/api/v1/surveys/campaigns/{id}/results", ct), ct);
        Assert.Equal(4, results["responses"]!.GetValue<int>());
        var rows = results["rows"]!.AsArray().Select(r => r!.AsObject()).ToList();
        AssertCell(rows, Unit(Justice), "Procedure", 4, (0.75 + 0.5) / 2);
        AssertCell(rows, Unit(Justice), "CivilServant", 4, 0.5);
        AssertCell(rows, null, "CivilServant", 4, 0.5);
        var overall = Row(rows, Unit(Justice), "Overall");
        var (procedureLow, procedureHigh) = WilsonInterval.Compute(0.625, 4);
        var (servantLow, servantHigh) = WilsonInterval.Compute(0.5, 4);
        Assert.Equal((4, Percent(0.5625), Percent((procedureLow + servantLow) / 2), Percent((procedureHigh + servantHigh) / 2)),
            (overall["n"]!.GetValue<int>(), overall["value"]!.GetValue<decimal>(), overall["lower"]!.GetValue<decimal>(), overall["upper"]!.GetValue<decimal>()));
        Assert.Equal(0, Row(rows, Unit(OtherDepartment), "Overall")["n"]!.GetValue<int>());
        Assert.Contains(rows, r => r["groupDimension"]?.GetValue<string>() == "Gender" && r["groupValue"]!.GetValue<string>() == "Female" && r["unitId"] is null);
        await harness.InScopeAsync(async services =>
        {
            // Every figure is the domain calculator's over what is stored; the responses point to no invitation or person.
            var db = services.GetRequiredService<AppDbContext>();
            var stored = await db.SurveyCampaigns.AsNoTracking().SingleAsync(c => c.Id == id, ct);
            var report = SurveyIndexCalculator.Compute(stored, await db.SurveyQuestionnaires.SingleAsync(q => q.Id == questionnaireId, ct),
                await db.SurveyResponses.AsNoTracking().Where(r => r.CampaignId == id).ToListAsync(ct));
            Assert.Equal(report.Results.Select(r => (r.UnitId, r.Group?.Dimension.ToString(), r.Group?.Value, r.Factor.ToString(), r.N, r.Value, r.Lower, r.Upper)),
                rows.Select(r => (r["unitId"]?.GetValue<Guid?>(), r["groupDimension"]?.GetValue<string>(), r["groupValue"]?.GetValue<string>(), r["factor"]!.GetValue<string>(),
                    r["n"]?.GetValue<int?>(), r["value"]?.GetValue<decimal?>(), r["lower"]?.GetValue<decimal?>(), r["upper"]?.GetValue<decimal?>())));
            Assert.Equal(3, await db.SurveyInvitations.CountAsync(i => i.CampaignId == id && i.IsUsed, ct));
            var audit = await db.AdminAudit.AsNoTracking().SingleAsync(a => a.Action == "survey.paper_ballot", ct);
            Assert.Equal((DemoData.UserId(HomeAffairs), id, Unit(Justice), "{}"), (audit.ActorUserId, audit.TargetId, audit.UnitId, audit.Detail));
        });

        await OkAsync(await StepAsync(homeAffairs, id, "Publish", version, ct), ct);
        var published = await OkAsync(await anonymous.GetAsync($"/api/v1/public/surveys/results/{id}", ct), ct);
        Assert.Equal(results["rows"]!.ToJsonString(), published["rows"]!.ToJsonString());
        var list = await anonymous.GetFromJsonAsync<JsonArray>("/api/v1/public/surveys/results", ct);
        Assert.Contains(list!, c => c!["id"]!.GetValue<Guid>() == id);
    }

    private static JsonObject WithTitle(string title, int revision)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(Questionnaire())!.AsObject();
        body.Remove("code");
        body["title"] = title;
        body["revision"] = revision;
        return body;
    }

    private static object Web(int? tt1, int? tt2, int? cc1, int? hl, string? gender = null, string? age = null, string? comment = null) => new
    {
        answers = Answers(tt1, tt2, cc1, hl, comment),
        respondent = new { gender, ageBand = age },
    };

    private static object Paper(Guid unitId, int? tt1, int? tt2, int? cc1, int? hl) => new
    {
        unitId,
        collectedOn = new DateOnly(2026, 11, 24),
        answers = Answers(tt1, tt2, cc1, hl, null),
    };

    private static List<object> Answers(int? tt1, int? tt2, int? cc1, int? hl, string? comment)
    {
        var answers = new List<object>();
        foreach (var (code, value) in new[] { ("TT1", tt1), ("TT2", tt2), ("CC1", cc1), ("HL", hl) })
        {
            if (value is not null)
            {
                answers.Add(new { questionCode = code, value });
            }
        }

        if (comment is not null)
        {
            answers.Add(new { questionCode = "GY", text = comment });
        }

        return answers;
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostWithKeyAsync(HttpClient client, Guid id, object body, string key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/surveys/campaigns/{id}/ballots") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    private static JsonObject Row(List<JsonObject> rows, Guid? unitId, string factor) =>
        rows.Single(r => r["unitId"]?.GetValue<Guid>() == unitId && r["groupDimension"] is null && r["factor"]!.GetValue<string>() == factor);

    private static void AssertCell(List<JsonObject> rows, Guid? unitId, string factor, int n, double share)
    {
        var row = Row(rows, unitId, factor);
        var (lower, upper) = WilsonInterval.Compute(share, n);
        Assert.Equal((n, Percent(share), Percent(lower), Percent(upper), false),
            (row["n"]!.GetValue<int>(), row["value"]!.GetValue<decimal>(), row["lower"]!.GetValue<decimal>(), row["upper"]!.GetValue<decimal>(), row["suppressed"]!.GetValue<bool>()));
    }

    private static decimal Percent(double share) => Math.Round((decimal)(share * 100), 2, MidpointRounding.AwayFromZero);
}
