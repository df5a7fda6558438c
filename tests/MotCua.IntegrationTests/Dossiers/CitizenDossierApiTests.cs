using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>The owner citizen's access to their online dossiers through the API.</summary>
public sealed class CitizenDossierApiTests
{
    [Theory, AllDatabases]
    public async Task Create_CitizenOnline_SetsOwnerAndCounterReceiptHasNone(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var desk = await harness.ClientAsync(Desk, ct);

        var online = await harness.CreateOnlineAsync(citizen, ct);
        var counter = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();

        await using var db = harness.Database.CreateContext();
        Assert.Equal(DemoData.UserId(Citizen), (await db.Dossiers.SingleAsync(d => d.Id == online, ct)).OwnerUserId);
        Assert.Null((await db.Dossiers.SingleAsync(d => d.Id == counter, ct)).OwnerUserId);
    }

    [Theory, AllDatabases]
    public async Task Get_OwnerCitizen_Returns200WithCitizenTriggersAndLogsNoStaffRead(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var id = await harness.CreateOnlineAsync(citizen, ct);

        using var response = await citizen.GetAsync($"/api/v1/dossiers/{id}", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await ReadAsync(response, ct);
        Assert.Equal("Submitted", view["status"]!.GetValue<string>());
        // Submitted online: the applicant may only withdraw (Resubmit/CompleteSupplement need a supplement request).
        Assert.Equal(["Withdraw"], view["allowedTriggers"]!.AsArray().Select(t => t!.GetValue<string>()));
        await using var db = harness.Database.CreateContext();
        Assert.False(await db.PersonalDataAccessLog.AnyAsync(r => r.DossierId == id, ct));
    }

    [Theory, AllDatabases]
    public async Task Get_StaffOfUnit_StillLogsPersonalDataRead(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = await harness.CreateOnlineAsync(citizen, ct);

        using var response = await desk.GetAsync($"/api/v1/dossiers/{id}", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await ReadAsync(response, ct);
        Assert.Contains("Accept", view["allowedTriggers"]!.AsArray().Select(t => t!.GetValue<string>()));
        await using var db = harness.Database.CreateContext();
        var log = await db.PersonalDataAccessLog.AsNoTracking().Where(r => r.DossierId == id).ToListAsync(ct);
        Assert.Equal(DemoData.UserId(Desk), Assert.Single(log).UserId);
    }

    [Theory, AllDatabases]
    public async Task Access_OtherCitizen_Gets404AndAnEmptyList(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (citizen, other, id) = await harness.OwnerAndOtherCitizenAsync(ct);

        using var get = await other.GetAsync($"/api/v1/dossiers/{id}", ct);
        using var withdraw = await FireAsync(other, id, "Withdraw", 1, ct);
        using var list = await other.GetAsync("/api/v1/dossiers", ct);
        using var ownList = await citizen.GetAsync("/api/v1/dossiers", ct);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty((await ReadAsync(list, ct))["items"]!.AsArray());
        Assert.Equal([id], (await ReadAsync(ownList, ct))["items"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()));
        await using var db = harness.Database.CreateContext();
        Assert.Equal(1, (await db.Dossiers.SingleAsync(d => d.Id == id, ct)).Version);
    }

    [Theory, AllDatabases]
    public async Task List_Citizen_SeesOnlyOwnDossiersNotCounterReceipts(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var first = await harness.CreateOnlineAsync(citizen, ct);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await harness.CreateOnlineAsync(citizen, ct);
        await harness.CreateAsync(desk, ct);
        await harness.CreateAsync(desk, ct, harness.CounterBody(channel: "Online"));

        using var list = await citizen.GetAsync("/api/v1/dossiers", ct);
        using var staffList = await desk.GetAsync("/api/v1/dossiers", ct);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal([second, first], (await ReadAsync(list, ct))["items"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()));
        Assert.Equal(4, (await ReadAsync(staffList, ct))["items"]!.AsArray().Count);
    }

    [Theory, AllDatabases]
    public async Task Transition_OwnerWithdrawsSubmittedDossier_Returns200Withdrawn(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var id = await harness.CreateOnlineAsync(citizen, ct);

        using var response = await FireAsync(citizen, id, "Withdraw", 1, ct, new { reason = "Nộp nhầm thủ tục" });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
        var view = await ReadAsync(response, ct);
        Assert.Equal("Withdrawn", view["status"]!.GetValue<string>());
        var last = view["entry"]!;
        Assert.Equal("Citizen", last["actorRole"]!.GetValue<string>());
        Assert.Equal(DemoData.UserId(Citizen), last["actorId"]!.GetValue<Guid>());
        await using var db = harness.Database.CreateContext();
        Assert.Equal(DossierStatus.Withdrawn, (await db.Dossiers.SingleAsync(d => d.Id == id, ct)).Status);
    }

    [Theory, AllDatabases]
    public async Task Transition_OwnerFiresStaffTrigger_Returns403AndWritesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var id = await harness.CreateOnlineAsync(citizen, ct);

        using var response = await FireAsync(citizen, id, "Accept", 1, ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("dossier.role_not_allowed", (await ReadAsync(response, ct))["rule"]!.GetValue<string>());
        await using var db = harness.Database.CreateContext();
        var dossier = await db.Dossiers.SingleAsync(d => d.Id == id, ct);
        Assert.Equal(1, dossier.Version);
        Assert.Null(dossier.Code);
    }

    [Theory, AllDatabases]
    public async Task Transition_OwnerResubmitsAfterDeskSupplementRequest_Returns200Submitted(DatabaseProvider provider) =>
        await OwnerAnswersAsync(provider, DossierStatus.DeskSupplementPending, "Resubmit", "Submitted", DossierStatus.OnlineSubmitted);

    [Theory, AllDatabases]
    public async Task Transition_OwnerCompletesAgencySupplement_Returns200Appraising(DatabaseProvider provider) =>
        await OwnerAnswersAsync(provider, DossierStatus.SupplementRequested, "CompleteSupplement", "Appraising", DossierStatus.Appraising);

    // Staff put the owner's online dossier in a state that waits for the citizen; another citizen gets 404, the owner with
    // a stale version 409 (nothing written), and with the version they read 200 and the new state, recorded as Citizen.
    private static async Task OwnerAnswersAsync(DatabaseProvider provider, DossierStatus waiting, string trigger, string apiStatus, DossierStatus stored)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (citizen, other, id) = await harness.OwnerAndOtherCitizenAsync(ct);
        await harness.DriveOnlineAsync(id, waiting, ct);
        using var get = await citizen.GetAsync($"/api/v1/dossiers/{id}", ct);
        var read = await ReadAsync(get, ct);
        var version = read["version"]!.GetValue<int>();

        using var foreign = await FireAsync(other, id, trigger, version, ct);
        using var stale = await FireAsync(citizen, id, trigger, version - 1, ct);
        using var response = await FireAsync(citizen, id, trigger, version, ct);

        Assert.Equal([trigger, "Withdraw"], read["allowedTriggers"]!.AsArray().Select(t => t!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("api.stale_version", (await ReadAsync(stale, ct))["rule"]!.GetValue<string>());
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
        var view = await ReadAsync(response, ct);
        Assert.Equal(apiStatus, view["status"]!.GetValue<string>());
        Assert.Equal(version + 1, view["version"]!.GetValue<int>());
        var last = view["entry"]!;
        Assert.Equal(trigger, last["trigger"]!.GetValue<string>());
        Assert.Equal("Citizen", last["actorRole"]!.GetValue<string>());
        Assert.Equal(DemoData.UserId(Citizen), last["actorId"]!.GetValue<Guid>());
        await using var db = harness.Database.CreateContext();
        var dossier = await db.Dossiers.SingleAsync(d => d.Id == id, ct);
        Assert.Equal(stored, dossier.Status);
        Assert.Equal(version + 1, dossier.Version);
    }
}
