using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Access;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Catalogue;
using MotCua.Persistence.Identity;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.ReferenceData;

/// <summary>The reference data pickers read (issue 8 §1): procedures in force by competent unit and searched without
/// diacritics, the unit tree with history and successors, desks, and the staff a dossier may be assigned to.</summary>
public sealed class ReferenceDataApiTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory, AllDatabases]
    public async Task Procedures_ByCompetentUnit_AreThoseOfItsTier_AndSearchIgnoresDiacritics(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var anonymous = harness.Anonymous();
        int communeCount, provinceCount;
        await using (var db = harness.Database.CreateContext())
        {
            communeCount = await db.Procedures.InForceOn(Today).CountAsync(p => p.Level == ProcedureLevel.Commune, ct);
            provinceCount = await db.Procedures.InForceOn(Today).CountAsync(p => p.Level == ProcedureLevel.Province, ct);
        }

        var commune = await GetJsonAsync(anonymous, $"/api/v1/procedures?competentUnit={Unit(TuHieu)}&pageSize=100", ct);
        Assert.Equal(communeCount, commune["totalCount"]!.GetValue<int>());
        Assert.All(commune["items"]!.AsArray(), p => Assert.Equal("Commune", p!["level"]!.GetValue<string>()));
        var province = await GetJsonAsync(anonymous, $"/api/v1/procedures?competentUnit={Unit(Justice)}&pageSize=100", ct);
        Assert.Equal(provinceCount, province["totalCount"]!.GetValue<int>());
        Assert.All(province["items"]!.AsArray(), p => Assert.Equal("Province", p!["level"]!.GetValue<string>()));

        // A name typed without its accents finds the procedure; so does its code in lower case.
        var sample = commune["items"]!.AsArray()[0]!;
        var plain = VietnameseText.Fold(sample["name"]!.GetValue<string>());
        Assert.NotEqual(sample["name"]!.GetValue<string>().ToLowerInvariant(), plain);
        var byName = await GetJsonAsync(anonymous, $"/api/v1/procedures?competentUnit={Unit(TuHieu)}&q={Uri.EscapeDataString(plain)}", ct);
        Assert.Equal(sample["id"]!.GetValue<Guid>(), byName["items"]!.AsArray()[0]!["id"]!.GetValue<Guid>());
        var byCode = await GetJsonAsync(anonymous, $"/api/v1/procedures?q={Uri.EscapeDataString(sample["code"]!.GetValue<string>().ToLowerInvariant())}", ct);
        Assert.Contains(byCode["items"]!.AsArray(), p => p!["id"]!.GetValue<Guid>() == sample["id"]!.GetValue<Guid>());

        // A district closed on 30/06/2025 settles nothing today: the refusal a receipt there would get.
        using var closed = await anonymous.GetAsync($"/api/v1/procedures?competentUnit={Unit("000.00.31.H56")}", ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, closed.StatusCode);
        Assert.Equal("dossier.unit_not_in_operation", (await ReadAsync(closed, ct))["rule"]!.GetValue<string>());
        using var unknown = await anonymous.GetAsync($"/api/v1/procedures?receivingUnit={Guid.NewGuid()}", ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory, AllDatabases]
    public async Task Units_FormATree_WithValidityAndSuccessors(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var anonymous = harness.Anonymous();

        var history = Flatten((await GetArrayAsync(anonymous, "/api/v1/units", ct))).ToList();
        var district = history.Single(u => u["identifierCode"]!.GetValue<string>() == "000.00.31.H56");
        Assert.Equal("2025-06-30", district["validTo"]!.GetValue<string>());
        Assert.Equal(Unit(TuHieu), district["successorUnitId"]!.GetValue<Guid>());
        Assert.Equal("Ủy ban nhân dân phường Tô Hiệu", district["successorName"]!.GetValue<string>());
        var tuHieu = history.Single(u => u["id"]!.GetValue<Guid>() == Unit(TuHieu));
        Assert.Contains(Unit("000.00.31.H56"), tuHieu["predecessorIds"]!.AsArray().Select(x => x!.GetValue<Guid>()));

        var today = await GetArrayAsync(anonymous, "/api/v1/units?on=2026-11-24", ct);
        var root = Assert.Single(today);
        Assert.Equal("Province", root!["level"]!.GetValue<string>());
        var children = root["children"]!.AsArray();
        Assert.Contains(children, c => c!["id"]!.GetValue<Guid>() == Unit(TuHieu));
        Assert.DoesNotContain(Flatten(today), u => u["level"]!.GetValue<string>() == "District");
        await using var db = harness.Database.CreateContext();
        Assert.Equal(await db.OrganisationalUnits.CountAsync(ct), history.Count);
    }

    [Theory, AllDatabases]
    public async Task Desks_OfAUnit_WithSessions(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var anonymous = harness.Anonymous();

        var desk = Assert.Single(await GetArrayAsync(anonymous, $"/api/v1/units/{Unit(TuHieu)}/desks?on=2026-11-24", ct))!;
        Assert.Equal("CommuneServiceCentre", desk["kind"]!.GetValue<string>());
        Assert.Equal("15:00:00", desk["sameDayCutoff"]!.GetValue<string>());
        Assert.Equal(10, desk["sessions"]!.AsArray().Count);
        Assert.Empty(await GetArrayAsync(anonymous, $"/api/v1/units/{Unit("000.00.31.H56")}/desks?on=2026-11-24", ct));
        Assert.Single(await GetArrayAsync(anonymous, $"/api/v1/units/{Unit("000.00.31.H56")}/desks", ct));
        using var unknown = await anonymous.GetAsync($"/api/v1/units/{Guid.NewGuid()}/desks", ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory, AllDatabases]
    public async Task AssignableStaff_AreExactlyThoseTheAssignTriggerAccepts(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var second = await harness.CreateStaffAsync("chuyenvien2@motcua.local", StaffRole.HandlingOfficer, Justice, ct);
        var locked = await harness.CreateStaffAsync("chuyenvien.khoa@motcua.local", StaffRole.HandlingOfficer, Justice, ct);
        await harness.CreateStaffAsync("chuyenvien.tuhieu@motcua.local", StaffRole.HandlingOfficer, TuHieu, ct);
        await harness.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.ToString()))!, DateTimeOffset.MaxValue);
        });
        var head = await harness.ClientAsync(Head, ct);

        var staff = await GetArrayAsync(head, $"/api/v1/units/{Unit(Justice)}/assignable-staff?role=HandlingOfficer", ct);
        Assert.Equal(new[] { DemoData.UserId(Handler), second }.Order(), staff.Select(s => s!["id"]!.GetValue<Guid>()).Order());
        var minh = staff.Single(s => s!["id"]!.GetValue<Guid>() == DemoData.UserId(Handler))!.AsObject();
        Assert.Equal("Trần Văn Minh", minh["displayName"]!.GetValue<string>());
        Assert.Equal(["displayName", "id"], minh.Select(p => p.Key).Order().ToArray());

        // Every person listed is accepted by Assign.
        var desk = await harness.ClientAsync(Desk, ct);
        foreach (var person in staff)
        {
            var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
            var version = await FireStepsAsync(id, 1, ct, (desk, "Transfer", null));
            await FireStepsAsync(id, version, ct, (head, "Assign", new { officerId = person!["id"]!.GetValue<Guid>() }));
        }

        using var otherUnit = await desk.GetAsync($"/api/v1/units/{Unit(Justice)}/assignable-staff", ct);
        Assert.Equal(HttpStatusCode.Forbidden, otherUnit.StatusCode);
        using var anonymous = await harness.Anonymous().GetAsync($"/api/v1/units/{Unit(Justice)}/assignable-staff", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var wrongRole = await head.GetAsync($"/api/v1/units/{Unit(Justice)}/assignable-staff?role=DeskOfficer", ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongRole.StatusCode);
    }

    private static IEnumerable<JsonObject> Flatten(JsonArray nodes) =>
        nodes.Select(n => n!.AsObject()).SelectMany(n => Flatten(n["children"]!.AsArray()).Prepend(n));

    internal static async Task<JsonObject> GetJsonAsync(HttpClient client, string url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return await ReadAsync(response, ct);
    }

    internal static async Task<JsonArray> GetArrayAsync(HttpClient client, string url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!.AsArray();
    }
}
