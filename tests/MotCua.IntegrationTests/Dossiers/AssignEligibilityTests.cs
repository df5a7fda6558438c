using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Access;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Identity;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>Assign accepts only an active handling officer of the dossier's competent unit (issue 7 item 3).</summary>
public sealed class AssignEligibilityTests
{
    [Theory, AllDatabases]
    public async Task Assign_OnlyToAnActiveHandlerOfTheCompetentUnit(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var head = await harness.ClientAsync(Head, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        var version = await FireStepsAsync(id, 1, ct, (desk, "Transfer", null));
        var otherUnitHandler = await harness.CreateStaffAsync("chuyenvien.tuhieu@motcua.local", StaffRole.HandlingOfficer, TuHieu, ct);
        var lockedHandler = await harness.CreateStaffAsync("chuyenvien.khoa@motcua.local", StaffRole.HandlingOfficer, Justice, ct);
        var competentDesk = await harness.CreateStaffAsync("tiepnhan.sotuphap@motcua.local", StaffRole.DeskOfficer, Justice, ct);
        await harness.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(lockedHandler.ToString()))!, DateTimeOffset.MaxValue);
        });

        foreach (var (officer, why) in new[]
        {
            (DemoData.UserId(Citizen), "không giữ vai trò chuyên viên xử lý"),
            (Guid.NewGuid(), "không tồn tại"),
            (lockedHandler, "đang bị khóa"),
            (otherUnitHandler, "không giữ vai trò chuyên viên xử lý"),
            (competentDesk, "không giữ vai trò chuyên viên xử lý"),
        })
        {
            using var refused = await FireAsync(head, id, "Assign", version, ct, new { officerId = officer });
            var problem = await ReadAsync(refused, ct);
            Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, problem.ToJsonString());
            Assert.Equal("dossier.assignee_not_eligible", problem["rule"]!.GetValue<string>());
            Assert.Contains("Chỉ được giao hồ sơ cho chuyên viên xử lý", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains(why, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var assigned = await FireStepsAsync(id, version, ct, (head, "Assign", new { officerId = DemoData.UserId(Handler) }));
        Assert.Equal(version + 1, assigned);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(assigned, db.Dossiers.Single(d => d.Id == id).Version);
    }
}
