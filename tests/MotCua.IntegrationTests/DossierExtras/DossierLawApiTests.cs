using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Catalogue;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Web.Features.DossierNotifications;
using MotCua.Web.Notifications;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.DossierExtras;

/// <summary>The legal rules of docs/dossier-rules.md through the API, on both databases: closed units, notifications of
/// every named event, the refusal notice, the apology's signer, allowedTriggers and the per-version clock policies.</summary>
public sealed class DossierLawApiTests
{
    /// <summary>A district of the demo province; every district closed on 30/06/2025.</summary>
    private const string ClosedDistrict = "000.00.31.H56";

    private static readonly string[] Items = ["Sơ đồ thửa đất"];

    private static object Supplement => new { reason = "Thiếu giấy tờ", items = Items };

    private static object Assign => new { officerId = DemoData.UserId(Handler) };

    [Theory, AllDatabases]
    public async Task Receipt_AtOrForAClosedDistrict_422InVietnameseAndNothingStored(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);

        using var counter = await desk.PostAsJsonAsync("/api/v1/dossiers", harness.CounterBody(competent: ClosedDistrict), ct);
        using var online = await citizen.PostAsJsonAsync("/api/v1/dossiers", harness.CounterBody(unit: ClosedDistrict, competent: ClosedDistrict, channel: "Online"), ct);

        foreach (var response in new[] { counter, online })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = await ReadAsync(response, ct);
            Assert.Equal("dossier.unit_not_in_operation", problem["rule"]!.GetValue<string>());
            Assert.Contains("đã chấm dứt hoạt động từ sau ngày 30/06/2025", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        await using var db = harness.Database.CreateContext();
        Assert.Equal((0, 0), (await db.Dossiers.CountAsync(ct), await db.OutboxMessages.CountAsync(ct)));
    }

    [Theory, AllDatabases]
    public async Task OnlinePath_SubmissionCompletionResubmissionRefusal_EachQueuedByEmailAndSms(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var id = await harness.CreateOnlineAsync(citizen, ct);

        await FireStepsAsync(id, 1, ct,
            (desk, "RequestDeskSupplement", Supplement), (citizen, "Resubmit", null), (desk, "RefuseAtReceipt", new { reason = "Không thuộc thẩm quyền" }));

        await using var db = harness.Database.CreateContext();
        var history = await db.DossierHistory.AsNoTracking().Where(h => h.DossierId == id).ToListAsync(ct);
        var rows = await db.OutboxMessages.AsNoTracking().ToListAsync(ct);
        Assert.Equal(8, rows.Count);
        string Subject(DossierTrigger trigger, NotificationChannel channel) =>
            rows.Single(r => r.IdempotencyKey == DossierNotifier.Key(id, history.Single(h => h.Trigger == trigger).Sequence, channel)).Subject;
        var procedure = harness.Procedure.Name;
        Assert.Equal($"Đã nhận hồ sơ trực tuyến: {procedure}", Subject(DossierTrigger.Submit, NotificationChannel.Email));
        Assert.Equal($"Yêu cầu bổ sung, hoàn thiện hồ sơ nộp trực tuyến: {procedure}", Subject(DossierTrigger.RequestDeskSupplement, NotificationChannel.Email));
        Assert.Equal($"Đã nhận hồ sơ bổ sung: {procedure}", Subject(DossierTrigger.Resubmit, NotificationChannel.Sms));
        Assert.Equal($"Thông báo từ chối tiếp nhận hồ sơ: {procedure}", Subject(DossierTrigger.RefuseAtReceipt, NotificationChannel.Email));
        Assert.Contains(rows, r => r.Channel == "Sms" && r.TextBody.Contains("Ly do: Khong thuoc tham quyen", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Channel == "Email" && r.TextBody.Contains("Sơ đồ thửa đất", StringComparison.Ordinal));
    }

    [Theory, AllDatabases]
    public async Task Submission_EmailOnlyApplicantAndFailedCommit_OneEmailThenNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var body = JsonSerializer.SerializeToNode(harness.CounterBody(channel: "Online"))!.AsObject();
        body["applicant"]!["phone"] = null;

        await harness.CreateAsync(citizen, ct, body);
        harness.Failer.Enabled = true;
        using var crashed = await citizen.PostAsJsonAsync("/api/v1/dossiers", body, ct);
        harness.Failer.Enabled = false;

        Assert.Equal(HttpStatusCode.InternalServerError, crashed.StatusCode);
        await using var db = harness.Database.CreateContext();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(ct);
        Assert.Equal(("Email", "binh@example.vn"), (row.Channel, row.Recipient));
    }

