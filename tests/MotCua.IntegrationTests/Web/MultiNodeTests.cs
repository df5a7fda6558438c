using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.Web;

public sealed class MultiNodeTests
{
    [Theory, AllDatabases]
    public async Task AuthCookie_IssuedByOneNode_IsAcceptedByAnother(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var nodeA = new MotCuaWebFactory(database);
        await using var nodeB = new MotCuaWebFactory(database);
        using var browserA = nodeA.CreateBrowser();
        using var browserB = nodeB.CreateBrowser();

        using var login = await MotCuaWebFactory.PostLoginAsync(browserA, "noivu@motcua.local", DemoData.Password, ct);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var authCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("motcua.auth=", StringComparison.Ordinal)).Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account");
        request.Headers.Add("Cookie", authCookie);
        using var response = await browserB.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Cầm Thị Phương", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync(ct));
    }
}
