using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Domain.Feedback.Pakn;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 9 §2: readers like a published answer on a 360-px phone without JavaScript, one reaction each; a reader
/// changes their mind and the tallies follow; the totals synchronised from DVCQG are not touched.</summary>
public sealed class PaknReactionJourneyTests(Servers servers, Chromium chromium)
{
    [Theory, AllDatabases]
    public async Task Readers_LikeAPublishedAnswer_OnAPhone_OneReactionEach_AndChangeTheirMind(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var subject = $"Giấy khai sinh của cha mẹ bị yêu cầu nộp lại {Guid.NewGuid():N}"[..60];
        var code = await PublishedPakn.CreateAsync(server, subject, ct);
        var search = "/Portal/Pakn?q=" + Uri.EscapeDataString(subject);

        await using var reader = await Session.StartAsync(server, chromium, javaScript: false, width: 360);
        var page = reader.Page;
        await reader.GotoAsync(search);
        var answer = page.Locator($"#react-{code}");
        await Assertions.Expect(answer.Locator(".reaction-tally")).ToContainTextAsync("0 thích, 0 không thích");
        await reader.CheckAsync("pakn-reaction-before");

        await reader.SubmitAsync(answer.Locator("button[value=Like]"));
        Assert.EndsWith($"#pub-{code}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(answer.Locator(".reaction-tally")).ToContainTextAsync("1 thích, 0 không thích");
        await Assertions.Expect(answer.Locator(".reaction-mine")).ToHaveTextAsync("Bạn đã chọn: thích.");
        await reader.CheckAsync("pakn-reaction-liked");

        // The same reader again: still one like.
        await reader.SubmitAsync(answer.Locator("button[value=Like]"));
        await Assertions.Expect(answer.Locator(".reaction-tally")).ToContainTextAsync("1 thích, 0 không thích");

        // Another reader likes it too; the first changes their mind.
        await using var other = await Session.StartAsync(server, chromium, javaScript: false, width: 360);
        await other.GotoAsync(search);
        await other.SubmitAsync(other.Page.Locator($"#react-{code} button[value=Like]"));
        await Assertions.Expect(other.Page.Locator($"#react-{code} .reaction-tally")).ToContainTextAsync("2 thích, 0 không thích");
        await reader.GotoAsync(search);
        await reader.SubmitAsync(answer.Locator("button[value=Dislike]"));
        await Assertions.Expect(answer.Locator(".reaction-tally")).ToContainTextAsync("1 thích, 1 không thích");
        await Assertions.Expect(answer.Locator(".reaction-mine")).ToHaveTextAsync("Bạn đã chọn: không thích.");
        await reader.CheckAsync("pakn-reaction-changed");

        await using var db = server.CreateContext();
        var pakn = await db.PaknCases.AsNoTracking().SingleAsync(c => c.Subject == subject, ct);
        var reactions = await db.PaknReactions.AsNoTracking().Where(r => r.CaseId == pakn.Id).ToListAsync(ct);
        Assert.Equal([PaknReactionKind.Like, PaknReactionKind.Dislike], reactions.Select(r => r.Kind).Order());
        Assert.Equal((0, 0), (pakn.Likes, pakn.Dislikes));
    }
}
