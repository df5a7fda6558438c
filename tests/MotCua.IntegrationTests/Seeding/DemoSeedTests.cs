using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Access;
using MotCua.Domain.Units;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Identity;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.Seeding;

public sealed class DemoSeedTests
{
    [Theory, AllDatabases]
    public async Task SeedAsync_Demo_CreatesProvinceDepartmentsCommunesAndHistoricalDistricts(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using (var db = database.CreateContext())
        {
            var result = await new DatabaseSeeder(db) { IncludeDemoDossiers = false }.SeedAsync("demo", ct);
            Assert.Equal(new SeedResult("demo", RolesAdded: 6, UnitsAdded: 29, DesksAdded: 17, UsersAdded: 7, AssignmentsAdded: 6, ProceduresAdded: 53) { QuestionnairesAdded = 1, ParFrameworksAdded = 2 }, result);
        }

        await using (var db = database.CreateContext())
        {
            var units = await db.OrganisationalUnits.ToListAsync(ct);
            var byId = units.ToDictionary(u => u.Id);
            Assert.Single(units, u => u.Level == UnitLevel.Province);
            Assert.Equal(12, units.Count(u => u.Level == UnitLevel.ProvincialDepartment));
            Assert.Equal(12, units.Count(u => u.Level == UnitLevel.Commune));
            Assert.All(units, u => Assert.True(UnitIdentifierCode.IsValid(u.IdentifierCode), u.IdentifierCode));
            Assert.Equal(units.Count, units.Select(u => u.IdentifierCode).Distinct().Count());

            var districts = units.Where(u => u.Level == UnitLevel.District).ToList();
            Assert.Equal(4, districts.Count);
            Assert.All(districts, d =>
            {
                Assert.Equal(new DateOnly(2025, 6, 30), d.ValidTo);
                var successor = byId[d.SuccessorUnitId!.Value];
                Assert.Equal(UnitLevel.Commune, successor.Level);
                Assert.True(successor.IsValidOn(new DateOnly(2025, 7, 1)));
            });

            var onReformDay = units.Where(u => u.IsValidOn(new DateOnly(2025, 7, 1))).ToList();
            Assert.DoesNotContain(onReformDay, u => u.Level == UnitLevel.District);
            Assert.All(units.Where(u => u.Level != UnitLevel.Province), u => Assert.Equal(UnitLevel.Province, byId[u.ParentId!.Value].Level));

            var desks = await db.OneStopDesks.ToListAsync(ct);
            Assert.Single(desks, d => d.Kind == OneStopDeskKind.ProvincialServiceCentre);
            Assert.Equal(12, desks.Count(d => d.Kind == OneStopDeskKind.CommuneServiceCentre));
            Assert.All(desks, d => Assert.Equal(10, d.WorkSessions.Count));
            Assert.All(desks.Where(d => d.Kind == OneStopDeskKind.DistrictReceptionDesk), d => Assert.False(d.IsValidOn(new DateOnly(2025, 7, 1))));
        }
    }