    [Theory, AllDatabases]
    public async Task LateRejection_QueuesTheReasonWarnsAndPrintsTheRefusalNotice(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (desk, head, handler) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(Handler, ct));
        var created = await harness.CreateAsync(desk, ct);
        var id = created["id"]!.GetValue<Guid>();
        var code = created["code"]!.GetValue<string>();
        var version = await FireStepsAsync(id, 1, ct,
            (desk, "Transfer", null), (head, "Assign", Assign), (handler, "StartAppraisal", null), (handler, "RequestSupplement", Supplement),
            (desk, "CompleteSupplement", null));
        using (var notYet = await desk.GetAsync($"/api/v1/dossiers/{id}/forms/03", ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, notYet.StatusCode);
        }

        harness.Clock.Advance(TimeSpan.FromDays(14));
        using var rejected = await FireAsync(await harness.ClientAsync(Head, ct), id, "Reject", version, ct, new { reason = "Không đủ điều kiện theo Điều 22" });

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var entry = (await ReadAsync(rejected, ct))["entry"]!;
        var data = JsonDocument.Parse(entry["data"]!.GetValue<string>()).RootElement;
        Assert.Equal("Late", data.GetProperty("timeliness").GetString());
        Assert.Contains("reject.after_deadline", data.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));

        await using var db = harness.Database.CreateContext();
        var rejection = await db.DossierHistory.AsNoTracking().SingleAsync(h => h.DossierId == id && h.Trigger == DossierTrigger.Reject, ct);
        var email = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.IdempotencyKey == DossierNotifier.Key(id, rejection.Sequence, NotificationChannel.Email), ct);
        Assert.Equal($"Thông báo từ chối giải quyết hồ sơ {code}", email.Subject);
        Assert.Contains("Lý do: Không đủ điều kiện theo Điều 22", email.TextBody, StringComparison.Ordinal);
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == DossierNotifier.Key(id, rejection.Sequence, NotificationChannel.Sms), ct));

        using var form = await (await harness.ClientAsync(Desk, ct)).GetAsync($"/api/v1/dossiers/{id}/forms/03", ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync(ct);
        var competent = await db.OrganisationalUnits.AsNoTracking().Where(u => u.Id == Unit(Justice)).Select(u => u.Name).SingleAsync(ct);
        Assert.Contains("giải quyết hồ sơ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Phiếu từ chối tiếp nhận", html, StringComparison.Ordinal);
        Assert.Contains($"{competent} từ chối giải quyết", html, StringComparison.Ordinal);
        Assert.Contains("Không đủ điều kiện theo Điều 22", html, StringComparison.Ordinal);
        Assert.Contains("Thủ trưởng cơ quan", html, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Apology_DeskRefused_HeadOnceAndThenNoLongerOffered(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (desk, head, handler) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(Handler, ct));
        var created = await harness.CreateAsync(desk, ct);
        var id = created["id"]!.GetValue<Guid>();
        var apology = new { reason = "Chờ kết quả xác minh", newAppointmentAt = created["appointmentAt"]!.GetValue<DateTime>().ToUniversalTime().AddDays(7), signerName = "Lê Văn Hùng" };
        var version = await FireStepsAsync(id, 1, ct, (desk, "Transfer", null), (head, "Assign", Assign), (handler, "StartAppraisal", null));

        using var byDesk = await FireAsync(desk, id, "IssueApology", version, ct, apology);
        Assert.Equal(HttpStatusCode.Forbidden, byDesk.StatusCode);
        Assert.Equal("dossier.role_not_allowed", (await ReadAsync(byDesk, ct))["rule"]!.GetValue<string>());
        Assert.Contains("IssueApology", await AllowedAsync(head, id, ct));

        using var byHead = await FireAsync(head, id, "IssueApology", version, ct, apology);

        Assert.Equal(HttpStatusCode.OK, byHead.StatusCode);
        Assert.DoesNotContain("IssueApology", (await ReadAsync(byHead, ct))["allowedTriggers"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.DoesNotContain("IssueApology", await AllowedAsync(head, id, ct));
        Assert.Contains("Reject", await AllowedAsync(head, id, ct));
    }

    [Theory, AllDatabases]
    public async Task ClockPolicies_FromTheProcedureVersion_PauseOrRestartAndPaymentPause(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var pausing = CatalogueTestData.Create(CatalogueTestData.FullDraft("LOCAL.PAUSE-1", 1) with
        {
            DeadlinePolicy = nameof(Domain.Calendar.DeadlinePolicy.CalendarDayEnd),
            ProcessingTime = new(15, Domain.Calendar.ProcessingTimeUnit.WorkingDay),
            ExtendedProcessingTime = null,
            InternalProcess = [new ProcessStep(1, "Tiếp nhận", PerformerRole.DeskOfficer, null, 1m), new ProcessStep(2, "Thẩm định", PerformerRole.HandlingOfficer, null, 13m), new ProcessStep(3, "Ký", PerformerRole.AgencyHead, null, 1m)],
            InterAgency = false,
        });
        await using (var seed = harness.Database.CreateContext())
        {
            seed.Procedures.Add(pausing);
            await seed.SaveChangesAsync(ct);
        }

        var desk = await harness.ClientAsync(Desk, ct);
        var body = JsonSerializer.SerializeToNode(harness.CounterBody())!.AsObject();
        body["procedureId"] = pausing.Id;
        var paused = await RunAsync(harness, (await harness.CreateAsync(desk, ct, body))["id"]!.GetValue<Guid>(), ct);
        var restarted = await RunAsync(harness, (await harness.CreateAsync(await harness.ClientAsync(Desk, ct), ct))["id"]!.GetValue<Guid>(), ct);

        // SupplementPause (this version) vs SupplementRestart (the seed's); payment pause on vs off (ProcedureTerms).
        Assert.Equal(("paused", "restarted"), (paused.Clock, restarted.Clock));
        Assert.True(paused.AfterSupplement > paused.Initial);
        Assert.True(paused.AfterPayment > paused.AfterSupplement);
        Assert.Equal(restarted.AfterSupplement, restarted.AfterPayment);
        await using var db = harness.Database.CreateContext();
        var stored = await db.Dossiers.AsNoTracking().Where(d => d.Id == paused.Id).Select(d => new { d.SupplementPolicy, d.FinancialObligationPausesClock }).SingleAsync(ct);
        Assert.Equal(new { SupplementPolicy = SupplementClockPolicy.SupplementPause, FinancialObligationPausesClock = true }, stored);
    }

    private sealed record Run(Guid Id, DateTime Initial, string Clock, DateTime AfterSupplement, DateTime AfterPayment);

    // Receipt → appraisal → supplement (2 days) → payment (2 days): the appointment after each pause.
    private static async Task<Run> RunAsync(Dossiers.DossierApiHarness harness, Guid id, CancellationToken ct)
    {
        var (desk, head, handler) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(Handler, ct));
        var version = await FireStepsAsync(id, 1, ct, (desk, "Transfer", null), (head, "Assign", Assign), (handler, "StartAppraisal", null), (handler, "RequestSupplement", Supplement));
        var initial = await AppointmentAsync(harness, id, ct);
        harness.Clock.Advance(TimeSpan.FromDays(2));
        desk = await harness.ClientAsync(Desk, ct);
        using var completed = await FireAsync(desk, id, "CompleteSupplement", version, ct);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var completion = await ReadAsync(completed, ct);
        var clock = JsonDocument.Parse(completion["entry"]!["data"]!.GetValue<string>()).RootElement.GetProperty("clock").GetString()!;
        var afterSupplement = completion["currentAppointmentAt"]!.GetValue<DateTime>().ToUniversalTime();
        handler = await harness.ClientAsync(Handler, ct);
        version = await FireStepsAsync(id, completion["version"]!.GetValue<int>(), ct, (handler, "RequestFinancialObligation", new { amount = 100_000m }));
        harness.Clock.Advance(TimeSpan.FromDays(2));
        using var paid = await FireAsync(await harness.ClientAsync(Desk, ct), id, "ConfirmPayment", version, ct, new { receiptNumber = "BL-01" });
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var afterPayment = (await ReadAsync(paid, ct))["currentAppointmentAt"]!.GetValue<DateTime>().ToUniversalTime();
        return new Run(id, initial, clock, afterSupplement, afterPayment);
    }

    private static async Task<DateTime> AppointmentAsync(Dossiers.DossierApiHarness harness, Guid id, CancellationToken ct)
    {
        await using var db = harness.Database.CreateContext();
        return await db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => d.CurrentAppointmentAt!.Value).SingleAsync(ct);
    }

    private static async Task<IReadOnlyList<string>> AllowedAsync(HttpClient client, Guid id, CancellationToken ct)
    {
        using var response = await client.GetAsync($"/api/v1/dossiers/{id}", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ReadAsync(response, ct))["allowedTriggers"]!.AsArray().Select(t => t!.GetValue<string>())];
    }
}
