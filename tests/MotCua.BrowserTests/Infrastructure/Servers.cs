using System.Collections.Concurrent;
using MotCua.Persistence;

namespace MotCua.BrowserTests.Infrastructure;

/// <summary>One app server per database for the whole run (assembly fixture), started on first use; journeys keep out of
/// each other's way by creating their own accounts and dossiers, or by only reading the demo data.</summary>
public sealed class Servers : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<AppServer>>> _servers = new();

    public Task<AppServer> ForAsync(DatabaseProvider provider) =>
        _servers.GetOrAdd(provider, p => new Lazy<Task<AppServer>>(() => AppServer.StartAsync(p, CancellationToken.None))).Value;

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
}
