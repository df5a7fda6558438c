using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Calendar;
using MotCua.Domain.Feedback.Pakn;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Pakn;

/// <summary>Bulk PAKN import from CSV (issue 9 §2): every row checked as at the desk with a Vietnamese message per row
/// and column, all-or-nothing or partial with the rejected rows returned as CSV, re-uploading adds nothing (source id
/// or tracking code), only the receiving unit's desk officers import, and the page uploads to the same handler.</summary>
public sealed class PaknImportTests
{
    private const string Header = "Mã nguồn,Loại,Tiêu đề,Nội dung,Họ tên,Địa chỉ,Điện thoại,Email,Ngày nhận,Nội dung theo Điều 5";

    private static string Row(string id, string kind = "Kiến nghị", string phone = "0912 345 678", string received = "20/11/2026 09:30") =>
        $"{id},{kind},Đề nghị bỏ bản sao giấy khai sinh {id},\"Đề nghị không yêu cầu nộp bản sao giấy khai sinh, vì dữ liệu dân cư đã kết nối.\",Lò Văn Pọm,\"Bản Cọ, Tô Hiệu\",{phone},,{received},2;7";

    private static readonly string Mixed = string.Join("\r\n", Header, Row("DV-1"), Row("DV-2", kind: "Phản ánh"), Row("DV-3", phone: ""), Row("DV-4", kind: "Khiếu nại")) + "\r\n";

    [Theory, AllDatabases]
    public async Task Import_AllOrNothing_ThenPartial_ThenCorrectedRejects_AndReuploadAddsNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var before = await CountAsync(harness, ct);

        // All or nothing: two bad rows, nothing written, each row says what is wrong.
        var refused = await ImportAsync(desk, Mixed, ct);
        Assert.Equal((false, 4, 0, 2), (refused["saved"]!.GetValue<bool>(), refused["rows"]!.GetValue<int>(), refused["imported"]!.GetValue<int>(), refused["rejected"]!.GetValue<int>()));
        Assert.Equal(["Valid", "Valid", "Rejected", "Rejected"], Statuses(refused));
        var rows = refused["results"]!.AsArray();
        Assert.Equal(4, rows[2]!["line"]!.GetValue<int>());
        Assert.Contains(rows[2]!["errors"]!.AsArray(), e => e!["column"]!.GetValue<string>() == "Điện thoại" && e["message"]!.GetValue<string>().Contains("số điện thoại", StringComparison.Ordinal));
        Assert.Contains(rows[3]!["errors"]!.AsArray(), e => e!["column"]!.GetValue<string>() == "Loại" && e["message"]!.GetValue<string>().Contains("Kiến nghị", StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync(harness, ct));

        // Partial: the two valid rows are logged, on the Import channel, with their source id and date of receipt.
        var partial = await ImportAsync(desk, Mixed, ct, mode: "Partial");
        Assert.Equal((true, 2, 0, 2), (partial["saved"]!.GetValue<bool>(), partial["imported"]!.GetValue<int>(), partial["skipped"]!.GetValue<int>(), partial["rejected"]!.GetValue<int>()));
        var rejectedCsv = partial["rejectedCsv"]!.GetValue<string>();
        var lines = rejectedCsv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith(",Lỗi", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("DV-3,", lines[1], StringComparison.Ordinal);
        Assert.Contains("Điện thoại:", lines[1], StringComparison.Ordinal);
        await harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var cases = await db.PaknCases.AsNoTracking().Where(c => c.ExternalId != null).OrderBy(c => c.ExternalId).ToListAsync(ct);
            Assert.Equal(["DV-1", "DV-2"], cases.Select(c => c.ExternalId));
            Assert.All(cases, c => Assert.Equal((PaknChannel.Import, Unit(TuHieu), PaknStatus.Received), (c.Channel, c.ReceivingUnitId, c.Status)));
            Assert.Equal((PaknKind.Petition, PaknKind.Feedback), (cases[0].Kind, cases[1].Kind));
            Assert.Equal(VietnamTime.ToUtc(new DateTime(2026, 11, 20, 9, 30, 0)), cases[0].SubmittedAt);
            Assert.Equal([(PaknContentCategory)2, (PaknContentCategory)7], cases[0].Categories);
            Assert.Equal("Bản Cọ, Tô Hiệu", cases[0].Submitter.Address);
            // Not notified unless asked: the export's source acknowledged them.
            var ids = cases.Select(c => c.Id.ToString("N")).ToList();
            Assert.DoesNotContain(await db.OutboxMessages.AsNoTracking().Select(m => m.IdempotencyKey).ToListAsync(ct), k => ids.Any(k.Contains));
            var audit = await db.AdminAudit.AsNoTracking().SingleAsync(a => a.Action == "pakn.import", ct);
            Assert.Contains("\"imported\":2", audit.Detail, StringComparison.Ordinal);
        });

