using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Access;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>The work list's counters (GET /api/v1/dossiers/counts) count exactly the rows the matching list filters
/// return: per unit, and for an account reading both the receiving and the competent unit, where a dossier received
/// and decided inside the scope is one dossier, not two.</summary>
public sealed class DossierCountsTests
{
    private const string BothSides = "tonghop@motcua.local";

    [Theory, AllDatabases]
    public async Task Counts_EqualTheFilteredLists_PerUnitAndAcrossBothSides(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var both = await harness.CreateStaffAsync(BothSides, StaffRole.AgencyHead, Justice, ct);
        await harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.StaffRoleAssignments.Add(StaffRoleAssignment.Create(Guid.NewGuid(), both, StaffRole.AgencyHead, Unit(TuHieu), false, DemoData.ReformDay));
            await db.SaveChangesAsync(ct);
        });

        // Overdue: received first. Three days later: due soon (one decided by Justice, one by the receiving commune
        // itself) and one waiting for the applicant's supplement.
        var desk = await harness.ClientAsync(Desk, ct);
        await harness.CreateAsync(desk, ct);
        harness.Clock.Advance(TimeSpan.FromDays(3));
        desk = await harness.ClientAsync(Desk, ct);
        var dueSoon = await harness.CreateAsync(desk, ct);
        await harness.CreateAsync(desk, ct, harness.CounterBody(competent: TuHieu));
        var (_, _, waiting) = await harness.OwnerAndOtherCitizenAsync(ct);
        await harness.DriveOnlineAsync(waiting, DossierStatus.SupplementRequested, ct);
        harness.Clock.Advance(dueSoon["appointmentAt"]!.GetValue<DateTime>().ToUniversalTime() - harness.Clock.UtcNow - TimeSpan.FromHours(2));

        var expected = new Dictionary<(string User, string? Unit), (int DueSoon, int Overdue, int Waiting)>
        {
            [(Head, Justice)] = (1, 1, 1),
            [(Desk, TuHieu)] = (2, 1, 1),
            [(BothSides, null)] = (2, 1, 1),
            [(BothSides, Justice)] = (1, 1, 1),
        };
        foreach (var ((user, unit), (soon, overdue, paused)) in expected)
        {
            var client = await harness.ClientAsync(user, ct);
            var scope = unit is null ? "" : $"unit={Unit(unit)}";
            var counts = await client.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers/counts?{scope}", ct);
            var listed = (
                await CountListedAsync(client, $"dueSoon=true&{scope}", ct),
                await CountListedAsync(client, $"overdue=true&{scope}", ct),
                await CountListedAsync(client, $"waiting=true&{scope}", ct));
            var counted = (counts!["dueSoon"]!.GetValue<int>(), counts["overdue"]!.GetValue<int>(), counts["waitingForApplicant"]!.GetValue<int>());
            Assert.True((soon, overdue, paused) == listed, $"{user} {unit}: the lists hold {listed}");
            Assert.True(listed == counted, $"{user} {unit}: lists {listed}, counters {counted}");
        }
    }

    /// <summary>The counters are kept a short while per scope (<c>WorkCountsCache</c>): a save that changes one of the
    /// scope's dossiers shows at once; a dossier that becomes overdue by the clock alone shows within 30 seconds.</summary>
    [Theory, AllDatabases]
    public async Task Counts_FollowASaveAtOnce_AndTheClockWithinHalfAMinute(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var counter = await harness.CreateAsync(desk, ct);
        var (_, _, waiting) = await harness.OwnerAndOtherCitizenAsync(ct);
        var head = await harness.ClientAsync(Head, ct);
        var kept = await CountsAsync(head, ct);

        await harness.DriveOnlineAsync(waiting, DossierStatus.SupplementRequested, ct);
        var afterSave = await CountsAsync(head, ct);
        Assert.Equal(kept with { Waiting = kept.Waiting + 1 }, afterSave);

        var appointment = counter["appointmentAt"]!.GetValue<DateTime>().ToUniversalTime();
        harness.Clock.Advance(appointment - harness.Clock.UtcNow - TimeSpan.FromSeconds(10));
        head = await harness.ClientAsync(Head, ct);
        var dueSoon = await CountsAsync(head, ct);
        Assert.Equal(afterSave with { DueSoon = afterSave.DueSoon + 1 }, dueSoon);

        harness.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(dueSoon, await CountsAsync(head, ct));
        harness.Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(dueSoon with { DueSoon = dueSoon.DueSoon - 1, Overdue = dueSoon.Overdue + 1 }, await CountsAsync(head, ct));
    }

    private static async Task<Standing> CountsAsync(HttpClient client, CancellationToken ct)
    {
        var counts = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers/counts?unit={Unit(Justice)}", ct))!;
        return new Standing(counts["dueSoon"]!.GetValue<int>(), counts["overdue"]!.GetValue<int>(), counts["waitingForApplicant"]!.GetValue<int>());
    }

    private sealed record Standing(int DueSoon, int Overdue, int Waiting);

    private static async Task<int> CountListedAsync(HttpClient client, string query, CancellationToken ct) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers?limit=200&{query}", ct))!["items"]!.AsArray().Count;
}
