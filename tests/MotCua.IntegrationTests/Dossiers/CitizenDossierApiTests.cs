using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Access;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Identity;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>The owner citizen's access to their online dossiers through the API.</summary>
public sealed class CitizenDossierApiTests
{
    private const string Citizen = "congdan@motcua.local";
    private const string OtherCitizen = "congdan.khac@motcua.local";

    [Theory, AllDatabases]
    public async Task Create_CitizenOnline_SetsOwnerAndCounterReceiptHasNone(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var desk = await harness.ClientAsync(Desk, ct);

        var online = (await harness.CreateAsync(citizen, ct, harness.CounterBody(channel: "Online")))["id"]!.GetValue<Guid>();
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
        var id = (await harness.CreateAsync(citizen, ct, harness.CounterBody(channel: "Online")))["id"]!.GetValue<Guid>();

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
        var id = (await harness.CreateAsync(citizen, ct, harness.CounterBody(channel: "Online")))["id"]!.GetValue<Guid>();

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
        await CreateCitizenAsync(harness, OtherCitizen, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var other = await harness.ClientAsync(OtherCitizen, ct);
        var id = (await harness.CreateAsync(citizen, ct, harness.CounterBody(channel: "Online")))["id"]!.GetValue<Guid>();

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
        var first = (await harness.CreateAsync(citizen, ct, harness.CounterBody(channel: "Online")))["id"]!.GetValue<Guid>();
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = (await harness.CreateAsync(citizen, ct, harness.CounterBody(channel: "Online")))["id"]!.GetValue<Guid>();
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
        var id = (await harness.CreateAsync(citizen, ct, harness.CounterBody(channel: "Online")))["id"]!.GetValue<Guid>();

        using var response = await FireAsync(citizen, id, "Withdraw", 1, ct, new { reason = "Nộp nhầm thủ tục" });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
        var view = await ReadAsync(response, ct);
        Assert.Equal("Withdrawn", view["status"]!.GetValue<string>());
        var last = view["entry"]!;
        Assert.Equal("Citizen", last["actorRole"]!.GetValue<string>());
        Assert.Equal(DemoData.UserId(Citizen), last["actorId"]!.GetValue<Guid>());
        await using var db = harness.Database.CreateContext();
        Assert.Equal(Domain.Dossiers.DossierStatus.Withdrawn, (await db.Dossiers.SingleAsync(d => d.Id == id, ct)).Status);
    }

    [Theory, AllDatabases]
    public async Task Transition_OwnerFiresStaffTrigger_Returns403AndWritesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var id = (await harness.CreateAsync(citizen, ct, harness.CounterBody(channel: "Online")))["id"]!.GetValue<Guid>();

        using var response = await FireAsync(citizen, id, "Accept", 1, ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("dossier.role_not_allowed", (await ReadAsync(response, ct))["rule"]!.GetValue<string>());
        await using var db = harness.Database.CreateContext();
        var dossier = await db.Dossiers.SingleAsync(d => d.Id == id, ct);
        Assert.Equal(1, dossier.Version);
        Assert.Null(dossier.Code);
    }

    private static async Task CreateCitizenAsync(DossierApiHarness harness, string email, CancellationToken ct)
    {
        await using var scope = harness.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, FullName = "Trần Thị Hoa" };
        var created = await users.CreateAsync(user, DemoData.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var role = await users.AddToRoleAsync(user, nameof(StaffRole.Citizen));
        Assert.True(role.Succeeded, string.Join("; ", role.Errors.Select(e => e.Description)));
    }
}
