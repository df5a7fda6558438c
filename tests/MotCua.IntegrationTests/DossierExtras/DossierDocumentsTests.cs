using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Documents;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;
using MotCua.Persistence.Seeding;
using MotCua.Web.Features.DossierDocuments;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.DossierExtras;

public sealed class DossierDocumentsTests : IDisposable
{
    private const long MaxBytes = 64 * 1024;
    private readonly TempFolder _store = new();

    public void Dispose() => _store.Dispose();

    [Theory, AllDatabases]
    public async Task Upload_ThenListAndDownload_RoundTripsBytesAndMetadata(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartWithStoreAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var handler = await harness.ClientAsync(Handler, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        var bytes = SampleFiles.Pdf(5000);

        using var upload = await UploadAsync(desk, id, bytes, "to-khai.pdf", "application/pdf", ct, digitised: true);
        var created = await ReadAsync(upload, ct);
        var docId = created["id"]!.GetValue<Guid>();
        using var list = await handler.GetAsync($"/api/v1/dossiers/{id}/documents", ct);
        using var content = await handler.GetAsync($"/api/v1/dossiers/{id}/documents/{docId}/content", ct);
        using var patch = await desk.PatchAsJsonAsync($"/api/v1/dossiers/{id}/documents/{docId}", new { reusedFromDigitisedData = true, isElectronicResult = true }, ct);

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), created["sha256"]!.GetValue<string>());
        Assert.Equal(bytes.Length, created["length"]!.GetValue<long>());
        Assert.Equal("application/pdf", created["contentType"]!.GetValue<string>());
        Assert.Equal("Officer", created["uploaderKind"]!.GetValue<string>());
        Assert.True(created["digitised"]!.GetValue<bool>());
        Assert.False(created["isElectronicResult"]!.GetValue<bool>());
        var listed = Assert.Single((await list.Content.ReadFromJsonAsync<JsonArray>(ct))!);
        Assert.Equal(docId, listed!["id"]!.GetValue<Guid>());
        Assert.Equal("Tờ khai", listed["componentName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal(bytes, await content.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal("application/pdf", content.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        await using var db = harness.Database.CreateContext();
        var stored = await db.DossierDocuments.SingleAsync(ct);
        Assert.True(stored.Digitised && stored.ReusedFromDigitisedData && stored.IsElectronicResult);
        Assert.Equal(DemoData.UserId(Desk), stored.UploadedBy);
        Assert.Equal(1, await db.PersonalDataAccessLog.CountAsync(a => a.Purpose == DossierDocumentsEndpoints.AuditPurpose, ct));
    }

    [Theory, AllDatabases]
    public async Task Upload_SameContentTwice_TwoRowsOneStoredFile(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartWithStoreAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        var bytes = SampleFiles.Png(3000);

        using var first = await UploadAsync(desk, id, bytes, "anh.png", "image/png", ct);
        using var second = await UploadAsync(desk, id, bytes, "anh-2.png", "image/png", ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        await using var db = harness.Database.CreateContext();
        var rows = await db.DossierDocuments.ToListAsync(ct);
        Assert.Equal(2, rows.Count);
        Assert.Single(rows.Select(r => r.Sha256).Distinct());
        Assert.Single(_store.Files(), f => !f.Contains(".tmp", StringComparison.Ordinal));
    }

    [Theory, AllDatabases]
    public async Task Upload_TooLargeWrongTypeOrForeignUnit_ProblemAndNothingStored(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartWithStoreAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var other = await harness.ClientAsync(OtherDesk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();

        using var tooLarge = await UploadAsync(desk, id, SampleFiles.Pdf((int)MaxBytes + 1), "lon.pdf", "application/pdf", ct);
        using var wrongType = await UploadAsync(desk, id, SampleFiles.Executable(), "chuong-trinh.exe", "application/octet-stream", ct);
        using var foreign = await UploadAsync(other, id, SampleFiles.Pdf(), "to-khai.pdf", "application/pdf", ct);
        using var unknown = await UploadAsync(desk, Guid.NewGuid(), SampleFiles.Pdf(), "to-khai.pdf", "application/pdf", ct);
        using var foreignList = await other.GetAsync($"/api/v1/dossiers/{id}/documents", ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("document.too_large", (await ReadAsync(tooLarge, ct))["rule"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal("document.type_not_allowed", (await ReadAsync(wrongType, ct))["rule"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignList.StatusCode);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(0, await db.DossierDocuments.CountAsync(ct));
        Assert.DoesNotContain(_store.Files(), f => !f.Contains(".tmp", StringComparison.Ordinal));
    }

    [Theory, AllDatabases]
    public async Task DossierDocument_RoundTrips_AllProperties(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartWithStoreAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        var document = new DossierDocument
        {
            Id = Guid.NewGuid(),
            DossierId = id,
            ComponentName = "Bản sao Giấy chứng nhận quyền sử dụng đất",
            RequiredDocumentIndex = 2,
            FileName = "giấy chứng nhận.pdf",
            Sha256 = new string('a', 64),
            Length = 123_456_789_012,
            ContentType = "application/pdf",
            UploadedBy = Guid.NewGuid(),
            UploadedAt = new DateTime(2026, 11, 24, 2, 30, 15, DateTimeKind.Utc),
            UploaderKind = DocumentUploaderKind.Citizen,
            Digitised = true,
            ReusedFromDigitisedData = false,
            IsElectronicResult = true,
        };

        await using (var db = harness.Database.CreateContext())
        {
            db.DossierDocuments.Add(document);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = harness.Database.CreateContext())
        {
            EntityAssert.AllMappedPropertiesEqual(db, document, await db.DossierDocuments.SingleAsync(ct));
            Assert.Equal(1, await db.DossierDocuments.CountAsync(d => d.UploaderKind == DocumentUploaderKind.Citizen && d.IsElectronicResult, ct));
        }
    }

    [Theory, AllDatabases]
    public async Task Upload_OwnerCitizenOnSubmittedOnlineDossier_Returns201CitizenKindReadableByOwnerAndStaff(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartWithStoreAsync(provider, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = await harness.CreateOnlineAsync(citizen, ct);
        var bytes = SampleFiles.Pdf(4000);

        using var upload = await UploadAsync(citizen, id, bytes, "don-de-nghi.pdf", "application/pdf", ct);
        var created = await ReadAsync(upload, ct);
        var docId = created["id"]!.GetValue<Guid>();
        using var ownList = await citizen.GetAsync($"/api/v1/dossiers/{id}/documents", ct);
        using var ownContent = await citizen.GetAsync($"/api/v1/dossiers/{id}/documents/{docId}/content", ct);
        using var staffContent = await desk.GetAsync($"/api/v1/dossiers/{id}/documents/{docId}/content", ct);

        Assert.True(upload.StatusCode == HttpStatusCode.Created, created.ToJsonString());
        Assert.Equal("Citizen", created["uploaderKind"]!.GetValue<string>());
        Assert.Equal(DemoData.UserId(Citizen), created["uploadedBy"]!.GetValue<Guid>());
        Assert.False(created["digitised"]!.GetValue<bool>());
        Assert.Equal(docId, Assert.Single((await ownList.Content.ReadFromJsonAsync<JsonArray>(ct))!)!["id"]!.GetValue<Guid>());
        Assert.Equal(bytes, await ownContent.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal(bytes, await staffContent.Content.ReadAsByteArrayAsync(ct));
        await using var db = harness.Database.CreateContext();
        Assert.Equal(DocumentUploaderKind.Citizen, (await db.DossierDocuments.SingleAsync(ct)).UploaderKind);
        // The owner's own download is not a staff read of personal data; the desk's is.
        var log = await db.PersonalDataAccessLog.Where(a => a.Purpose == DossierDocumentsEndpoints.AuditPurpose).ToListAsync(ct);
        Assert.Equal(DemoData.UserId(Desk), Assert.Single(log).UserId);
    }

    [Theory, AllDatabases]
    public async Task Upload_OwnerWhileSupplementRequested_Returns201AtDeskAndAgencyStage(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartWithStoreAsync(provider, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var atDesk = await harness.CreateOnlineAsync(citizen, ct);
        var atAgency = await harness.CreateOnlineAsync(citizen, ct);
        await harness.DriveOnlineAsync(atDesk, DossierStatus.DeskSupplementPending, ct);
        await harness.DriveOnlineAsync(atAgency, DossierStatus.SupplementRequested, ct);

        using var deskStage = await UploadAsync(citizen, atDesk, SampleFiles.Pdf(), "bo-sung.pdf", "application/pdf", ct);
        using var agencyStage = await UploadAsync(citizen, atAgency, SampleFiles.Png(), "bo-sung.png", "image/png", ct);

        Assert.True(deskStage.StatusCode == HttpStatusCode.Created, await deskStage.Content.ReadAsStringAsync(ct));
        Assert.True(agencyStage.StatusCode == HttpStatusCode.Created, await agencyStage.Content.ReadAsStringAsync(ct));
        await using var db = harness.Database.CreateContext();
        var rows = await db.DossierDocuments.OrderBy(d => d.DossierId == atAgency).ToListAsync(ct);
        Assert.Equal([atDesk, atAgency], rows.Select(r => r.DossierId));
        Assert.All(rows, r => Assert.Equal(DocumentUploaderKind.Citizen, r.UploaderKind));
    }

    [Theory, AllDatabases]
    public async Task Access_OtherCitizen_Gets404OnUploadListAndDownload(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartWithStoreAsync(provider, ct);
        var (citizen, other, id) = await harness.OwnerAndOtherCitizenAsync(ct);
        var docId = await UploadPdfAsync(citizen, id, ct);

        using var upload = await UploadAsync(other, id, SampleFiles.Png(), "anh.png", "image/png", ct);
        using var list = await other.GetAsync($"/api/v1/dossiers/{id}/documents", ct);
        using var content = await other.GetAsync($"/api/v1/dossiers/{id}/documents/{docId}/content", ct);
        using var patch = await other.PatchAsJsonAsync($"/api/v1/dossiers/{id}/documents/{docId}", new { digitised = true }, ct);

        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, content.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        await using var db = harness.Database.CreateContext();
        var stored = await db.DossierDocuments.SingleAsync(ct);
        Assert.Equal(DemoData.UserId(Citizen), stored.UploadedBy);
        Assert.False(stored.Digitised);
        Assert.Equal(0, await db.PersonalDataAccessLog.CountAsync(ct));
    }

    [Theory, AllDatabases]
    public async Task Upload_OwnerAfterAcceptance_Returns422AndWritesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartWithStoreAsync(provider, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = await harness.CreateOnlineAsync(citizen, ct);
        await harness.DriveOnlineAsync(id, DossierStatus.Received, ct);

        using var upload = await UploadAsync(citizen, id, SampleFiles.Pdf(), "to-khai.pdf", "application/pdf", ct);
        using var staffUpload = await UploadAsync(desk, id, SampleFiles.Png(), "ban-chup.png", "image/png", ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);
        var problem = await ReadAsync(upload, ct);
        Assert.Equal("document.citizen_upload_closed", problem["rule"]!.GetValue<string>());
        Assert.Contains("Received", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, staffUpload.StatusCode);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(DocumentUploaderKind.Officer, (await db.DossierDocuments.SingleAsync(ct)).UploaderKind);
        Assert.Single(_store.Files(), f => !f.Contains(".tmp", StringComparison.Ordinal));
    }

    [Theory, AllDatabases]
    public async Task Upload_OwnerSetsServiceIndexFlag_Returns403AndWritesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartWithStoreAsync(provider, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var id = await harness.CreateOnlineAsync(citizen, ct);
        var docId = await UploadPdfAsync(citizen, id, ct);

        using var flagged = await UploadAsync(citizen, id, SampleFiles.Png(), "anh.png", "image/png", ct, digitised: true);
        using var patch = await citizen.PatchAsJsonAsync($"/api/v1/dossiers/{id}/documents/{docId}", new { isElectronicResult = true }, ct);

        foreach (var refused in new[] { flagged, patch })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("chỉ cán bộ", (await ReadAsync(refused, ct))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        await using var db = harness.Database.CreateContext();
        var stored = await db.DossierDocuments.SingleAsync(ct);
        Assert.False(stored.Digitised || stored.IsElectronicResult);
        Assert.Single(_store.Files(), f => !f.Contains(".tmp", StringComparison.Ordinal));
    }

    private Task<DossierApiHarness> StartWithStoreAsync(DatabaseProvider provider, CancellationToken ct) =>
        StartAsync(provider, ct, new Dictionary<string, string>
        {
            ["Documents:Root"] = _store.Path,
            ["Documents:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    // A PDF uploaded by the caller, which must succeed: the id of the new document.
    private static async Task<Guid> UploadPdfAsync(HttpClient client, Guid id, CancellationToken ct)
    {
        using var upload = await UploadAsync(client, id, SampleFiles.Pdf(), "to-khai.pdf", "application/pdf", ct);
        var created = await ReadAsync(upload, ct);
        Assert.True(upload.StatusCode == HttpStatusCode.Created, created.ToJsonString());
        return created["id"]!.GetValue<Guid>();
    }

    private static async Task<HttpResponseMessage> UploadAsync(
        HttpClient client, Guid id, byte[] bytes, string fileName, string contentType, CancellationToken ct, bool digitised = false)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent("Tờ khai"), "componentName");
        form.Add(new StringContent(digitised ? "true" : "false"), "digitised");
        return await client.PostAsync($"/api/v1/dossiers/{id}/documents", form, ct);
    }
}
