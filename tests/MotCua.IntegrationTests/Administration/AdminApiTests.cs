using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Units;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Administration;

/// <summary>The administrator area's API (issue 8 §4): units, staff accounts and role assignments, desks; every action
/// authorised by the Administrator role AND the unit scope, and audited.</summary>
public sealed class AdminApiTests
{
    private const string Admin = "admin@motcua.local";
    private const string Province = "000.00.00.H56";

    private static readonly string[] AccountActions = ["user.create", "role.grant", "user.disable", "user.enable", "user.password_reset", "role.revoke"];

    [Theory, AllDatabases]
    public async Task NonAdministrators_AreRefused(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        using (var anonymous = await harness.Anonymous().GetAsync("/api/v1/admin/units", ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        var desk = await harness.ClientAsync(Desk, ct);
        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Get, "/api/v1/admin/units", null),
            (HttpMethod.Get, "/api/v1/admin/users", null),
            (HttpMethod.Post, "/api/v1/admin/users", new { fullName = "X", email = "x@motcua.local", homeUnitId = Unit(TuHieu) }),
            (HttpMethod.Post, "/api/v1/admin/units", new { name = "X", level = "Commune", identifierCode = "000.00.99.H56", parentId = Unit(Province) }),
            (HttpMethod.Get, $"/api/v1/admin/units/{Unit(TuHieu)}/desks", null),
        })
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await desk.SendAsync(request, ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {response.StatusCode}");
        }

