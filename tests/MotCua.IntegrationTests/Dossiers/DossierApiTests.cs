using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Dossiers;

public sealed class DossierApiTests
{
    [Theory, AllDatabases]
    public async Task Create_200ConcurrentCounterReceipts_GiveConsecutiveCodes(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            clients.Add(await harness.ClientAsync(Desk, ct));
        }

        var created = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => harness.CreateAsync(clients[i % clients.Count], ct, harness.CounterBody($"Người nộp {i}")), ct)));

        var codes = created.Select(c => c["code"]!.GetValue<string>()).ToList();
        var expected = Enumerable.Range(1, 200).Select(n => $"{TuHieu}-261124-{n:D4}").ToList();
        Assert.Equal(expected, codes.Order(StringComparer.Ordinal).ToList());
        var registerNumbers = created.Select(c => c["registerNumber"]!.GetValue<int>()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 200).ToList(), registerNumbers);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(200, await db.Dossiers.CountAsync(ct));
        Assert.Equal(200, (await db.DossierCodeCounters.SingleAsync(ct)).LastSequence);
    }

    [Theory, AllDatabases]
    public async Task Transition_ConcurrentOnOneDossier_OneWinnerRest409(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => FireAsync(desk, id, "Transfer", 1, ct), ct)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var db = harness.Database.CreateContext();
        Assert.Equal(2, await db.DossierHistory.CountAsync(h => h.DossierId == id, ct));
        Assert.Equal(2, (await db.Dossiers.SingleAsync(ct)).Version);
    }

    [Theory, AllDatabases]
    public async Task Transition_StaleVersion_Returns409(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        using var first = await FireAsync(desk, id, "Transfer", 1, ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var stale = await FireAsync(desk, id, "Withdraw", 1, ct);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("api.stale_version", (await ReadAsync(stale, ct))["rule"]!.GetValue<string>());
    }

    [Theory, AllDatabases]
    public async Task Create_IdempotentRetries_CreateNothingNew(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var body = harness.CounterBody();

        async Task<HttpResponseMessage> PostAsync(string key, object payload)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(payload) };
            request.Headers.Add("Idempotency-Key", key);
            return await desk.SendAsync(request, ct);
        }

        var sequential = new List<JsonObject>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostAsync("seq-1", body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            sequential.Add(await ReadAsync(response, ct));
        }

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => PostAsync("conc-1", body), ct)));
        using var reused = await PostAsync("seq-1", harness.CounterBody("Người khác"));

        Assert.Single(sequential.Select(r => r.ToJsonString()).Distinct());
        Assert.All(concurrent, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var concurrentBodies = await Task.WhenAll(concurrent.Select(r => r.Content.ReadAsStringAsync(ct)));
        Assert.Single(concurrentBodies.Distinct());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("api.idempotency_key_reused", (await ReadAsync(reused, ct))["rule"]!.GetValue<string>());
        await using var db = harness.Database.CreateContext();
        Assert.Equal(2, await db.Dossiers.CountAsync(ct));
        Assert.Equal(2, (await db.DossierCodeCounters.SingleAsync(ct)).LastSequence);
    }

    [Theory, AllDatabases]
    public async Task Accept_RetriedWithSameIdempotencyKey_AnswersAsFirstAndNumbersOnce(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = await harness.CreateOnlineAsync(await harness.ClientAsync(Citizen, ct), ct);

        async Task<HttpResponseMessage> AcceptAsync(string key, string? note = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{id}/transitions")
            {
                Content = JsonContent.Create(new { trigger = "Accept", version = 1, note }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await desk.SendAsync(request, ct);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => AcceptAsync("accept-1"), ct)));
        using var again = await AcceptAsync("accept-1");
        using var otherRequest = await AcceptAsync("accept-1", note: "khác");
        using var withoutKey = await FireAsync(desk, id, "Accept", 1, ct);

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(answers.Append(again).Select(r => r.Content.ReadAsStringAsync(ct)));
        Assert.Single(bodies.Distinct());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherRequest.StatusCode);
        Assert.Equal("api.idempotency_key_reused", (await ReadAsync(otherRequest, ct))["rule"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, withoutKey.StatusCode);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(1, (await db.DossierCodeCounters.SingleAsync(ct)).LastSequence);
        Assert.Equal(1, await db.DossierRegisterEntries.CountAsync(e => e.DossierId == id, ct));
        Assert.Equal(2, (await db.Dossiers.SingleAsync(d => d.Id == id, ct)).Version);
    }

    [Theory, AllDatabases]
    public async Task Transition_CrashBeforeCommit_LeavesNoTrace(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var received = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        var online = (await harness.CreateAsync(desk, ct, harness.CounterBody(channel: "Online")))["id"]!.GetValue<Guid>();
        await using var before = harness.Database.CreateContext();
        var countersBefore = await before.DossierCodeCounters.Select(c => c.LastSequence).SingleAsync(ct);
        var registerBefore = await before.RegisterBookCounters.Select(c => c.LastNumber).SingleAsync(ct);

        harness.Failer.Enabled = true;
        using var transfer = await FireAsync(desk, received, "Transfer", 1, ct);
        using var accept = await FireAsync(desk, online, "Accept", 1, ct);
        harness.Failer.Enabled = false;

        Assert.Equal(HttpStatusCode.InternalServerError, transfer.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, accept.StatusCode);
        await using var db = harness.Database.CreateContext();
        var dossiers = await db.Dossiers.AsNoTracking().ToListAsync(ct);
        Assert.All(dossiers, d => Assert.Equal(1, d.Version));
        Assert.Equal(2, await db.DossierHistory.CountAsync(ct));
        Assert.Null(dossiers.Single(d => d.Id == online).Code);
        Assert.Equal(countersBefore, await db.DossierCodeCounters.Select(c => c.LastSequence).SingleAsync(ct));
        Assert.Equal(registerBefore, await db.RegisterBookCounters.Select(c => c.LastNumber).SingleAsync(ct));
        Assert.Empty(await db.DossierSteps().Where(s => s.CompletedAt != null).ToListAsync(ct));

        using var retried = await FireAsync(desk, online, "Accept", 1, ct);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal($"{TuHieu}-261124-0002", (await ReadAsync(retried, ct))["code"]!.GetValue<string>());
    }

    [Theory, AllDatabases]
    public async Task Authorisation_WrongRoleOrUnit_Returns403(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var otherDesk = await harness.ClientAsync(OtherDesk, ct);
        var handler = await harness.ClientAsync(Handler, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();

        using var otherUnitTransfer = await FireAsync(otherDesk, id, "Transfer", 1, ct);
        using var otherUnitCreate = await otherDesk.PostAsJsonAsync("/api/v1/dossiers", harness.CounterBody(), ct);
        using var otherUnitGet = await otherDesk.GetAsync($"/api/v1/dossiers/{id}", ct);
        using var wrongRole = await FireAsync(handler, id, "Transfer", 1, ct);
        using var handlerCreates = await handler.PostAsJsonAsync("/api/v1/dossiers", harness.CounterBody(), ct);
        using var anonymous = await harness.Anonymous().GetAsync($"/api/v1/dossiers/{id}", ct);

        Assert.Equal(HttpStatusCode.Forbidden, otherUnitTransfer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherUnitCreate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherUnitGet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Equal("dossier.role_not_allowed", (await ReadAsync(wrongRole, ct))["rule"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, handlerCreates.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(1, await db.DossierHistory.CountAsync(ct));
        Assert.Equal(1, await db.Dossiers.CountAsync(ct));
    }

    [Theory, AllDatabases]
    public async Task Transition_NotInTable_Returns422NamingTheRule(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var head = await harness.ClientAsync(Head, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();

        using var response = await FireAsync(head, id, "Approve", 1, ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(response, ct);
        Assert.Equal("dossier.transition_not_allowed", problem["rule"]!.GetValue<string>());
        Assert.Equal("TransitionNotAllowed", problem["errorCode"]!.GetValue<string>());
    }

    [Theory, AllDatabases]
    public async Task Create_ProcedureVersionNotInForce_Returns422AndCreatesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        Guid expired;
        await using (var db = harness.Database.CreateContext())
        {
            // The seed keeps the pre-2025 version of some procedures (closed on 2025-06-30) beside the current one.
            expired = await db.Procedures.Where(p => p.ValidTo != null && p.ValidTo < new DateOnly(2026, 1, 1)).Select(p => p.Id).FirstAsync(ct);
        }

        using var response = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            channel = "InPerson",
            procedureId = expired,
            receivingUnitId = Unit(TuHieu),
            competentUnitId = Unit(Justice),
            applicant = new { fullName = "Lò Văn Minh", identityNumber = "034095001299", phone = "0912345679", email = "minh@example.vn", address = "Tô Hiệu" },
        }, ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("dossier.procedure_not_in_force", (await ReadAsync(response, ct))["rule"]!.GetValue<string>());
        await using var check = harness.Database.CreateContext();
        Assert.Equal(0, await check.Dossiers.CountAsync(ct));
        Assert.Equal(0, await check.DossierCodeCounters.CountAsync(ct));
    }

    [Theory, AllDatabases]
    public async Task MainPath_ThroughTheApi_ReachesReturnedWithHistoryAndAllowedTriggers(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var handler = await harness.ClientAsync(Handler, ct);
        var head = await harness.ClientAsync(Head, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        var handlerId = DemoData.UserId(Handler);

        (HttpClient Client, string Trigger, object? Extra)[] steps =
        [
            (desk, "Transfer", null), (head, "Assign", new { officerId = handlerId }), (handler, "StartAppraisal", null),
            (handler, "SubmitForApproval", null), (head, "Approve", null), (desk, "ReturnResult", null),
        ];
        var version = 1;
        foreach (var (client, trigger, extra) in steps)
        {
            using var response = await FireAsync(client, id, trigger, version, ct, extra);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{trigger}: {await response.Content.ReadAsStringAsync(ct)}");
            var fired = await ReadAsync(response, ct);
            // The answer is the new state and the entry just appended, at the sequence the caller's version named;
            // no applicant, so firing a trigger is not a read of personal data.
            Assert.Equal(trigger, fired["entry"]!["trigger"]!.GetValue<string>());
            Assert.Equal(version, fired["entry"]!["sequence"]!.GetValue<int>());
            Assert.Null(fired["applicant"]);
            version = fired["version"]!.GetValue<int>();
        }

        using var get = await desk.GetAsync($"/api/v1/dossiers/{id}", ct);
        var view = await ReadAsync(get, ct);
        Assert.Equal("Returned", view["status"]!.GetValue<string>());
        Assert.Equal(7, view["history"]!.AsArray().Count);
        Assert.Equal(Enumerable.Range(0, 7), view["history"]!.AsArray().Select(h => h!["sequence"]!.GetValue<int>()));
        await using (var db = harness.Database.CreateContext())
        {
            // Entries appended without loading the history still chain onto the stored head.
            Assert.Null((await HistoryAudit.VerifyAsync(db, ct: ct)).BrokenDossierId);
        }

        Assert.DoesNotContain("CorrectResult", view["allowedTriggers"]!.AsArray().Select(t => t!.GetValue<string>()));
        using var headGet = await head.GetAsync($"/api/v1/dossiers/{id}", ct);
        Assert.Contains("CorrectResult", (await ReadAsync(headGet, ct))["allowedTriggers"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Theory, AllDatabases]
    public async Task Get_ByStaff_AppendsAuditRowWithoutPersonalData(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();

        using var first = await desk.GetAsync($"/api/v1/dossiers/{id}", ct);
        using var second = await desk.GetAsync($"/api/v1/dossiers/{id}", ct);

        Assert.Equal("034095001234", (await ReadAsync(first, ct))["applicant"]!["identityNumber"]!.GetValue<string>());
        await using var db = harness.Database.CreateContext();
        var rows = await db.PersonalDataAccessLog.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(DemoData.UserId(Desk), r.UserId);
            Assert.Equal(id, r.DossierId);
            Assert.Equal(Start.UtcDateTime, r.At);
            Assert.Equal(GetDossierPurpose, r.Purpose);
        });
    }

    private const string GetDossierPurpose = "api.dossier.get";

    [Theory, AllDatabases]
    public async Task PublicLookup_ShowsNoPersonalData_AndIsRateLimited(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, new Dictionary<string, string> { ["RateLimits:PublicLookup:PermitLimit"] = "3" });
        var desk = await harness.ClientAsync(Desk, ct);
        var code = (await harness.CreateAsync(desk, ct))["code"]!.GetValue<string>();
        var anonymous = harness.Anonymous();

        using var found = await anonymous.GetAsync($"/api/v1/public/dossiers/{code}", ct);
        var text = await found.Content.ReadAsStringAsync(ct);
        using var missing = await anonymous.GetAsync($"/api/v1/public/dossiers/{TuHieu}-261124-0099", ct);
        using var third = await anonymous.GetAsync($"/api/v1/public/dossiers/{code}", ct);
        using var limited = await anonymous.GetAsync($"/api/v1/public/dossiers/{code}", ct);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains(harness.Procedure.Name, JsonNode.Parse(text)!["procedureName"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Received", JsonNode.Parse(text)!["status"]!.GetValue<string>());
        foreach (var personal in new[] { "Nguyễn Văn Bình", "034095001234", "0912345678", "binh@example.vn", "12 Tô Hiệu", "applicant" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("api.rate_limited", (await ReadAsync(limited, ct))["rule"]!.GetValue<string>());
    }

    [Theory, AllDatabases]
    public async Task List_FiltersAndKeysetPaging_CoverEveryRowOnce(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var otherDesk = await harness.ClientAsync(OtherDesk, ct);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>());
            harness.Clock.Advance(TimeSpan.FromMinutes(i % 2));
        }

        await harness.CreateAsync(otherDesk, ct, harness.CounterBody(unit: ChiengAn, competent: ChiengAn));
        using var transfer = await FireAsync(desk, ids[0], "Transfer", 1, ct);
        Assert.Equal(HttpStatusCode.OK, transfer.StatusCode);

        var seen = new List<Guid>();
        string? after = null;
        var pages = 0;
        do
        {
            var url = $"/api/v1/dossiers?unit={Unit(TuHieu)}&limit=2" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
            var page = await ReadAsync(await desk.GetAsync(url, ct), ct);
            seen.AddRange(page["items"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()));
            after = page["next"]?.GetValue<string>();
            pages++;
        }
        while (after is not null);

        var transferred = await ReadAsync(await desk.GetAsync("/api/v1/dossiers?status=Transferred", ct), ct);
        var received = await ReadAsync(await desk.GetAsync("/api/v1/dossiers?status=Received", ct), ct);
        using var outOfScope = await desk.GetAsync($"/api/v1/dossiers?unit={Unit(ChiengAn)}", ct);
        using var tooMany = await desk.GetAsync("/api/v1/dossiers?limit=201", ct);
        var overdueNow = await ReadAsync(await desk.GetAsync("/api/v1/dossiers?overdue=true", ct), ct);
        harness.Clock.Advance(TimeSpan.FromDays(120));
        var later = await harness.ClientAsync(Desk, ct);
        var overdueLater = await ReadAsync(await later.GetAsync("/api/v1/dossiers?overdue=true", ct), ct);

        Assert.Equal(3, pages);
        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal([ids[0]], transferred["items"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()));
        Assert.Equal(4, received["items"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.Forbidden, outOfScope.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Empty(overdueNow["items"]!.AsArray());
        Assert.Equal(5, overdueLater["items"]!.AsArray().Count);
    }

    [Theory, AllDatabases]
    public async Task List_DueSoonAndOverdue_FollowTheAppointment(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var created = await harness.CreateAsync(desk, ct);
        var appointment = created["appointmentAt"]!.GetValue<DateTime>().ToUniversalTime();

        async Task<(int DueSoon, int Overdue)> CountsAsync()
        {
            var client = await harness.ClientAsync(Desk, ct);
            var dueSoon = await ReadAsync(await client.GetAsync("/api/v1/dossiers?dueSoon=true", ct), ct);
            var overdue = await ReadAsync(await client.GetAsync("/api/v1/dossiers?overdue=true", ct), ct);
            return (dueSoon["items"]!.AsArray().Count, overdue["items"]!.AsArray().Count);
        }

        var atReceipt = await CountsAsync();
        harness.Clock.Advance(appointment - harness.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(2));
        var twoHoursBefore = await CountsAsync();
        harness.Clock.Advance(TimeSpan.FromHours(3));
        var oneHourAfter = await CountsAsync();

        Assert.Equal((0, 0), atReceipt);
        Assert.Equal((1, 0), twoHoursBefore);
        Assert.Equal((0, 1), oneHourAfter);
    }

    [Theory, AllDatabases]
    public async Task List_DossierWaitingForSupplement_IsNeitherOverdueNorDueSoon(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (owner, _, waiting) = await harness.OwnerAndOtherCitizenAsync(ct);
        await harness.DriveOnlineAsync(waiting, Domain.Dossiers.DossierStatus.SupplementRequested, ct);
        var running = await harness.CreateOnlineAsync(owner, ct);
        await harness.DriveOnlineAsync(running, Domain.Dossiers.DossierStatus.Received, ct);
        DateTime? appointment;
        await using (var db = harness.Database.CreateContext())
        {
            appointment = (await db.Dossiers.SingleAsync(d => d.Id == running, ct)).CurrentAppointmentAt;
        }

        harness.Clock.Advance(appointment!.Value - harness.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromDays(30));
        var head = await harness.ClientAsync(Head, ct);
        var overdue = await ReadAsync(await head.GetAsync("/api/v1/dossiers?overdue=true", ct), ct);
        var dueSoon = await ReadAsync(await head.GetAsync("/api/v1/dossiers?dueSoon=true", ct), ct);

        Assert.Equal([running], overdue["items"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()));
        Assert.Empty(dueSoon["items"]!.AsArray());
    }

    [Theory, AllDatabases]
    public async Task Create_Past9999InADay_WidensTheSequence(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        await using (var db = harness.Database.CreateContext())
        {
            db.DossierCodeCounters.Add(new DossierCodeCounter { UnitId = Unit(TuHieu), Date = new DateOnly(2026, 11, 24), LastSequence = 9999 });
            await db.SaveChangesAsync(ct);
        }

        var desk = await harness.ClientAsync(Desk, ct);
        var code = (await harness.CreateAsync(desk, ct))["code"]!.GetValue<string>();
        using var lookup = await harness.Anonymous().GetAsync($"/api/v1/public/dossiers/{code}", ct);

        Assert.Equal($"{TuHieu}-261124-10000", code);
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
    }

    [Theory, AllDatabases]
    public async Task Create_PostalThenAccept_CodeCarriesTheHandoverDate(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var created = await harness.CreateAsync(desk, ct, harness.CounterBody(channel: "Postal"));
        var id = created["id"]!.GetValue<Guid>();
        harness.Clock.Advance(TimeSpan.FromDays(1));
        desk = await harness.ClientAsync(Desk, ct);

        using var accept = await FireAsync(desk, id, "Accept", 1, ct, new { handoverSignedAt = Start.AddHours(1) });

        Assert.Equal("Submitted", created["status"]!.GetValue<string>());
        Assert.Null(created["code"]);
        Assert.True(accept.StatusCode == HttpStatusCode.OK, await accept.Content.ReadAsStringAsync(ct));
        var view = await ReadAsync(accept, ct);
        Assert.Equal($"{TuHieu}-261124-0001", view["code"]!.GetValue<string>());
        Assert.Equal(Start.AddHours(1).UtcDateTime, view["receivedAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal("Received", view["status"]!.GetValue<string>());
    }

    [Theory, AllDatabases]
    public async Task Token_WrongPassword_Returns401AndLocksOutAfterFive(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var client = harness.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = Desk, password = "sai-mat-khau" }, ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = Desk, password = DemoData.Password }, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal("auth.locked_out", (await ReadAsync(right, ct))["rule"]!.GetValue<string>());
    }

    [Theory, AllDatabases]
    public async Task OpenApi_Document_ListsTheDossierEndpoints(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);

        var document = await harness.Anonymous().GetStringAsync("/openapi/v1.json", ct);

        foreach (var path in new[] { "/api/v1/dossiers", "/api/v1/dossiers/{id}", "/api/v1/dossiers/{id}/transitions", "/api/v1/public/dossiers/{code}", "/api/v1/auth/token" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }
}

internal static class DossierDbExtensions
{
    public static IQueryable<Domain.Dossiers.ProcessingStep> DossierSteps(this AppDbContext db) => db.Set<Domain.Dossiers.ProcessingStep>().AsNoTracking();
}
