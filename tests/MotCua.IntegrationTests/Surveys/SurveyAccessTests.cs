using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.Surveys;

/// <summary>Who may manage a SIPAS campaign (a Home Affairs appraiser whose scope holds all its units; administrators
/// read), bad input that writes nothing, and concurrent answers: one response per token, every distinct token
/// counted.</summary>
public sealed class SurveyAccessTests
{
    [Theory, AllDatabases]
    public async Task OnlyHomeAffairsInScope_ManagesACampaign_AndBadInputWritesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        await CreateCommuneAppraiserAsync(harness, ct);
        var (homeAffairs, commune, desk, admin) = (await harness.ClientAsync(HomeAffairs, ct), await harness.ClientAsync(CommuneHomeAffairs, ct),
            await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Admin, ct));
        await ProblemAsync(await desk.PostAsJsonAsync("/api/v1/surveys/questionnaires", Questionnaire(), ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/surveys/questionnaires", Questionnaire(), ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await desk.GetAsync("/api/v1/surveys/campaigns", ct), HttpStatusCode.Forbidden, ct);
        var questionnaireId = await PublishedQuestionnaireAsync(homeAffairs, ct);
        await ProblemAsync(await commune.PostAsJsonAsync("/api/v1/surveys/campaigns", Campaign(questionnaireId), ct), HttpStatusCode.Forbidden, ct);
        var id = (await CreatedAsync(await homeAffairs.PostAsJsonAsync("/api/v1/surveys/campaigns", Campaign(questionnaireId), ct), ct))["id"]!.GetValue<Guid>();

        // A draft is revised at the version read; a unit outside the caller's scope, or a stale version, changes nothing.
        var revised = await OkAsync(await homeAffairs.PutAsJsonAsync($"/api/v1/surveys/campaigns/{id}", new { version = 1, campaign = Campaign(questionnaireId, justiceQuota: 5) }, ct), ct);
        Assert.Equal((2, 7), (revised["version"]!.GetValue<int>(), revised["quota"]!.GetValue<int>()));
        await ProblemAsync(await commune.PutAsJsonAsync($"/api/v1/surveys/campaigns/{id}", new { version = 2, campaign = Campaign(questionnaireId) }, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await homeAffairs.PutAsJsonAsync($"/api/v1/surveys/campaigns/{id}", new { version = 1, campaign = Campaign(questionnaireId) }, ct), HttpStatusCode.Conflict, ct);
        await ProblemAsync(await homeAffairs.PutAsJsonAsync($"/api/v1/surveys/campaigns/{id}", new { version = 2 }, ct), HttpStatusCode.BadRequest, ct);

        // Outside the scope: no read, no step, no sampling, no ballot; an administrator reads but manages nothing.
        await ProblemAsync(await commune.GetAsync($"/api/v1/surveys/campaigns/{id}", ct), HttpStatusCode.Forbidden, ct);
        Assert.Empty((await commune.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/v1/surveys/campaigns", ct))!);
        await ProblemAsync(await StepAsync(commune, id, "StartSampling", 1, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await desk.PostAsync($"/api/v1/surveys/campaigns/{id}/sample", null, ct), HttpStatusCode.Forbidden, ct);
        var read = await OkAsync(await admin.GetAsync($"/api/v1/surveys/campaigns/{id}", ct), ct);
        Assert.False(read["mayManage"]!.GetValue<bool>());
        Assert.Empty(read["allowedActions"]!.AsArray());
        await ProblemAsync(await StepAsync(admin, id, "StartSampling", 1, ct), HttpStatusCode.Forbidden, ct);
        await OkAsync(await admin.GetAsync($"/api/v1/surveys/campaigns/{id}/results", ct), ct);

        var before = await CountsAsync(harness, ct);
        foreach (var bad in new object[]
                 {
                     Questionnaire("SIPAS-TINH"), Questionnaire("SIPAS-2", procedureFactor: "Procedures"), Questionnaire("mã có dấu"),
                     new { code = "SIPAS-3", title = "Phiếu", methodDecision = "QĐ 1001/QĐ-BNV", questions = Array.Empty<object>() },
                 })
        {
            using var refused = await homeAffairs.PostAsJsonAsync("/api/v1/surveys/questionnaires", bad, ct);
            Assert.True(refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{refused.StatusCode}: {await refused.Content.ReadAsStringAsync(ct)}");
        }

        var draftId = (await CreatedAsync(await homeAffairs.PostAsJsonAsync("/api/v1/surveys/questionnaires", Questionnaire("SIPAS-NHAP"), ct), ct))["id"]!.GetValue<Guid>();
        before = before with { Questionnaires = before.Questionnaires + 1 };
        await ProblemAsync(await homeAffairs.PostAsJsonAsync("/api/v1/surveys/campaigns", Campaign(draftId), ct), HttpStatusCode.UnprocessableEntity, ct, "survey.questionnaire_not_published");
        var communeInProvince = await ProblemAsync(await homeAffairs.PostAsJsonAsync("/api/v1/surveys/campaigns", Campaign(questionnaireId, firstUnit: TuHieu), ct), HttpStatusCode.BadRequest, ct);
        Assert.Contains("units[0]", communeInProvince["errors"]!.AsObject().Select(e => e.Key));
        await ProblemAsync(await homeAffairs.PostAsJsonAsync("/api/v1/surveys/campaigns", Campaign(questionnaireId, justiceQuota: 0), ct), HttpStatusCode.BadRequest, ct);
        await ProblemAsync(await homeAffairs.PostAsJsonAsync("/api/v1/surveys/campaigns", Campaign(questionnaireId, level: "District"), ct), HttpStatusCode.BadRequest, ct);
        await ProblemAsync(await homeAffairs.PostAsJsonAsync("/api/v1/surveys/campaigns", Campaign(Guid.NewGuid()), ct), HttpStatusCode.BadRequest, ct);
        await ProblemAsync(await StepAsync(homeAffairs, id, "Teleport", 1, ct), HttpStatusCode.BadRequest, ct);
        await ProblemAsync(await StepAsync(homeAffairs, id, "Close", 2, ct), HttpStatusCode.UnprocessableEntity, ct, "survey.transition_not_allowed");
        await ProblemAsync(await StepAsync(homeAffairs, id, "StartSampling", 7, ct), HttpStatusCode.Conflict, ct);
        await ProblemAsync(await homeAffairs.PostAsync($"/api/v1/surveys/campaigns/{id}/sample", null, ct), HttpStatusCode.UnprocessableEntity, ct, "survey.not_sampling");

        // A ballot with an answer off the scale, an unknown question, or for a unit outside the campaign writes nothing.
        await OkAsync(await StepAsync(homeAffairs, id, "StartSampling", 2, ct), ct);
        await OkAsync(await StepAsync(homeAffairs, id, "StartCollecting", 3, ct), ct);
        foreach (var (unit, code, value) in new[] { (Unit(Justice), "TT1", 9), (Unit(Justice), "XX9", 4), (Unit(TuHieu), "TT1", 4) })
        {
            var answers = new[] { new { questionCode = code, value }, new { questionCode = "CC1", value = 4 }, new { questionCode = "HL", value = 4 } };
            using var refused = await homeAffairs.PostAsJsonAsync($"/api/v1/surveys/campaigns/{id}/ballots", new { unitId = unit, answers }, ct);
            Assert.True(refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{refused.StatusCode}: {await refused.Content.ReadAsStringAsync(ct)}");
        }

        await ProblemAsync(await commune.PostAsJsonAsync($"/api/v1/surveys/campaigns/{id}/ballots", new { unitId = Unit(Justice), answers = Array.Empty<object>() }, ct), HttpStatusCode.Forbidden, ct);
        Assert.Equal(before, await CountsAsync(harness, ct));
    }

    [Theory, AllDatabases]
    public async Task ConcurrentAnswers_OnePerToken_EveryDistinctTokenCounted(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        await ReturnedDossiersAsync(harness, 4, ct);
        var homeAffairs = await harness.ClientAsync(HomeAffairs, ct);
        var questionnaireId = await PublishedQuestionnaireAsync(homeAffairs, ct);
        var id = (await CreatedAsync(await homeAffairs.PostAsJsonAsync("/api/v1/surveys/campaigns", Campaign(questionnaireId), ct), ct))["id"]!.GetValue<Guid>();
        await OkAsync(await StepAsync(homeAffairs, id, "StartSampling", 1, ct), ct);
        var sample = await OkAsync(await homeAffairs.PostAsync($"/api/v1/surveys/campaigns/{id}/sample", null, ct), ct);
        await OkAsync(await StepAsync(homeAffairs, id, "StartCollecting", 2, ct), ct);
        var tokens = sample["invitations"]!.AsArray().Select(i => i!["token"]!.GetValue<string>()).ToList();
        Assert.Equal(4, tokens.Count);
        var anonymous = harness.Anonymous();
        var body = new { answers = new[] { new { questionCode = "TT1", value = 4 }, new { questionCode = "CC1", value = 5 }, new { questionCode = "HL", value = 4 } } };

        // The first token six times over, the others once each, all at the same moment.
        var attempts = await Task.WhenAll(tokens.Take(1).SelectMany(t => Enumerable.Repeat(t, 6)).Concat(tokens.Skip(1)).Select(async token =>
        {
            using var response = await anonymous.PostAsJsonAsync($"/api/v1/public/surveys/{token}", body, ct);
            return (token, response.StatusCode);
        }));

        Assert.Equal(1, attempts.Count(a => a.token == tokens[0] && a.StatusCode == HttpStatusCode.Created));
        Assert.All(attempts.Where(a => a.token == tokens[0] && a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.All(attempts.Where(a => a.token != tokens[0]), a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        await harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var campaign = await db.SurveyCampaigns.AsNoTracking().SingleAsync(c => c.Id == id, ct);
            Assert.Equal(4, campaign.Unit(Unit(Justice))!.WebResponses);
            Assert.Equal(4, await db.SurveyResponses.CountAsync(r => r.CampaignId == id, ct));
            Assert.Equal(4, await db.SurveyInvitations.CountAsync(i => i.CampaignId == id && i.IsUsed, ct));
        });
    }

    private sealed record Counts(int Questionnaires, int Campaigns, int Responses, int Audit, int Web, int Paper);

    private static async Task<Counts> CountsAsync(Dossiers.DossierApiHarness harness, CancellationToken ct)
    {
        Counts? counts = null;
        await harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var campaigns = await db.SurveyCampaigns.AsNoTracking().ToListAsync(ct);
            counts = new Counts(await db.SurveyQuestionnaires.CountAsync(ct), campaigns.Count, await db.SurveyResponses.CountAsync(ct),
                await db.AdminAudit.CountAsync(ct), campaigns.Sum(c => c.Units.Sum(u => u.WebResponses)), campaigns.Sum(c => c.Units.Sum(u => u.PaperResponses)));
        });
        return counts!;
    }
}
