using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Access;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Catalogue.Fixture;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Identity;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>The web app on a fresh database with the demo preset and the procedure catalogue, a fixed clock (Tuesday
/// 24 Nov 2026, 09:00 Vietnam time) and bearer-token clients per demo user.</summary>
public sealed class DossierApiHarness : IAsyncDisposable
{
    public const string TuHieu = "000.00.41.H56";
    public const string ChiengAn = "000.00.42.H56";
    public const string Justice = "000.00.03.H56";
    public const string Desk = "tiepnhan@motcua.local";
    public const string Handler = "chuyenvien@motcua.local";
    public const string Head = "lanhdao@motcua.local";
    public const string OtherDesk = "tiepnhan.chiengan@motcua.local";
    public const string Citizen = "congdan@motcua.local";
    public const string Admin = "admin@motcua.local";
    public const string OtherCitizen = "congdan.khac@motcua.local";

    public static readonly DateTimeOffset Start = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    private readonly List<HttpClient> _clients = [];

    private DossierApiHarness(TestDatabase database, WebApplicationFactory<MotCua.Web.SharedResource> factory, MotCuaWebFactory root)
    {
        Database = database;
        Factory = factory;
        Root = root;
    }

    public TestDatabase Database { get; }

    public WebApplicationFactory<MotCua.Web.SharedResource> Factory { get; }

    private MotCuaWebFactory Root { get; }

    public ManualClock Clock { get; } = new(Start);

    /// <summary>When set, any INSERT into DossierHistory throws (a crash after the domain change, before commit).</summary>
    public FailingHistoryInsert Failer { get; } = new();

    public Procedure Procedure { get; private set; } = null!;

    public static Guid Unit(string code) => DemoData.UnitId(code);

    /// <summary>Starts the app on a new migrated database; <paramref name="kestrel"/> serves it on a real loopback socket
    /// instead of the in-memory test server, for what only the real server does (its own error answers, request
    /// limits).</summary>
    public static async Task<DossierApiHarness> StartAsync(
        DatabaseProvider provider, CancellationToken ct, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null,
        bool kestrel = false)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var root = new MotCuaWebFactory(database);
        DossierApiHarness? harness = null;
        var factory = root.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                b.UseSetting(key, value);
            }

            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(_ => harness!.Clock);
                s.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(harness!.Failer));
                services?.Invoke(s);
            });
        });
        harness = new DossierApiHarness(database, factory, root);
        if (kestrel)
        {
            factory.UseKestrel(0);
            factory.StartServer();
        }
        else
        {
            _ = factory.Server;
        }

        await harness.SeedAsync(ct);
        return harness;
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(DataRoot.Find(AppContext.BaseDirectory), "src", "MotCua.Persistence", "Seeding", "Procedures", "procedures.json"), ct);
        var procedures = ProcedureFixture.Parse(json).Value;
        Procedure = procedures.First(p => p.ProcessingTime.Unit == Domain.Calendar.ProcessingTimeUnit.WorkingDay && ProcedureTerms.From(p).IsSuccess);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await db.Procedures.AnyAsync(ct))
        {
            db.Procedures.AddRange(procedures);
            await db.SaveChangesAsync(ct);
        }

        await CreateStaffAsync(OtherDesk, StaffRole.DeskOfficer, ChiengAn, ct);
    }

    /// <summary>A new staff account holding <paramref name="role"/> on the unit <paramref name="unitCode"/>; returns its id.</summary>
    public async Task<Guid> CreateStaffAsync(string email, StaffRole role, string unitCode, CancellationToken ct)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, FullName = "Cán bộ " + email };
        var created = await users.CreateAsync(user, DemoData.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        db.StaffRoleAssignments.Add(StaffRoleAssignment.Create(Guid.NewGuid(), user.Id, role, Unit(unitCode), false, DemoData.ReformDay));
        await db.SaveChangesAsync(ct);
        return user.Id;
    }

    /// <summary>A browser (cookie jar, no redirects followed) signed in through the login page, and its login cookie as
    /// a <c>Cookie</c> header value, to replay from another client after the browser has moved on.</summary>
    public async Task<(HttpClient Browser, string Cookie)> SignInAsync(string email, CancellationToken ct)
    {
        var jar = new CookieContainer();
        var browser = Factory.CreateDefaultClient(new CookieContainerHandler(jar));
        _clients.Add(browser);
        using var login = await MotCuaWebFactory.PostLoginAsync(browser, email, DemoData.Password, ct);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = jar.GetCookies(browser.BaseAddress!)["motcua.auth"];
        Assert.NotNull(cookie);
        return (browser, $"{cookie.Name}={cookie.Value}");
    }

    /// <summary>A client that sends only <paramref name="cookie"/> (no bearer token, no cookie jar).</summary>
    public HttpClient WithCookie(string cookie)
    {
        var client = Factory.CreateDefaultClient();
        _clients.Add(client);
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Runs <paramref name="action"/> with a scope of the app's services (its DbContext, UserManager …).</summary>
    public async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public HttpClient Anonymous()
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = Factory.ClientOptions.BaseAddress });
        _clients.Add(client);
        return client;
    }

    public async Task<HttpClient> ClientAsync(string email, CancellationToken ct)
    {
        var client = Anonymous();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = email, password = DemoData.Password }, ct);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public object CounterBody(string? name = null, string unit = TuHieu, string competent = Justice, string channel = "InPerson") => new
    {
        channel,
        procedureId = Procedure.Id,
        receivingUnitId = Unit(unit),
        competentUnitId = Unit(competent),
        applicant = new { fullName = name ?? "Nguyễn Văn Bình", identityNumber = "034095001234", phone = "0912345678", email = "binh@example.vn", address = "12 Tô Hiệu" },
    };

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response, CancellationToken ct) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!;

    public async Task<JsonObject> CreateAsync(HttpClient client, CancellationToken ct, object? body = null)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/dossiers", body ?? CounterBody(), ct);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
        return await ReadAsync(response, ct);
    }

    /// <summary>A new online dossier submitted by <paramref name="citizen"/> (status Submitted, version 1).</summary>
    public async Task<Guid> CreateOnlineAsync(HttpClient citizen, CancellationToken ct) =>
        (await CreateAsync(citizen, ct, CounterBody(channel: "Online")))["id"]!.GetValue<Guid>();

    /// <summary>A second citizen account (Identity role Citizen, no unit).</summary>
    public async Task CreateCitizenAsync(string email, CancellationToken ct)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, FullName = "Trần Thị Hoa" };
        var created = await users.CreateAsync(user, DemoData.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var role = await users.AddToRoleAsync(user, nameof(StaffRole.Citizen));
        Assert.True(role.Succeeded, string.Join("; ", role.Errors.Select(e => e.Description)));
    }

    /// <summary>Clients for the demo citizen (the owner) and a second citizen, and a new online dossier of the owner.</summary>
    public async Task<(HttpClient Owner, HttpClient Other, Guid Id)> OwnerAndOtherCitizenAsync(CancellationToken ct)
    {
        await CreateCitizenAsync(OtherCitizen, ct);
        var owner = await ClientAsync(Citizen, ct);
        return (owner, await ClientAsync(OtherCitizen, ct), await CreateOnlineAsync(owner, ct));
    }

    /// <summary>Staff take a fresh online dossier (version 1, Submitted) to <paramref name="target"/>: a desk supplement
    /// request, acceptance, or an agency supplement request during appraisal. Returns the dossier's version.</summary>
    public async Task<int> DriveOnlineAsync(Guid id, DossierStatus target, CancellationToken ct)
    {
        var (desk, head, handler) = (await ClientAsync(Desk, ct), await ClientAsync(Head, ct), await ClientAsync(Handler, ct));
        var supplement = new { reason = "Thiếu giấy tờ", items = new[] { "Bản sao giấy xác nhận cư trú" } };
        (HttpClient, string, object?)[] steps = target switch
        {
            DossierStatus.DeskSupplementPending => [(desk, "RequestDeskSupplement", supplement)],
            DossierStatus.Received => [(desk, "Accept", null)],
            DossierStatus.SupplementRequested =>
            [
                (desk, "Accept", null), (desk, "Transfer", null), (head, "Assign", new { officerId = DemoData.UserId(Handler) }),
                (handler, "StartAppraisal", null), (handler, "RequestSupplement", supplement),
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
        };
        return await FireStepsAsync(id, 1, ct, steps);
    }

    /// <summary>Fires each step from <paramref name="version"/>, asserting 200; returns the version after the last.</summary>
    public static async Task<int> FireStepsAsync(Guid id, int version, CancellationToken ct, params (HttpClient Client, string Trigger, object? Extra)[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var (client, trigger, extra) in steps)
        {
            using var response = await FireAsync(client, id, trigger, version, ct, extra);
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{trigger}: {await response.Content.ReadAsStringAsync(ct)}");
            version = (await ReadAsync(response, ct))["version"]!.GetValue<int>();
        }

        return version;
    }

    public static Task<HttpResponseMessage> FireAsync(HttpClient client, Guid id, string trigger, int version, CancellationToken ct, object? extra = null)
    {
        var body = JsonSerializer.SerializeToNode(extra ?? new { })!.AsObject();
        body["trigger"] = trigger;
        body["version"] = version;
        return client.PostAsJsonAsync($"/api/v1/dossiers/{id}/transitions", body, ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Factory.DisposeAsync();
        await Root.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Throws on INSERT INTO DossierHistory while <see cref="Enabled"/>.</summary>
    public sealed class FailingHistoryInsert : DbCommandInterceptor
    {
        public bool Enabled { get => Volatile.Read(ref _enabled); set => Volatile.Write(ref _enabled, value); }

        private bool _enabled;

        public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Check(System.Data.Common.DbCommand command)
        {
            if (Enabled && command.CommandText.Contains("INSERT INTO \"DossierHistory\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Simulated crash before commit.");
            }
        }
    }
}
