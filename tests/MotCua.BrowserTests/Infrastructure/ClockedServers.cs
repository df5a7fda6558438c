using System.Collections.Concurrent;
using MotCua.Domain.Calendar;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.BrowserTests.Infrastructure;

/// <summary>One app per database whose clock the journeys move (a dossier that runs late, a delivery the next day), for
/// the one test class that uses it (a class fixture: its tests run one after another, and time only moves forward).
/// The clock starts on the next Tuesday at 09:00 Vietnam time, so receipts happen in office hours on a working day
/// whenever the suite runs.</summary>
public sealed class ClockedServers : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<AppServer>>> _servers = new();

    public Task<AppServer> ForAsync(DatabaseProvider provider) =>
        _servers.GetOrAdd(provider, p => new Lazy<Task<AppServer>>(() => AppServer.StartAsync(p, CancellationToken.None, new ManualClock(Start())))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers.Values.Where(s => s.IsValueCreated))
        {
            if (server.Value.IsCompletedSuccessfully)
            {
                await server.Value.Result.DisposeAsync();
            }
        }
    }

    private static DateTimeOffset Start()
    {
        var today = VietnamTime.ToLocal(DateTime.UtcNow).Date;
        var days = ((int)DayOfWeek.Tuesday - (int)today.DayOfWeek + 7) % 7;
        var tuesday = today.AddDays(days == 0 ? 7 : days).AddHours(9);
        return new DateTimeOffset(VietnamTime.ToUtc(DateTime.SpecifyKind(tuesday, DateTimeKind.Unspecified)), TimeSpan.Zero);
    }
}