        // The rejected rows, corrected in the downloaded file (its error column kept), upload as they are; then the whole
        // file again adds nothing.
        var corrected = rejectedCsv.Replace(",,,20/11/2026", ",0987 111 222,,20/11/2026", StringComparison.Ordinal).Replace("Khiếu nại", "Phản ánh", StringComparison.Ordinal);
        var fixedReport = await ImportAsync(desk, corrected, ct, notify: true);
        Assert.Equal((true, 2, 0), (fixedReport["saved"]!.GetValue<bool>(), fixedReport["imported"]!.GetValue<int>(), fixedReport["rejected"]!.GetValue<int>()));
        var again = await ImportAsync(desk, Mixed, ct, mode: "Partial");
        Assert.Equal((false, 0, 4, 0), (again["saved"]!.GetValue<bool>(), again["imported"]!.GetValue<int>(), again["skipped"]!.GetValue<int>(), again["rejected"]!.GetValue<int>()));
        Assert.All(again["results"]!.AsArray(), r => Assert.Matches("^PA-2026-", r!["trackingCode"]!.GetValue<string>()));
        Assert.Equal(before + 4, await CountAsync(harness, ct));
        await harness.InScopeAsync(async services =>
        {
            // Asked to notify: the corrected rows' submitters got the receipt.
            var db = services.GetRequiredService<AppDbContext>();
            var notified = await db.PaknCases.AsNoTracking().Where(c => c.ExternalId == "DV-3" || c.ExternalId == "DV-4").Select(c => c.Id).ToListAsync(ct);
            var keys = await db.OutboxMessages.AsNoTracking().Select(m => m.IdempotencyKey).ToListAsync(ct);
            Assert.All(notified, id => Assert.Contains($"pakn.{id:N}.0.sms", keys));
        });
    }

    [Theory, AllDatabases]
    public async Task Import_SemicolonsQuotesAndTrackingCodes_AndBadFilesAreRefusedWholly(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var (_, published) = await PaknApiTests.PublishedAsync(harness, ct);
        var fresh = PaknTrackingCode.Generate(2026).Format();
        var before = await CountAsync(harness, ct);

        // Excel with Vietnamese settings: semicolons, a BOM, a quoted value over two lines; English headers work too.
        var semicolons = "\uFEFFtrackingCode;kind;subject;content;fullName;address;phone;receivedAt\r\n"
            + $"{published};Petition;Đã có trong hệ thống;\"Nội dung dài hơn hai mươi ký tự của phản ánh.\";An;Tô Hiệu;0912345678;2026-11-20\r\n"
            + $"{fresh};Feedback;Sổ giấy trang 3;\"Dòng một của nội dung;\r\ndòng hai của nội dung\";\"Lường Thị \"\"Mai\"\"\";Tô Hiệu;0912345678;2026-11-21 08:15\r\n"
            + $"{fresh};Feedback;Trùng mã trong tệp;Nội dung dài hơn hai mươi ký tự của phản ánh.;An;Tô Hiệu;0912345678;\r\n";
        var report = await ImportAsync(desk, semicolons, ct, mode: "Partial");
        Assert.Equal(["Skipped", "Imported", "Rejected"], Statuses(report));
        Assert.Equal([2, 3, 5], report["results"]!.AsArray().Select(r => r!["line"]!.GetValue<int>()));
        Assert.Equal(fresh, report["results"]![1]!["trackingCode"]!.GetValue<string>());
        await harness.InScopeAsync(async services =>
        {
            var stored = await services.GetRequiredService<AppDbContext>().PaknCases.AsNoTracking().SingleAsync(c => c.Subject == "Sổ giấy trang 3", ct);
            Assert.Equal(("Dòng một của nội dung;\r\ndòng hai của nội dung", "Lường Thị \"Mai\"", fresh), (stored.Content, stored.Submitter.FullName, stored.TrackingCode.Format()));
        });

        // Refused as a whole, nothing written: unknown or missing columns, no rows, not UTF-8, an unclosed quote, bad options.
        foreach (var (body, mode) in new[]
                 {
                     ("Mã nguồn,Loại,Tiêu đề,Nội dung,Họ tên,Địa chỉ,Điện thoại,Số CCCD\r\nX,Phản ánh,a,b,c,d,e,f\r\n", "Partial"),
                     ("Loại,Tiêu đề,Nội dung\r\nPhản ánh,a,b\r\n", "Partial"),
                     (Header + "\r\n", "Partial"),
                     (Header + "\r\n\"DV-9,Phản ánh\r\n", "Partial"),
                     (Header + "\r\n" + Row("DV-9"), "Some"),
                 })
        {
            using var response = await desk.PostAsync($"/api/v1/pakn/import?receivingUnitId={Unit(TuHieu)}&mode={mode}", Csv(body), ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }

        using (var latin = new ByteArrayContent(Encoding.Latin1.GetBytes(Header + "\r\n" + Row("DV-9"))))
        {
            latin.Headers.ContentType = new("text/csv");
            using var response = await desk.PostAsync($"/api/v1/pakn/import?receivingUnitId={Unit(TuHieu)}", latin, ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("CSV UTF-8", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        using (var noUnit = await desk.PostAsync("/api/v1/pakn/import", Csv(Header + "\r\n" + Row("DV-9")), ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noUnit.StatusCode);
        }

        Assert.Equal(before + 1, await CountAsync(harness, ct));
    }

    [Theory, AllDatabases]
    public async Task Import_OnlyTheReceivingUnitsDeskOfficers(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var body = Header + "\r\n" + Row("DV-7");
        var before = await CountAsync(harness, ct);
        foreach (var caller in new[] { Handler, Head, OtherDesk, Citizen, Admin })
        {
            using var refused = await (await harness.ClientAsync(caller, ct)).PostAsync($"/api/v1/pakn/import?receivingUnitId={Unit(TuHieu)}", Csv(body), ct);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{caller}: {refused.StatusCode}");
        }

        using (var anonymous = await harness.Anonymous().PostAsync($"/api/v1/pakn/import?receivingUnitId={Unit(TuHieu)}", Csv(body), ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        // The desk officer of Chiềng An imports into Chiềng An's register only.
        using var own = await (await harness.ClientAsync(OtherDesk, ct)).PostAsync($"/api/v1/pakn/import?receivingUnitId={Unit(ChiengAn)}", Csv(body), ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(before + 1, await CountAsync(harness, ct));
    }

    [Theory, AllDatabases]
    public async Task ImportPage_UploadsToTheSameHandler_ReportsRows_AndGivesTheRejectedRowsBack(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (desk, _) = await harness.SignInAsync(Desk, ct);
        var form = await desk.GetStringAsync("/Work/Pakn/Import", ct);
        Assert.Contains("enctype=\"multipart/form-data\"", form, StringComparison.Ordinal);
        using (var template = await desk.GetAsync("/Work/Pakn/Import?handler=Template", ct))
        {
            Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("Mã nguồn,Mã theo dõi,Loại,", (await template.Content.ReadAsStringAsync(ct)).TrimStart('\uFEFF'), StringComparison.Ordinal);
        }

        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(desk, "/Work/Pakn/Import", ct);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Unit(TuHieu).ToString()), "ReceivingUnitId" },
            { new StringContent("Partial"), "Mode" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Mixed)), "Upload", "so-tiep-nhan.csv" },
        };
        using var posted = await desk.PostAsync("/Work/Pakn/Import", upload, ct);
        var html = await posted.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Đã nhập 2 phản ánh, kiến nghị; 0 dòng đã có trong hệ thống nên bỏ qua; 2 dòng bị từ chối.", html, StringComparison.Ordinal);
        Assert.Contains("Loại: ghi “Phản ánh” hoặc “Kiến nghị”.", html, StringComparison.Ordinal);
        Assert.Contains("no-store", posted.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var rejected = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"Rejected\" value=\"([^\"]*)\"").Groups[1].Value);
        Assert.Contains("DV-3", rejected, StringComparison.Ordinal);

        using var download = await desk.PostAsync("/Work/Pakn/Import?handler=Rejected",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Rejected"] = rejected }), ct);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(rejected.TrimStart('\uFEFF'), (await download.Content.ReadAsStringAsync(ct)).TrimStart('\uFEFF'));

        // No file, or a unit that is not the officer's: said on the form, nothing written.
        var count = await CountAsync(harness, ct);
        using var empty = await desk.PostAsync("/Work/Pakn/Import", new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Unit(ChiengAn).ToString()), "ReceivingUnitId" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Mixed)), "Upload", "so.csv" },
        }, ct);
        var emptyHtml = await empty.Content.ReadAsStringAsync(ct);
        Assert.True(emptyHtml.Contains("chỉ cán bộ một cửa của đơn vị tiếp nhận", StringComparison.Ordinal),
            System.Text.RegularExpressions.Regex.Match(emptyHtml, "(?s)<main.*?</form>").Value);
        Assert.Equal(count, await CountAsync(harness, ct));

        // A handling officer has no desk: the page is refused.
        var (handler, _) = await harness.SignInAsync(Handler, ct);
        using var refused = await handler.GetAsync("/Work/Pakn/Import", ct);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    private static StringContent Csv(string body) => new(body, Encoding.UTF8, "text/csv");

    private static async Task<JsonObject> ImportAsync(HttpClient client, string csv, CancellationToken ct, string mode = "AllOrNothing", bool notify = false)
    {
        using var response = await client.PostAsync($"/api/v1/pakn/import?receivingUnitId={Unit(TuHieu)}&mode={mode}&notify={notify}", Csv(csv), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static List<string> Statuses(JsonObject report) => [.. report["results"]!.AsArray().Select(r => r!["status"]!.GetValue<string>())];

    private static async Task<int> CountAsync(Dossiers.DossierApiHarness harness, CancellationToken ct)
    {
        var count = 0;
        await harness.InScopeAsync(async s => count = await s.GetRequiredService<AppDbContext>().PaknCases.CountAsync(ct));
        return count;
    }
}
