using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.IntegrationTests.Notifications;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Web.Features.DossierNotifications;
using MotCua.Web.Jobs;
using MotCua.Web.Notifications;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.DossierExtras;

public sealed class DossierNotificationTests
{
    private static readonly string[] SupplementItems = ["Sơ đồ thửa đất"];

    [Theory, AllDatabases]
    public async Task CounterReceipt_EnqueuesEmailAndSmsWithHistoryKeys(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);

        var created = await harness.CreateAsync(desk, ct);

        var id = created["id"]!.GetValue<Guid>();
        var code = created["code"]!.GetValue<string>();
        await using var db = harness.Database.CreateContext();
        var receipt = await db.DossierHistory.AsNoTracking().SingleAsync(h => h.DossierId == id, ct);
        var rows = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Channel).ToListAsync(ct);
        Assert.Equal(["Email", "Sms"], rows.Select(r => r.Channel));
        Assert.Equal($"dossier.{id:N}.{receipt.Sequence}.email", rows[0].IdempotencyKey);
        Assert.Equal($"dossier.{id:N}.{receipt.Sequence}.sms", rows[1].IdempotencyKey);
        Assert.Equal($"Đã tiếp nhận hồ sơ {code}", rows[0].Subject);
        Assert.Equal("binh@example.vn", rows[0].Recipient);
        Assert.Contains(code, rows[1].TextBody, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.DoesNotContain("binh", r.IdempotencyKey, StringComparison.OrdinalIgnoreCase));
    }

    [Theory, AllDatabases]
    public async Task Transitions_SupplementApologyApprove_EnqueueTheirTemplatesOnly(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var handler = await harness.ClientAsync(Handler, ct);
        var head = await harness.ClientAsync(Head, ct);
        var created = await harness.CreateAsync(desk, ct);
        var id = created["id"]!.GetValue<Guid>();
        var code = created["code"]!.GetValue<string>();
        var appointment = created["appointmentAt"]!.GetValue<DateTime>().ToUniversalTime();

        (HttpClient Client, string Trigger, object? Extra)[] steps =
        [
            (desk, "Transfer", null), (head, "Assign", new { officerId = DemoData.UserId(Handler) }), (handler, "StartAppraisal", null),
            (handler, "RequestSupplement", new { reason = "Thiếu giấy tờ", items = SupplementItems }),
            (desk, "CompleteSupplement", null),
            (head, "IssueApology", new { reason = "Chờ kết quả đo đạc", newAppointmentAt = appointment.AddDays(10), signerName = "Lê Văn Hùng" }),
            (handler, "SubmitForApproval", null), (head, "Approve", null),
        ];
        await FireStepsAsync(id, 1, ct, steps);

        await using var db = harness.Database.CreateContext();
        var history = await db.DossierHistory.AsNoTracking().Where(h => h.DossierId == id).ToListAsync(ct);
        int Sequence(string trigger) => history.Single(h => h.Trigger.ToString() == trigger).Sequence;
        var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.Channel == "Email").ToDictionaryAsync(m => m.IdempotencyKey, ct);
        Assert.Equal(5, emails.Count);
        Assert.Equal($"Đã nhận đủ hồ sơ bổ sung {code}", emails[DossierNotifier.Key(id, Sequence("CompleteSupplement"), NotificationChannel.Email)].Subject);
        Assert.Equal($"Yêu cầu bổ sung, hoàn thiện hồ sơ {code}", emails[DossierNotifier.Key(id, Sequence("RequestSupplement"), NotificationChannel.Email)].Subject);
        Assert.Contains("Sơ đồ thửa đất", emails[DossierNotifier.Key(id, Sequence("RequestSupplement"), NotificationChannel.Email)].TextBody, StringComparison.Ordinal);
        Assert.Equal($"Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {code}", emails[DossierNotifier.Key(id, Sequence("IssueApology"), NotificationChannel.Email)].Subject);
        Assert.Equal($"Hồ sơ {code} đã có kết quả", emails[DossierNotifier.Key(id, Sequence("Approve"), NotificationChannel.Email)].Subject);
        Assert.Equal(10, await db.OutboxMessages.CountAsync(ct));
    }

    [Theory, AllDatabases]
    public async Task Transition_FailsOrIsRefused_EnqueuesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var online = (await harness.CreateAsync(desk, ct, harness.CounterBody(channel: "Online")))["id"]!.GetValue<Guid>();
        // The submission itself is acknowledged (T1): two rows before the transitions under test.
        await using var before = harness.Database.CreateContext();
        Assert.Equal(2, await before.OutboxMessages.CountAsync(ct));

        harness.Failer.Enabled = true;
        using var crashed = await FireAsync(desk, online, "Accept", 1, ct);
        harness.Failer.Enabled = false;
        using var notAllowed = await FireAsync(desk, online, "Approve", 1, ct);

        Assert.Equal(HttpStatusCode.InternalServerError, crashed.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAllowed.StatusCode);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(2, await db.OutboxMessages.CountAsync(ct));

        using var accepted = await FireAsync(desk, online, "Accept", 1, ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(4, await db.OutboxMessages.CountAsync(ct));
        var accept = await db.DossierHistory.AsNoTracking().SingleAsync(h => h.DossierId == online && h.Trigger == Domain.Dossiers.DossierTrigger.Accept, ct);
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.IdempotencyKey == $"dossier.{online:N}.{accept.Sequence}.email", ct));
    }

    [Theory, AllDatabases]
    public async Task CounterReceipt_AfterOutboxProcessorRuns_OneVietnameseEmailWithTheCode(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = TestSmtpServer.Start();
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var code = (await harness.CreateAsync(desk, ct))["code"]!.GetValue<string>();
        var processor = OutboxFixtures.Processor(OutboxFixtures.Smtp(smtp), harness.Clock, "node-a");

        await using (var db = harness.Database.CreateContext())
        {
            var first = await processor.ProcessAsync(db, ct);
            var second = await processor.ProcessAsync(db, ct);
            Assert.Equal(2, first.Sent);
            Assert.Equal(0, second.Claimed);
        }

        var message = Assert.Single(smtp.Messages);
        Assert.Equal(["binh@example.vn"], message.Recipients);
        Assert.Equal($"Đã tiếp nhận hồ sơ {code}", message.Subject);
        Assert.Contains("Kính gửi: Nguyễn Văn Bình,", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Mã hồ sơ: {code}", message.TextBody, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task DueWorkSource_AfterAppointments_ReportsOverdueAndDueSoonOfTheCompetentUnit(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var early = await harness.CreateAsync(desk, ct);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        // A fresh token: the first one expired with the clock jump.
        var later = await harness.CreateAsync(await harness.ClientAsync(Desk, ct), ct);
        var earlyDue = early["appointmentAt"]!.GetValue<DateTime>().ToUniversalTime();
        var laterDue = later["appointmentAt"]!.GetValue<DateTime>().ToUniversalTime();
        Assert.True(laterDue > earlyDue);

        await using var scope = harness.Factory.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<IDueWorkSource>();
        Assert.IsType<DossierDueWorkSource>(source);
        var beforeAny = await source.GetDueWorkAsync(Unit(Justice), harness.Clock.GetUtcNow().UtcDateTime, ct);
        // One minute after the first appointment: the first is overdue, the second is due within a working day or later.
        var work = await source.GetDueWorkAsync(Unit(Justice), earlyDue.AddMinutes(1), ct);
        var otherUnit = await source.GetDueWorkAsync(Unit(TuHieu), earlyDue.AddMinutes(1), ct);

        Assert.True(beforeAny.IsEmpty);
        Assert.Equal(1, work.OverdueCount);
        Assert.Equal([early["code"]!.GetValue<string>()], work.OverdueCodes);
        Assert.DoesNotContain(later["code"]!.GetValue<string>(), work.OverdueCodes);
        Assert.True(otherUnit.IsEmpty);
        var atLaterDue = await source.GetDueWorkAsync(Unit(Justice), laterDue.AddMinutes(-30), ct);
        Assert.Equal(1, atLaterDue.DueSoonCount);
        Assert.Equal([later["code"]!.GetValue<string>()], atLaterDue.DueSoonCodes);
    }

    [Theory, AllDatabases]
    public async Task CounterReceipt_ApplicantWithoutEmailOrPhone_EnqueuesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var body = System.Text.Json.JsonSerializer.SerializeToNode(harness.CounterBody())!.AsObject();
        body["applicant"]!["email"] = null;
        body["applicant"]!["phone"] = null;

        var created = await harness.CreateAsync(desk, ct, body);

        Assert.NotNull(created["code"]);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(ct));
    }

    [Theory, AllDatabases]
    public async Task DailyDigest_WithOverdueDossier_EnqueuesOneDigestForTheCompetentUnitsHead(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var created = await harness.CreateAsync(desk, ct);
        var due = created["appointmentAt"]!.GetValue<DateTime>().ToUniversalTime();

        await using var scope = harness.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var writer = new DailyDigestWriter(db, scope.ServiceProvider.GetRequiredService<IDueWorkSource>(),
            scope.ServiceProvider.GetRequiredService<MotCua.Web.Notifications.Templates.NotificationTemplates>());
        var enqueued = await writer.EnqueueAsync(due.AddDays(1), ct);

        Assert.Equal(1, enqueued);
        await using var check = harness.Database.CreateContext();
        var digest = await check.OutboxMessages.AsNoTracking().SingleAsync(m => m.IdempotencyKey.StartsWith("digest."), ct);
        Assert.Equal(Head, digest.Recipient);
        Assert.Contains("1 quá hạn", digest.Subject, StringComparison.Ordinal);
        Assert.Contains(created["code"]!.GetValue<string>(), digest.TextBody, StringComparison.Ordinal);
    }
}
