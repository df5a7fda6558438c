using System.Net;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Portal;

/// <summary>/Portal/Notifications (issue 8 §5): the messages the notifier queued for the citizen's own dossiers, newest
/// first, one per event, each linking to the dossier; another citizen sees none of them.</summary>
public sealed class NotificationsPageTests
{
    [Theory, AllDatabases]
    public async Task Notifications_ListTheOwnersMessagesNewestFirst_AndNoOneElses(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (_, _, id) = await harness.OwnerAndOtherCitizenAsync(ct);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.DriveOnlineAsync(id, DossierStatus.DeskSupplementPending, ct);
        var (owner, _) = await harness.SignInAsync(Citizen, ct);
        var (other, _) = await harness.SignInAsync(OtherCitizen, ct);

        using var page = await owner.GetAsync("/Portal/Notifications", ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        var layout = await owner.GetStringAsync("/Portal", ct);
        var others = await other.GetStringAsync("/Portal/Notifications", ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.Contains("href=\"/Portal/Notifications\"", layout, StringComparison.Ordinal);
        // Two events (submission, then the desk's completion request), each once although e-mail and SMS were both queued.
        Assert.Equal(2, CountOf(html, $"href=\"/Portal/MyDossiers/{id}\""));
        Assert.Contains("Bản sao giấy xác nhận cư trú", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Bản sao giấy xác nhận cư trú", StringComparison.Ordinal) < html.LastIndexOf("<li class=\"card\">", StringComparison.Ordinal),
            "the newest notification (the completion request) comes first");
        Assert.DoesNotContain(id.ToString(), others, StringComparison.Ordinal);
        Assert.Contains("Chưa có thông báo nào.", others, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var (count, at) = (0, 0);
        while ((at = text.IndexOf(part, at, StringComparison.Ordinal)) >= 0)
        {
            (count, at) = (count + 1, at + part.Length);
        }

        return count;
    }
}