        await using var db = harness.Database.CreateContext();
        Assert.Equal(0, await db.AdminAudit.CountAsync(ct));
    }

    [Theory, AllDatabases]
    public async Task Admin_CreatesStaff_GrantsDeskRole_DisablesAndResets_AndEachEndsTheOldTokens(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var admin = await harness.ClientAsync(Admin, ct);
        var email = $"canbo.{Guid.NewGuid():N}@motcua.local";

        using var invalid = await admin.PostAsJsonAsync("/api/v1/admin/users", new { fullName = "", email = "khong-phai-email", homeUnitId = Unit(TuHieu) }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await ReadAsync(invalid, ct))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("fullName") && errors.ContainsKey("email"), errors.ToJsonString());

        using var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { fullName = "Cầm Văn Tú", email, homeUnitId = Unit(TuHieu) }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var credentials = await ReadAsync(created, ct);
        var userId = credentials["userId"]!.GetValue<Guid>();
        var password = credentials["password"]!.GetValue<string>();
        using (var duplicate = await admin.PostAsJsonAsync("/api/v1/admin/users", new { fullName = "Ai đó", email, homeUnitId = Unit(TuHieu) }, ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        }

        var officer = await TokenClientAsync(harness, email, password, ct);
        using (var noRole = await officer.GetAsync("/api/v1/desk/queue", ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, noRole.StatusCode);
        }

        using (var grant = await admin.PostAsJsonAsync($"/api/v1/admin/users/{userId}/roles", new { role = "DeskOfficer", unitId = Unit(TuHieu) }, ct))
        {
            Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
        }

        officer = await TokenClientAsync(harness, email, password, ct);
        using (var queue = await officer.GetAsync("/api/v1/desk/queue", ct))
        {
            Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        }

        var listed = await GetArrayAsync(admin, $"/api/v1/admin/users?q={Uri.EscapeDataString("cam van tu")}", ct);
        Assert.Equal(userId, Assert.Single(listed)!["id"]!.GetValue<Guid>());
        Assert.Equal("DeskOfficer", listed[0]!["currentRoles"]![0]!.GetValue<string>());

        // Disabled: the token issued before is refused on its next request, and no new one is issued.
        using (var disable = await admin.PostAsync($"/api/v1/admin/users/{userId}/disable", null, ct))
        {
            Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
            Assert.True((await ReadAsync(disable, ct))["disabled"]!.GetValue<bool>());
        }

        using (var refused = await officer.GetAsync("/api/v1/desk/queue", ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using (var token = await harness.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = email, password }, ct))
        {
            Assert.NotEqual(HttpStatusCode.OK, token.StatusCode);
        }

        using (var enable = await admin.PostAsync($"/api/v1/admin/users/{userId}/enable", null, ct))
        {
            Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        }

        officer = await TokenClientAsync(harness, email, password, ct);
        using (var reset = await admin.PostAsync($"/api/v1/admin/users/{userId}/password", null, ct))
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
            var newPassword = (await ReadAsync(reset, ct))["password"]!.GetValue<string>();
            Assert.NotEqual(password, newPassword);
            using var old = await officer.GetAsync("/api/v1/desk/queue", ct);
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
            password = newPassword;
        }

        // Removing the role ends the sessions too, and keeps the assignment as history (ended yesterday). A day later,
        // so that the grant made today has a past to keep (tokens are fetched again: they last an hour).
        harness.Clock.Advance(TimeSpan.FromDays(1));
        admin = await harness.ClientAsync(Admin, ct);
        officer = await TokenClientAsync(harness, email, password, ct);
        using (var stillDesk = await officer.GetAsync("/api/v1/desk/queue", ct))
        {
            Assert.Equal(HttpStatusCode.OK, stillDesk.StatusCode);
        }

        var detail = await GetJsonAsync(admin, $"/api/v1/admin/users/{userId}", ct);
        var assignmentId = detail["assignments"]![0]!["id"]!.GetValue<Guid>();
        using (var revoke = await admin.DeleteAsync($"/api/v1/admin/users/{userId}/roles/{assignmentId}", ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using (var ended = await officer.GetAsync("/api/v1/desk/queue", ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, ended.StatusCode);
        }

        await using var db = harness.Database.CreateContext();
        var kept = await db.StaffRoleAssignments.AsNoTracking().SingleAsync(a => a.Id == assignmentId, ct);
        Assert.Equal(new DateOnly(2026, 11, 24), kept.ValidTo);
        var actions = await db.AdminAudit.AsNoTracking().Where(e => e.TargetId == userId || e.TargetId == assignmentId).Select(e => e.Action).ToListAsync(ct);
        Assert.Equal(AccountActions.Order(StringComparer.Ordinal), actions.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(await db.AdminAudit.AsNoTracking().Select(e => e.Detail).ToListAsync(ct), d => d.Contains(email, StringComparison.OrdinalIgnoreCase) || d.Contains("Cầm Văn Tú", StringComparison.Ordinal));
    }

    [Theory, AllDatabases]
    public async Task CommuneAdmin_CannotReachAnotherUnit_NorLockThemselvesOut(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var communeAdminEmail = $"quantri.tuhieu.{Guid.NewGuid():N}@motcua.local";
        var communeAdminId = await harness.CreateStaffAsync(communeAdminEmail, StaffRole.Administrator, TuHieu, ct);
        var communeAdmin = await harness.ClientAsync(communeAdminEmail, ct);
        var otherDeskId = await DemoUserIdOf(harness, OtherDesk);

        // Only the commune's own people are listed; the neighbouring commune's officer is "not found".
        var listed = await GetArrayAsync(communeAdmin, "/api/v1/admin/users", ct);
        Assert.DoesNotContain(listed, u => u!["id"]!.GetValue<Guid>() == otherDeskId);
        Assert.Contains(listed, u => u!["email"]!.GetValue<string>() == Desk);
        using (var other = await communeAdmin.GetAsync($"/api/v1/admin/users/{otherDeskId}", ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        using (var disableOther = await communeAdmin.PostAsync($"/api/v1/admin/users/{otherDeskId}/disable", null, ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, disableOther.StatusCode);
        }

        // A role, a unit, a desk or an account in another commune is out of scope.
        var deskUserId = DemoData.UserId(Desk);
        using (var grant = await communeAdmin.PostAsJsonAsync($"/api/v1/admin/users/{deskUserId}/roles", new { role = "DeskOfficer", unitId = Unit(ChiengAn) }, ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, grant.StatusCode);
        }

        using (var wider = await communeAdmin.PostAsJsonAsync($"/api/v1/admin/users/{deskUserId}/roles", new { role = "Administrator", unitId = Unit(Province), includeDescendants = true }, ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, wider.StatusCode);
        }

        using (var account = await communeAdmin.PostAsJsonAsync("/api/v1/admin/users", new { fullName = "Người ngoài", email = $"x.{Guid.NewGuid():N}@motcua.local", homeUnitId = Unit(ChiengAn) }, ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, account.StatusCode);
        }

        using (var close = await communeAdmin.PostAsJsonAsync($"/api/v1/admin/units/{Unit(ChiengAn)}/close", new { lastDay = "2026-12-31" }, ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        }

        using (var create = await communeAdmin.PostAsJsonAsync("/api/v1/admin/units", new { name = "Tổ X", level = "Commune", identifierCode = "000.00.98.H56", parentId = Unit(Province) }, ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        }

        using (var desks = await communeAdmin.GetAsync($"/api/v1/admin/units/{Unit(ChiengAn)}/desks", ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, desks.StatusCode);
        }

        using (var editDesk = await communeAdmin.PutAsJsonAsync($"/api/v1/admin/desks/{DemoData.DeskId(ChiengAn)}", new { name = "Đổi tên" }, ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, editDesk.StatusCode);
        }

        var units = await GetArrayAsync(communeAdmin, "/api/v1/admin/units", ct);
        Assert.Equal(Unit(TuHieu), Assert.Single(units)!["id"]!.GetValue<Guid>());

        // No self-lockout: not by disabling the own account, not by removing the own last administrator grant.
        using (var self = await communeAdmin.PostAsync($"/api/v1/admin/users/{communeAdminId}/disable", null, ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
            Assert.Equal("admin.self_lockout", (await ReadAsync(self, ct))["rule"]!.GetValue<string>());
        }

        var own = await GetJsonAsync(communeAdmin, $"/api/v1/admin/users/{communeAdminId}", ct);
        var ownGrant = own["assignments"]![0]!["id"]!.GetValue<Guid>();
        using (var revokeOwn = await communeAdmin.DeleteAsync($"/api/v1/admin/users/{communeAdminId}/roles/{ownGrant}", ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, revokeOwn.StatusCode);
            Assert.Equal("admin.last_administrator", (await ReadAsync(revokeOwn, ct))["rule"]!.GetValue<string>());
        }

        // The province's administrator covers the commune and may end that grant.
        var provinceAdmin = await harness.ClientAsync(Admin, ct);
        using (var revoke = await provinceAdmin.DeleteAsync($"/api/v1/admin/users/{communeAdminId}/roles/{ownGrant}", ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using (var gone = await communeAdmin.GetAsync("/api/v1/admin/units", ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, gone.StatusCode);
        }
    }

    [Theory, AllDatabases]
    public async Task ProvinceAdmin_CannotTouchAnotherProvince(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var otherProvince = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân tỉnh Lai Châu", null, UnitLevel.Province, "000.00.00.H57", null, new DateOnly(2004, 1, 1));
        var otherCommune = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân xã Tam Đường", null, UnitLevel.Commune, "000.00.41.H57", otherProvince.Id, DemoData.ReformDay);
        await using (var db = harness.Database.CreateContext())
        {
            db.OrganisationalUnits.AddRange(otherProvince, otherCommune);
            await db.SaveChangesAsync(ct);
        }

        var admin = await harness.ClientAsync(Admin, ct);
        using (var close = await admin.PostAsJsonAsync($"/api/v1/admin/units/{otherCommune.Id}/close", new { lastDay = "2026-12-31" }, ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        }

        using (var create = await admin.PostAsJsonAsync("/api/v1/admin/units", new { name = "Xã mới", level = "Commune", identifierCode = "000.00.42.H57", parentId = otherProvince.Id }, ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        }

        using (var merge = await admin.PostAsJsonAsync($"/api/v1/admin/units/{Unit(ChiengAn)}/close", new { lastDay = "2026-12-31", successorUnitId = otherCommune.Id }, ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, merge.StatusCode);
        }

        var units = await GetArrayAsync(admin, "/api/v1/admin/units", ct);
        Assert.DoesNotContain(units, u => u!["id"]!.GetValue<Guid>() == otherCommune.Id);
    }

    [Theory, AllDatabases]
    public async Task Units_AreCreatedUnderAParent_AndMergedIntoASuccessorFromADate_KeepingTheOldRecord(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var admin = await harness.ClientAsync(Admin, ct);

        using (var bad = await admin.PostAsJsonAsync("/api/v1/admin/units", new { name = "", level = "District", identifierCode = "12.3", parentId = Unit(Province) }, ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await ReadAsync(bad, ct))["errors"]!.AsObject();
            Assert.True(errors.ContainsKey("name") && errors.ContainsKey("level") && errors.ContainsKey("identifierCode"), errors.ToJsonString());
        }

        using (var taken = await admin.PostAsJsonAsync("/api/v1/admin/units", new { name = "Xã trùng mã", level = "Commune", identifierCode = TuHieu, parentId = Unit(Province) }, ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        }

        using var created = await admin.PostAsJsonAsync("/api/v1/admin/units",
            new { name = "Ủy ban nhân dân phường Tô Hiệu Mới", shortName = "Phường Tô Hiệu Mới", level = "Commune", identifierCode = "000.00.97.h56", parentId = Unit(Province), validFrom = "2027-01-01" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var successorId = (await ReadAsync(created, ct))["id"]!.GetValue<Guid>();

        using (var tooEarly = await admin.PostAsJsonAsync($"/api/v1/admin/units/{Unit(TuHieu)}/close", new { lastDay = "2026-12-30", successorUnitId = successorId }, ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        }

        using (var merged = await admin.PostAsJsonAsync($"/api/v1/admin/units/{Unit(TuHieu)}/close", new { lastDay = "2026-12-31", successorUnitId = successorId }, ct))
        {
            Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        }

        using (var again = await admin.PostAsJsonAsync($"/api/v1/admin/units/{Unit(TuHieu)}/close", new { lastDay = "2026-12-31" }, ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        }

        // The old record stays readable, with its dates and successor, in the public tree too.
        var tree = await GetArrayAsync(admin, "/api/v1/admin/units", ct);
        var old = tree.Single(u => u!["id"]!.GetValue<Guid>() == Unit(TuHieu))!;
        Assert.Equal("2026-12-31", old["validTo"]!.GetValue<string>());
        Assert.Equal(successorId, old["successorUnitId"]!.GetValue<Guid>());
        Assert.Equal("Ủy ban nhân dân phường Tô Hiệu Mới", old["successorName"]!.GetValue<string>());
        Assert.True(old["current"]!.GetValue<bool>());
        var created2 = tree.Single(u => u!["id"]!.GetValue<Guid>() == successorId)!;
        Assert.Equal("000.00.97.H56", created2["identifierCode"]!.GetValue<string>());
        Assert.Equal(1, created2["depth"]!.GetValue<int>());

        await using var db = harness.Database.CreateContext();
        Assert.Equal(["unit.close", "unit.create"], (await db.AdminAudit.AsNoTracking().Select(e => e.Action).ToListAsync(ct)).Order(StringComparer.Ordinal));
    }

    [Theory, AllDatabases]
    public async Task Desks_AreCreatedChangedAndClosed_WithTheirSessions(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var admin = await harness.ClientAsync(Admin, ct);

        using var created = await admin.PostAsJsonAsync($"/api/v1/admin/units/{Unit(TuHieu)}/desks",
            new { name = "Điểm tiếp nhận bản Mòng", kind = "CommuneServiceCentre", sameDayCutoff = "16:00" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var desk = await ReadAsync(created, ct);
        var deskId = desk["id"]!.GetValue<Guid>();
        Assert.Equal(10, desk["sessions"]!.AsArray().Count);

        using (var overlap = await admin.PutAsJsonAsync($"/api/v1/admin/desks/{deskId}", new
        {
            name = "Điểm tiếp nhận bản Mòng",
            sessions = new[] { new { dayOfWeek = "Saturday", start = "07:30", end = "11:30" }, new { dayOfWeek = "Saturday", start = "11:00", end = "12:00" } },
        }, ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, overlap.StatusCode);
        }

        using (var changed = await admin.PutAsJsonAsync($"/api/v1/admin/desks/{deskId}", new
        {
            name = "Điểm tiếp nhận bản Mòng (thứ Bảy)",
            sameDayCutoff = "15:30",
            sessions = new[] { new { dayOfWeek = "Saturday", start = "07:30", end = "11:30" } },
        }, ct))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        using (var closed = await admin.PostAsJsonAsync($"/api/v1/admin/desks/{deskId}/close", new { lastDay = "2026-12-31" }, ct))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        var desks = await GetArrayAsync(admin, $"/api/v1/admin/units/{Unit(TuHieu)}/desks", ct);
        var saved = desks.Single(d => d!["id"]!.GetValue<Guid>() == deskId)!;
        Assert.Equal("Điểm tiếp nhận bản Mòng (thứ Bảy)", saved["name"]!.GetValue<string>());
        Assert.Equal("15:30:00", saved["sameDayCutoff"]!.GetValue<string>());
        Assert.Equal("2026-12-31", saved["validTo"]!.GetValue<string>());
        Assert.Equal("Saturday", Assert.Single(saved["sessions"]!.AsArray())!["dayOfWeek"]!.GetValue<string>());

        await using var db = harness.Database.CreateContext();
        Assert.Equal(3, await db.AdminAudit.CountAsync(e => e.TargetId == deskId, ct));
    }

    [Theory, AllDatabases]
    public async Task AuditRows_CannotBeChangedOrDeleted(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var admin = await harness.ClientAsync(Admin, ct);
        using (var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { fullName = "Lò Thị Xuân", email = $"x.{Guid.NewGuid():N}@motcua.local", homeUnitId = Unit(TuHieu) }, ct))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await using var db = harness.Database.CreateContext();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AdminAudit\" SET \"Action\" = 'x'", ct));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AdminAudit\"", ct));
        Assert.Equal(1, await db.AdminAudit.CountAsync(ct));
    }

    private static async Task<Guid> DemoUserIdOf(MotCua.IntegrationTests.Dossiers.DossierApiHarness harness, string email)
    {
        await using var db = harness.Database.CreateContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<HttpClient> TokenClientAsync(MotCua.IntegrationTests.Dossiers.DossierApiHarness harness, string email, string password, CancellationToken ct)
    {
        var client = harness.Anonymous();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = email, password }, ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
        var token = (await ReadAsync(response, ct))["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonObject> GetJsonAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return await ReadAsync(response, ct);
    }

    private static async Task<JsonArray> GetArrayAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonArray>(ct))!;
    }
}
