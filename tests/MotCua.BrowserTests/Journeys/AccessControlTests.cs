using Microsoft.EntityFrameworkCore;
using MotCua.BrowserTests.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.BrowserTests.Infrastructure.Officers;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 8 §7 (e): in the browser, an officer of one commune cannot open another commune's dossier (the page
/// answers "not found", as the API does, so it does not even confirm that the dossier exists), a handling officer cannot
/// open another agency's, and a citizen cannot reach the staff pages. That a citizen cannot open another citizen's dossier
/// is checked inside journey (a) (<see cref="CitizenOnlineJourneyTests"/>), on the dossier that journey submits.</summary>
public sealed class AccessControlTests(Servers servers, Chromium chromium)
{
    [Theory, AllDatabases]
    public async Task OfficerOfOneCommune_CannotOpenAnotherCommunesDossier(DatabaseProvider provider)
    {
        await using var desk = await Session.StartAsync(servers, chromium, provider, javaScript: false);
        var (foreign, foreignUnit) = await ForeignDossierAsync(desk.Server);
        await desk.LoginAsync(Desk);

        Assert.Equal(404, await desk.GotoAsync($"/Desk/Dossier/{foreign}"));
        Assert.Equal("Không tìm thấy trang", (await desk.Page.Locator("h1").InnerTextAsync()).Trim());
        await desk.CheckAsync("desk-foreign-dossier");
        Assert.Equal(404, await desk.GotoAsync($"/Work/Dossier/{foreign}"));
        var list = await desk.GotoAsync($"/Work?unit={foreignUnit}");
        Assert.True(list is 403 or 404, $"another commune's work list answered {list}");
        Assert.DoesNotContain(foreign.ToString(), await desk.Page.ContentAsync(), StringComparison.Ordinal);

        await using var handler = await Session.StartAsync(servers, chromium, provider, javaScript: false);
        await handler.LoginAsync(Handler);
        Assert.Equal(404, await handler.GotoAsync($"/Work/Dossier/{foreign}"));
        await handler.CheckAsync("handler-foreign-dossier");
    }

    [Theory, AllDatabases]
    public async Task Citizen_CannotReachTheStaffPages(DatabaseProvider provider)
    {
        await using var citizen = await Session.StartAsync(servers, chromium, provider, javaScript: false);
        var (foreign, _) = await ForeignDossierAsync(citizen.Server);
        await citizen.LoginAsync("congdan@motcua.local");

        foreach (var path in new[] { "/Desk", $"/Desk/Dossier/{foreign}", "/Work", $"/Work/Dossier/{foreign}" })
        {
            var status = await citizen.GotoAsync(path);
            Assert.True(status is 403 or 404, $"{path} answered {status} to a citizen");
            Assert.DoesNotContain("Bản Hụm", await citizen.Page.ContentAsync(), StringComparison.Ordinal);
        }

        await citizen.CheckAsync("citizen-staff-page");
    }

    /// <summary>A demo dossier received by another commune and decided there (neither Tô Hiệu nor the Department of
    /// Justice), with its unit.</summary>
    private static async Task<(Guid Id, Guid Unit)> ForeignDossierAsync(AppServer server)
    {
        var mine = new[] { DemoData.UnitId(TuHieu), DemoData.UnitId(Justice) };
        await using var db = server.CreateContext();
        var dossier = await db.Dossiers.AsNoTracking()
            .Where(d => d.Code != null && !mine.Contains(d.ReceivingUnitId) && !mine.Contains(d.CompetentUnitId))
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.ReceivingUnitId })
            .FirstAsync(TestContext.Current.CancellationToken);
        return (dossier.Id, dossier.ReceivingUnitId);
    }
}