    [Theory, AllDatabases]
    public async Task SeedAsync_Demo_UsersHaveRolesAssignmentsAndTheDemoPassword(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var db = database.CreateContext();
        await new DatabaseSeeder(db).SeedAsync("demo", ct);

        var users = await db.Users.ToListAsync(ct);
        var roleNames = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        // Every role has a demo account (the desk role two: a commune centre and the provincial centre), one role each.
        Assert.Equal(Enum.GetNames<StaffRole>().Order(), roleNames.Select(r => r.Name!).Distinct().Order());
        Assert.Equal(users.Select(u => u.Id).Order(), roleNames.Select(r => r.UserId).Order());
        var hasher = new PasswordHasher<AppUser>();
        Assert.All(users, u =>
        {
            Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(u, u.PasswordHash!, DemoData.Password));
            Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(u, u.PasswordHash!, "wrong-password-1A"));
            Assert.True(u.LockoutEnabled);
        });

        var assignments = await db.StaffRoleAssignments.ToListAsync(ct);
        var parentOf = await db.OrganisationalUnits.ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        var admin = assignments.Where(a => a.UserId == DemoData.UserId("admin@motcua.local")).ToList();
        var commune = DemoData.UnitId("000.00.47.H56");
        Assert.True(UnitAuthorization.MayAct(admin, StaffRole.Administrator, commune, new DateOnly(2026, 3, 2), parentOf));
        var deskOfficer = assignments.Where(a => a.UserId == DemoData.UserId("tiepnhan@motcua.local")).ToList();
        Assert.True(UnitAuthorization.MayAct(deskOfficer, StaffRole.DeskOfficer, DemoData.UnitId("000.00.41.H56"), new DateOnly(2026, 3, 2), parentOf));
        Assert.False(UnitAuthorization.MayAct(deskOfficer, StaffRole.DeskOfficer, commune, new DateOnly(2026, 3, 2), parentOf));
        Assert.DoesNotContain(assignments, a => a.UserId == DemoData.UserId("congdan@motcua.local"));
    }

    [Theory, AllDatabases]
    public async Task SeedAsync_SecondRun_AddsNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using (var db = database.CreateContext())
        {
            await new DatabaseSeeder(db).SeedAsync("demo", ct);
        }

        await using (var db = database.CreateContext())
        {
            var second = await new DatabaseSeeder(db).SeedAsync("demo", ct);

            Assert.Equal(0, second.Total);
            Assert.Equal(29, await db.OrganisationalUnits.CountAsync(ct));
            Assert.Equal(7, await db.Users.CountAsync(ct));
        }
    }

    [Fact]
    public async Task SeedAsync_UnknownPreset_Throws()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, ct);
        await using var db = database.CreateContext();

        await Assert.ThrowsAsync<ArgumentException>(() => new DatabaseSeeder(db).SeedAsync("nonexistent", ct));
    }

    [Theory, AllDatabases]
    public async Task SeedAsync_Demo_PublishesASipasQuestionnaireOfTheFiveFactors_ThatACampaignCanUse(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await Dossiers.DossierApiHarness.StartAsync(provider, ct);
        var homeAffairs = await harness.ClientAsync(Surveys.SurveyApiDriver.HomeAffairs, ct);
        var list = (await homeAffairs.GetFromJsonAsync<JsonArray>("/api/v1/surveys/questionnaires", ct))!;
        var row = Assert.Single(list, q => q!["code"]!.GetValue<string>() == DemoSurveySeeder.Code)!;
        Assert.Equal((DemoSurveySeeder.QuestionnaireId, 1, "Published"), (row["id"]!.GetValue<Guid>(), row["version"]!.GetValue<int>(), row["status"]!.GetValue<string>()));
        var view = (await homeAffairs.GetFromJsonAsync<JsonObject>($"/api/v1/surveys/questionnaires/{DemoSurveySeeder.QuestionnaireId}", ct))!;
        Assert.Equal(["AccessToService", "Procedure", "CivilServant", "ServiceResult", "FeedbackHandling"], view["measuredFactors"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Single(view["questions"]!.AsArray(), q => q!["kind"]!.GetValue<string>() == "Overall");
        Assert.Equal(4, view["demographics"]!.AsArray().Count);

        // A newcomer creates a campaign from it by hand: the questionnaire is usable as seeded.
        using var created = await homeAffairs.PostAsJsonAsync("/api/v1/surveys/campaigns", Surveys.SurveyApiDriver.Campaign(DemoSurveySeeder.QuestionnaireId), ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // A second run adds nothing.
        await harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            Assert.Equal(0, await DemoSurveySeeder.SeedAsync(db, ct));
            Assert.Equal(1, await db.SurveyQuestionnaires.CountAsync(q => q.Code == DemoSurveySeeder.Code, ct));
        });
    }

    [Fact]
    public void DemoData_Ids_AreStableAcrossRuns() =>
        // Pinned: seeded ids must not change between releases, or re-seeding would duplicate rows.
        Assert.Equal(DeterministicGuid.Create("unit:000.00.00.H56"), DemoData.UnitId(DemoData.ProvinceCode));
}
