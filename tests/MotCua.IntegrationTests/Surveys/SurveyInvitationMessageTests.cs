using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.IntegrationTests.Notifications;
using MotCua.Persistence;
using MotCua.Web.Notifications;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.Surveys;

/// <summary>Invitations sent by SMS and e-mail through the outbox when the sample is drawn, to the dossier's contact, in
/// the sampling's transaction; the outbox forgets the recipient and the body (the token) once the message is sent or
/// given up on; and a lost token re-issued by the dossier code: the old one revoked, the new one sent and shown once,
/// only by Home Affairs in scope, only while unanswered.</summary>
public sealed class SurveyInvitationMessageTests
{
    private static readonly object Answers = new
    {
        answers = new[] { new { questionCode = "TT1", value = 4 }, new { questionCode = "CC1", value = 5 }, new { questionCode = "HL", value = 4 } },
    };

    [Theory, AllDatabases]
    public async Task Sampling_SendsInvitationsThroughTheOutbox_AndThePurgeLeavesNoTokenStored(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var dossiers = await ReturnedDossiersAsync(harness, 3, ct);
        await ClearContactAsync(harness, dossiers[2].Id, ct);
        var homeAffairs = await harness.ClientAsync(HomeAffairs, ct);
        var (id, sample) = await SampledAsync(homeAffairs, ct);

        var invitations = sample["invitations"]!.AsArray().ToDictionary(i => i!["dossierCode"]!.GetValue<string>(), i => i!);
        Assert.Equal(["Sms", "Email"], invitations[dossiers[0].Code]["sentBy"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Empty(invitations[dossiers[2].Code]["sentBy"]!.AsArray());
        var tokens = invitations.Values.Select(i => i["token"]!.GetValue<string>()).ToList();

        var sender = new CapturingSender();
        await harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("survey-invite.")).ToListAsync(ct);
            Assert.Equal(4, rows.Count);
            Assert.All(rows, r =>
            {
                Assert.True(r.PurgeAfterSend);
                Assert.StartsWith($"survey-invite.{id:N}.", r.IdempotencyKey, StringComparison.Ordinal);
                Assert.DoesNotContain(dossiers.Select(d => d.Id.ToString("N")), r.IdempotencyKey.Contains);
            });
            Assert.Contains(rows, r => r.Channel == "Sms" && r.Recipient == "84912345678" && tokens.Any(r.TextBody.Contains));

            // The gateway takes the SMS; the mail server refuses the e-mail for good: both rows forget what they held.
            await OutboxFixtures.Processor(sender, harness.Clock, "node-test").ProcessAsync(db, ct);
            var after = await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("survey-invite.")).ToListAsync(ct);
            Assert.All(after, r => Assert.Equal(("", "", (string?)null), (r.Recipient, r.TextBody, r.HtmlBody)));
            Assert.Equal(2, after.Count(r => r.SentAt is not null && r.Channel == "Sms"));
            Assert.Equal(2, after.Count(r => r.DeadLetteredAt is not null && r.Channel == "Email"));
            Assert.Empty(await StoredTextsContainingAsync(db, tokens, ct));

            // The dossiers' own notifications, sent or not, keep their bodies: the purge is per row.
            var others = await db.OutboxMessages.AsNoTracking().Where(m => !m.PurgeAfterSend).ToListAsync(ct);
            Assert.NotEmpty(others);
            Assert.All(others, r => Assert.NotEqual("", r.TextBody));
        });

        // The SMS the respondent got holds a link with a working token.
        var sms = sender.Sent.Where(m => m.Channel == NotificationChannel.Sms && m.IdempotencyKey.StartsWith("survey-invite.", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sms.Count);
        var token = tokens.Single(sms[0].TextBody.Contains);
        await OkAsync(await StepAsync(homeAffairs, id, "StartCollecting", 2, ct), ct);
        await CreatedAsync(await harness.Anonymous().PostAsJsonAsync($"/api/v1/public/surveys/{token}", Answers, ct), ct);
    }

    [Theory, AllDatabases]
    public async Task Reissue_RevokesTheOldToken_SendsTheNewOne_OnlyForAnUnansweredInvitation_ByHomeAffairsInScope(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var dossiers = await ReturnedDossiersAsync(harness, 2, ct);
        var notDrawn = (await harness.CreateAsync(await harness.ClientAsync(Desk, ct), ct))["code"]!.GetValue<string>();
        await CreateCommuneAppraiserAsync(harness, ct);
        var (homeAffairs, commune, desk, admin) = (await harness.ClientAsync(HomeAffairs, ct), await harness.ClientAsync(CommuneHomeAffairs, ct),
            await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Admin, ct));
        var (id, sample) = await SampledAsync(homeAffairs, ct);
        await OkAsync(await StepAsync(homeAffairs, id, "StartCollecting", 2, ct), ct);
        var tokens = sample["invitations"]!.AsArray().ToDictionary(i => i!["dossierCode"]!.GetValue<string>(), i => i!["token"]!.GetValue<string>());
        var anonymous = harness.Anonymous();
        await CreatedAsync(await anonymous.PostAsJsonAsync($"/api/v1/public/surveys/{tokens[dossiers[0].Code]}", Answers, ct), ct);
        var before = await CountsAsync(harness, ct);

        // Refused: answered already, a dossier not drawn or unknown, a malformed code, callers without the right.
        await ProblemAsync(await ReissueAsync(homeAffairs, id, dossiers[0].Code, ct), HttpStatusCode.Conflict, ct, "survey.invitation_used");
        await ProblemAsync(await ReissueAsync(homeAffairs, id, notDrawn, ct), HttpStatusCode.NotFound, ct);
        await ProblemAsync(await ReissueAsync(homeAffairs, id, "không phải mã", ct), HttpStatusCode.BadRequest, ct);
        await ProblemAsync(await ReissueAsync(homeAffairs, Guid.NewGuid(), dossiers[1].Code, ct), HttpStatusCode.NotFound, ct);
        foreach (var caller in new[] { commune, desk, admin })
        {
            await ProblemAsync(await ReissueAsync(caller, id, dossiers[1].Code, ct), HttpStatusCode.Forbidden, ct);
        }

        Assert.Equal(before, await CountsAsync(harness, ct));

        // Re-issued: the old token is gone, the new one is sent and works once.
        var reissued = await OkAsync(await ReissueAsync(homeAffairs, id, " " + dossiers[1].Code + " ", ct), ct);
        var token = reissued["token"]!.GetValue<string>();
        Assert.NotEqual(tokens[dossiers[1].Code], token);
        Assert.Equal((dossiers[1].Code, Unit(Justice)), (reissued["dossierCode"]!.GetValue<string>(), reissued["unitId"]!.GetValue<Guid>()));
        Assert.Equal(["Sms", "Email"], reissued["sentBy"]!.AsArray().Select(c => c!.GetValue<string>()));
        await ProblemAsync(await anonymous.GetAsync($"/api/v1/public/surveys/{tokens[dossiers[1].Code]}", ct), HttpStatusCode.NotFound, ct);
        await CreatedAsync(await anonymous.PostAsJsonAsync($"/api/v1/public/surveys/{token}", Answers, ct), ct);
        await ProblemAsync(await ReissueAsync(homeAffairs, id, dossiers[1].Code, ct), HttpStatusCode.Conflict, ct, "survey.invitation_used");

        await harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var audit = await db.AdminAudit.AsNoTracking().SingleAsync(a => a.Action == "survey.reissue", ct);
            Assert.Equal((MotCua.Persistence.Seeding.DemoData.UserId(HomeAffairs), id, Unit(Justice), "{}"), (audit.ActorUserId, audit.TargetId, audit.UnitId, audit.Detail));
            var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("survey-invite.")).ToListAsync(ct);
            Assert.Equal(2 * 3, messages.Count);
            Assert.All(messages, m => Assert.True(m.PurgeAfterSend));
            Assert.Single(messages, m => m.Channel == "Sms" && m.TextBody.Contains(token, StringComparison.Ordinal));
            Assert.Equal(2, await db.SurveyResponses.CountAsync(r => r.CampaignId == id, ct));
        });
    }

    [Theory, AllDatabases]
    public async Task CampaignPage_ReissuesByDossierCode_ShowsTheLinkOnceUncached_AndSaysWhatIsWrong(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var dossiers = await ReturnedDossiersAsync(harness, 1, ct);
        var (id, sample) = await SampledAsync(await harness.ClientAsync(HomeAffairs, ct), ct);
        var (browser, _) = await harness.SignInAsync(HomeAffairs, ct);
        var page = $"/Surveys/Campaign/{id}";
        Assert.Contains("id=\"reissue-form\"", await browser.GetStringAsync(page, ct), StringComparison.Ordinal);
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(browser, page, ct);

        using var wrong = await browser.PostAsync(page + "?handler=Reissue", Form(token, "000.00.41.H56-990101-0001"), ct);
        var refused = await wrong.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("id=\"reissue-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"000.00.41.H56-990101-0001\"", refused, StringComparison.Ordinal);

        using var done = await browser.PostAsync(page + "?handler=Reissue", Form(token, dossiers[0].Code), ct);
        var shown = await done.Content.ReadAsStringAsync(ct);
        Assert.Contains("id=\"reissued\"", shown, StringComparison.Ordinal);
        Assert.Contains("no-store", done.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(sample["invitations"]![0]!["token"]!.GetValue<string>(), shown, StringComparison.Ordinal);
        Assert.Contains("/Portal/Survey?token=", shown, StringComparison.Ordinal);

        // Without the right: the desk officer's post is refused by the handler.
        var (desk, _) = await harness.SignInAsync(Desk, ct);
        using var foreign = await desk.PostAsync(page + "?handler=Reissue", Form(await MotCuaWebFactory.GetAntiforgeryTokenAsync(desk, "/", ct), dossiers[0].Code), ct);
        Assert.DoesNotContain("id=\"reissued\"", await foreign.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        static FormUrlEncodedContent Form(string token, string code) =>
            new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["DossierCode"] = code });
    }

    private static Task<HttpResponseMessage> ReissueAsync(HttpClient client, Guid campaignId, string dossierCode, CancellationToken ct) =>
        client.PostAsJsonAsync($"/api/v1/surveys/campaigns/{campaignId}/invitations/reissue", new { dossierCode }, ct);

    /// <summary>A province campaign of the published questionnaire, sampled: its id and the sampling's answer.</summary>
    private static async Task<(Guid Id, System.Text.Json.Nodes.JsonObject Sample)> SampledAsync(HttpClient homeAffairs, CancellationToken ct)
    {
        var questionnaireId = await PublishedQuestionnaireAsync(homeAffairs, ct);
        var id = (await CreatedAsync(await homeAffairs.PostAsJsonAsync("/api/v1/surveys/campaigns", Campaign(questionnaireId, justiceQuota: 3), ct), ct))["id"]!.GetValue<Guid>();
        await OkAsync(await StepAsync(homeAffairs, id, "StartSampling", 1, ct), ct);
        return (id, await OkAsync(await homeAffairs.PostAsync($"/api/v1/surveys/campaigns/{id}/sample", null, ct), ct));
    }

    private static Task ClearContactAsync(Dossiers.DossierApiHarness harness, Guid dossierId, CancellationToken ct) =>
        harness.InScopeAsync(services => services.GetRequiredService<AppDbContext>().Database.ExecuteSqlAsync(
            $"""UPDATE "Dossiers" SET "ApplicantPhone" = NULL, "ApplicantEmail" = NULL WHERE "Id" = {dossierId}""", ct));

    /// <summary>The stored text columns (outbox, audit) that contain any of the tokens.</summary>
    private static async Task<List<string>> StoredTextsContainingAsync(AppDbContext db, IReadOnlyList<string> tokens, CancellationToken ct)
    {
        var outbox = await db.OutboxMessages.AsNoTracking().Select(m => m.IdempotencyKey + "|" + m.Recipient + "|" + m.Subject + "|" + m.TextBody + "|" + (m.HtmlBody ?? "")).ToListAsync(ct);
        var audit = await db.AdminAudit.AsNoTracking().Select(a => a.Detail).ToListAsync(ct);
        return [.. outbox.Concat(audit).Where(text => tokens.Any(t => text.Contains(t, StringComparison.Ordinal)))];
    }

    private sealed record Counts(int Outbox, int Audit, int Invitations);

    private static async Task<Counts> CountsAsync(Dossiers.DossierApiHarness harness, CancellationToken ct)
    {
        Counts? counts = null;
        await harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            counts = new Counts(await db.OutboxMessages.CountAsync(ct), await db.AdminAudit.CountAsync(ct),
                await db.SurveyInvitations.CountAsync(i => i.IsUsed, ct));
        });
        return counts!;
    }

    /// <summary>The gateway (mocked, as every SMS here): keeps what it was given; the mail server refuses every e-mail
    /// for good (550), so those rows are dead-lettered.</summary>
    private sealed class CapturingSender : INotificationSender
    {
        private readonly ConcurrentQueue<NotificationMessage> _sent = new();

        public IReadOnlyList<NotificationMessage> Sent => [.. _sent];

        public Task<Result<NotificationSent>> SendAsync(NotificationMessage message, CancellationToken cancellationToken = default)
        {
            _sent.Enqueue(message);
            return Task.FromResult<Result<NotificationSent>>(message.Channel == NotificationChannel.Email
                ? new EmailRejectedError(SmtpStatusCode.MailboxUnavailable)
                : new NotificationSent(message.Channel, $"<{message.IdempotencyKey}@test>"));
        }
    }
}
