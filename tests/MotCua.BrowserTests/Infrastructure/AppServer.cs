using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Statistics;

namespace MotCua.BrowserTests.Infrastructure;

/// <summary>The real app on Kestrel, on a free loopback port, over a fresh <see cref="TestDatabase"/> with the demo preset
/// (users, units, catalogue and the demo dossiers) seeded at start.</summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly Factory _factory;
    private readonly string _documents;
    private readonly SemaphoreSlim _statistics = new(1, 1);

    private AppServer(TestDatabase database, Factory factory, string documents, Uri address, ManualClock? clock)
    {
        _database = database;
        _factory = factory;
        _documents = documents;
        Address = address;
        Clock = clock;
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    public DatabaseProvider Provider => _database.Provider;

    /// <summary>The app's clock when the journey moves time (a dossier that runs late), or null on the real clock.</summary>
    public ManualClock? Clock { get; }

    /// <summary>A context on the app's database, for looking up what a journey needs (a dossier code …).</summary>
    public AppDbContext CreateContext() => _database.CreateContext();

    /// <summary>Brings the dossier statistics up to date, as the job would (the journeys' servers run no jobs). One at a
    /// time per server: two appliers at once both insert a new day row and one fails on its key, which the job, never
    /// run twice at once, cannot meet.</summary>
    public async Task ApplyStatisticsAsync()
    {
        await _statistics.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            await using var db = CreateContext();
            await DossierStatistics.ApplyAllQueuedAsync(db, TestContext.Current.CancellationToken);
        }
        finally
        {
            _statistics.Release();
        }
    }

    /// <summary>Starts the app over a fresh database for <paramref name="provider"/>; <paramref name="clock"/>, when given,
    /// replaces the app's <see cref="TimeProvider"/> (time is outside the system), null keeps the real clock.</summary>
    public static async Task<AppServer> StartAsync(DatabaseProvider provider, CancellationToken ct, ManualClock? clock = null)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var documents = Directory.CreateTempSubdirectory("motcua-browser-docs-").FullName;
        var factory = new Factory(database, documents, clock);
        factory.UseKestrel();
        // Migrations are already applied; starting runs the demo seed (a few seconds on PostgreSQL).
        await Task.Run(factory.StartServer, ct);
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return new AppServer(database, factory, documents, new Uri(address.TrimEnd('/') + "/"), clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_documents, recursive: true);
        _statistics.Dispose();
    }

    private sealed class Factory(TestDatabase database, string documents, ManualClock? clock) : WebApplicationFactory<MotCua.Web.SharedResource>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            // Port 0: the OS picks a free one, read back from the server's addresses.
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting($"ConnectionStrings:{database.Provider}", database.ConnectionString);
            builder.UseSetting("Seed:Demo", "true");
            builder.UseSetting("Seed:DemoDossiers", "true");
            builder.UseSetting("Documents:Root", documents);
            // The outbox drain and deadline jobs are not part of the journeys; the outbox rows they read are.
            builder.UseSetting("Jobs:Enabled", "false");
            if (clock is not null)
            {
                builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
            }
        }
    }
}
