using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.IntegrationTests.Notifications;
using MotCua.Persistence;
using MotCua.Web.Notifications;

namespace MotCua.IntegrationTests.Jobs;

public sealed class WebHostJobsTests
{
    [Theory, AllDatabases]
    public async Task AddMotCuaJobs_InTheWebApp_DeliversAnEnqueuedEmailOnceOverSmtp(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var smtp = TestSmtpServer.Start();
        await using var factory = new MotCuaWebFactory(database).WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Jobs:Enabled", "true");
            builder.UseSetting("Jobs:OutboxInterval", "00:00:00.200");
            builder.UseSetting("Jobs:IdleWaitTime", "00:00:01");
            builder.UseSetting("Smtp:Host", TestSmtpServer.Host);
            builder.UseSetting("Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Smtp:From", "motcua@tinh.gov.vn");
        });
        using var client = factory.CreateClient();
        await using (var db = database.CreateContext())
        {
            Outbox.Enqueue(db, OutboxFixtures.Email("web-host.1"), DateTime.UtcNow);
            await db.SaveChangesAsync(ct);
        }

        using var guard = CancellationTokenSource.CreateLinkedTokenSource(ct);
        guard.CancelAfter(TimeSpan.FromSeconds(60));
        await using var check = database.CreateContext();
        while (!await check.OutboxMessages.AnyAsync(m => m.SentAt != null, guard.Token))
        {
            await Task.Delay(100, guard.Token);
        }

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(["cong.dan@example.vn"], mail.Recipients);
        Assert.Equal(mail.MessageId, (await check.OutboxMessages.SingleAsync(ct)).MessageId);
    }
}
