using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Documents;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Edge;

/// <summary>One regression test per bad input that answered 500 (issue 7, item 1): each is now a 4xx with a Vietnamese
/// problem, on both databases, and nothing is stored.</summary>
public sealed class EdgeValidationTests : IDisposable
{
    private readonly TempFolder _store = new();

    public void Dispose() => _store.Dispose();

    [Theory, AllDatabases]
    public async Task FarFutureHandover_IsRefusedAt400_NotAnOverflow(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct, harness.CounterBody(channel: "Postal")))["id"]!.GetValue<Guid>();

        using var max = await FireAsync(desk, id, "Accept", 1, ct, new { handoverSignedAt = "9999-12-31T23:59:59Z" });
        using var far = await FireAsync(desk, id, "Accept", 1, ct, new { handoverSignedAt = "2300-01-01T00:00:00+07:00" });
        using var future = await FireAsync(desk, id, "Accept", 1, ct, new { handoverSignedAt = Start.AddDays(3) });

        await AssertProblemAsync(max, HttpStatusCode.BadRequest, "năm", ct);
        await AssertProblemAsync(far, HttpStatusCode.BadRequest, "năm", ct);
        // Inside the engine's range, the domain's own window applies: a handover record cannot be signed in the future.
        await AssertProblemAsync(future, HttpStatusCode.UnprocessableEntity, "biên bản giao nhận", ct);
        await using var db = harness.Database.CreateContext();
        Assert.Null((await db.Dossiers.SingleAsync(d => d.Id == id, ct)).Code);
    }

    [Theory, AllDatabases]
    public async Task FarFutureApology_IsRefused_AndTheFormsAndRegisterStillRender(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (desk, head, handler) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(Handler, ct));
        var created = await harness.CreateAsync(desk, ct);
        var id = created["id"]!.GetValue<Guid>();
        var appointment = created["appointmentAt"]!.GetValue<DateTime>().ToUniversalTime();
        var version = await FireStepsAsync(id, 1, ct,
            (desk, "Transfer", null), (head, "Assign", new { officerId = DemoData.UserId(Handler) }), (handler, "StartAppraisal", null));

        using var year9999 = await FireAsync(head, id, "IssueApology", version, ct, new { reason = "Chờ đo đạc", newAppointmentAt = "9999-12-31T23:59:59Z", signerName = "Lê Văn Hùng" });
        using var twoYears = await FireAsync(head, id, "IssueApology", version, ct, new { reason = "Chờ đo đạc", newAppointmentAt = appointment.AddYears(2), signerName = "Lê Văn Hùng" });
        using var unspecified = await FireAsync(head, id, "IssueApology", version, ct, new { reason = "Chờ đo đạc", newAppointmentAt = "2026-12-20T09:00:00", signerName = "Lê Văn Hùng" });

        await AssertProblemAsync(year9999, HttpStatusCode.BadRequest, "năm", ct);
        var tooFar = await AssertProblemAsync(twoYears, HttpStatusCode.UnprocessableEntity, "365 ngày", ct);
        Assert.Equal("dossier.new_appointment_too_far", tooFar["rule"]!.GetValue<string>());
        await AssertProblemAsync(unspecified, HttpStatusCode.BadRequest, "múi giờ", ct);
        using var form01 = await desk.GetAsync($"/api/v1/dossiers/{id}/forms/01", ct);
        using var register = await desk.GetAsync($"/api/v1/units/{Unit(TuHieu)}/register?year=2026", ct);
        Assert.Equal(HttpStatusCode.OK, form01.StatusCode);
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        await using var db = harness.Database.CreateContext();
        Assert.Null((await db.Dossiers.SingleAsync(d => d.Id == id, ct)).Apology);
    }

    [Theory, AllDatabases]
    public async Task NullInsideAnArray_Is400NamingTheItem(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (desk, head, handler) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(Handler, ct));
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        var version = await FireStepsAsync(id, 1, ct,
            (desk, "Transfer", null), (head, "Assign", new { officerId = DemoData.UserId(Handler) }), (handler, "StartAppraisal", null));

        using var agencies = await FireAsync(handler, id, "RequestConsultation", version, ct, new { agencies = new object?[] { null } });
        using var interAgency = await FireAsync(handler, id, "SendToInterAgency", version, ct, new { agencies = new object?[] { new { agencyName = "Sở Tư pháp", slice = 1 }, null } });
        using var items = await FireAsync(handler, id, "RequestSupplement", version, ct, new { reason = "Thiếu", items = new[] { "Bản sao", null } });

        Assert.Contains("agencies[0]", (await AssertProblemAsync(agencies, HttpStatusCode.BadRequest, "null", ct))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("agencies[1]", (await AssertProblemAsync(interAgency, HttpStatusCode.BadRequest, "null", ct))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("items[1]", (await AssertProblemAsync(items, HttpStatusCode.BadRequest, "null", ct))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Theory, AllDatabases]
    public async Task TextLongerThanItsColumn_Is400_AndNothingIsStored(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var body = JsonSerializerNode(harness.CounterBody(new string('N', DossierFieldLimits.ApplicantFullName + 1)));
        var phone = JsonSerializerNode(harness.CounterBody());
        phone["applicant"]!["phone"] = new string('0', DossierFieldLimits.ApplicantPhone + 1);
        var megabyte = JsonSerializerNode(harness.CounterBody(new string('Á', 1_000_000)));

        using var name = await desk.PostAsJsonAsync("/api/v1/dossiers", body, ct);
        using var tooLongPhone = await desk.PostAsJsonAsync("/api/v1/dossiers", phone, ct);
        using var huge = await desk.PostAsJsonAsync("/api/v1/dossiers", megabyte, ct);

        var nameProblem = await AssertProblemAsync(name, HttpStatusCode.BadRequest, "Tối đa 300 ký tự", ct);
        Assert.True(nameProblem["errors"]!.AsObject().ContainsKey("applicant.fullName"), nameProblem.ToJsonString());
        var phoneProblem = await AssertProblemAsync(tooLongPhone, HttpStatusCode.BadRequest, "Tối đa 40 ký tự", ct);
        Assert.True(phoneProblem["errors"]!.AsObject().ContainsKey("applicant.phone"), phoneProblem.ToJsonString());
        await AssertProblemAsync(huge, HttpStatusCode.BadRequest, "Tối đa 300 ký tự", ct);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(0, await db.Dossiers.CountAsync(ct));
    }

    [Theory, AllDatabases]
    public async Task NulCharacter_Is400_EvenOnTheAnonymousTokenEndpoint(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var anonymous = harness.Anonymous();

        using var name = await desk.PostAsJsonAsync("/api/v1/dossiers", harness.CounterBody("Nguyễn\0Văn Bình"), ct);
        using var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "tiepnhan\0@motcua.local", password = "x\0" }, ct);
        using var query = await desk.GetAsync("/api/v1/dossiers?status=Received%00", ct);
        using var idempotency = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(harness.CounterBody()) };
        idempotency.Headers.TryAddWithoutValidation("Idempotency-Key", "k\u0001");
        using var key = await desk.SendAsync(idempotency, ct);

        await AssertProblemAsync(name, HttpStatusCode.BadRequest, "ký tự điều khiển", ct);
        await AssertProblemAsync(token, HttpStatusCode.BadRequest, "ký tự điều khiển", ct);
        await AssertProblemAsync(query, HttpStatusCode.BadRequest, "ký tự điều khiển", ct);
        await AssertProblemAsync(key, HttpStatusCode.BadRequest, "ký tự điều khiển", ct);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(0, await db.Dossiers.CountAsync(ct));
    }

    [Theory, AllDatabases]
    public async Task InstantWithoutOffset_IsRefused_InBodiesAndQueries(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct, harness.CounterBody(channel: "Postal")))["id"]!.GetValue<Guid>();

        using var body = await FireAsync(desk, id, "Accept", 1, ct, new { handoverSignedAt = "2026-11-24T08:00:00" });
        using var query = await desk.GetAsync("/api/v1/dossiers?receivedFrom=2026-11-01T00:00:00", ct);
        using var withOffset = await desk.GetAsync("/api/v1/dossiers?receivedFrom=2026-11-01T00:00:00%2B07:00", ct);

        await AssertProblemAsync(body, HttpStatusCode.BadRequest, "múi giờ", ct);
        await AssertProblemAsync(query, HttpStatusCode.BadRequest, "múi giờ", ct);
        Assert.Equal(HttpStatusCode.OK, withOffset.StatusCode);
    }

    [Theory, AllDatabases]
    public async Task MalformedMultipart_Is400_AndControlCharactersLeaveTheFileName(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, new Dictionary<string, string> { ["Documents:Root"] = _store.Path });
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        var path = $"/api/v1/dossiers/{id}/documents";
        var form = Form("b1", "to-khai.pdf", SampleFiles.Pdf());

        using var noBoundary = await desk.PostAsync(path, Raw(form, "multipart/form-data"), ct);
        using var longBoundary = await desk.PostAsync(path, Raw(Form(new string('b', 200), "to-khai.pdf", SampleFiles.Pdf()), $"multipart/form-data; boundary={new string('b', 200)}"), ct);
        using var truncated = await desk.PostAsync(path, Raw(form[..(form.Length / 2)], "multipart/form-data; boundary=b1"), ct);
        using var crlf = await desk.PostAsync(path, Raw(Form("b1", "to\r\nkhai.pdf", SampleFiles.Pdf()), "multipart/form-data; boundary=b1"), ct);
        using var nul = await desk.PostAsync(path, Raw(Form("b1", "to\0khai.pdf", SampleFiles.Pdf()), "multipart/form-data; boundary=b1"), ct);

        await AssertProblemAsync(noBoundary, HttpStatusCode.BadRequest, "multipart", ct);
        await AssertProblemAsync(longBoundary, HttpStatusCode.BadRequest, "multipart", ct);
        await AssertProblemAsync(truncated, HttpStatusCode.BadRequest, "multipart", ct);
        await AssertProblemAsync(crlf, HttpStatusCode.BadRequest, "multipart", ct);
        Assert.True(nul.StatusCode == HttpStatusCode.Created, await nul.Content.ReadAsStringAsync(ct));
        Assert.Equal("tokhai.pdf", (await ReadAsync(nul, ct))["fileName"]!.GetValue<string>());
    }

    [Theory, AllDatabases]
    public async Task UnexpectedFailure_InDevelopment_AnswersProblemWithoutInternals(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        harness.Failer.Enabled = true;

        using var html = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(harness.CounterBody()) };
        html.Headers.TryAddWithoutValidation("Accept", "text/html");
        using var json = await desk.PostAsJsonAsync("/api/v1/dossiers", harness.CounterBody(), ct);
        using var browser = await desk.SendAsync(html, ct);

        foreach (var response in new[] { json, browser })
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Máy chủ gặp lỗi", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Simulated", text, StringComparison.Ordinal);
            Assert.False(ApiFuzzer.LeaksInternals(text), text);
        }
    }

    [Fact]
    public async Task UnexpectedFailure_InProduction_AnswersProblemWithoutInternals()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(DatabaseProvider.Sqlite, ct, new Dictionary<string, string>
        {
            ["environment"] = "Production",
            ["Auth:JwtSigningKey"] = Convert.ToBase64String(new byte[32]),
        });
        var desk = await harness.ClientAsync(Desk, ct);
        harness.Failer.Enabled = true;

        using var response = await desk.PostAsJsonAsync("/api/v1/dossiers", harness.CounterBody(), ct);
        using var unknown = await desk.GetAsync("/api/v1/khong-co", ct);

        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Máy chủ gặp lỗi", text, StringComparison.Ordinal);
        Assert.False(ApiFuzzer.LeaksInternals(text), text);
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "Không tìm thấy", ct);
    }

    /// <summary>Asserts a problem-details answer with <paramref name="status"/> whose text mentions <paramref name="fragment"/>.</summary>
    internal static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string fragment, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(fragment, text, StringComparison.Ordinal);
        Assert.False(ApiFuzzer.LeaksInternals(text), text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static JsonObject JsonSerializerNode(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!.AsObject();

    private static byte[] Form(string boundary, string fileName, byte[] file) =>
    [
        .. Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"componentName\"\r\n\r\nTờ khai\r\n"
            + $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: application/pdf\r\n\r\n"),
        .. file,
        .. Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n"),
    ];

    private static ByteArrayContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
