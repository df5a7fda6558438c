using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.IntegrationTests.Pakn;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Persistence.Statistics;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.Reports;

/// <summary>/api/v1/reports/cchc (issue 11 §7): the CCHC report's figures are the system's own for known dossiers and PAKN
/// (Biểu 06 per level, the PAKN report, the 766 scorecard's groups 4 and 5, the PAR Index framework, the commitment); a draft
/// keeps its figures until refreshed; the head's finalisation computes them one last time and freezes them; the unit's
/// officers write, only its head finalises, the province's Home Affairs reads, other units get 403; a stale revision is 409;
/// the docx carries the header, the figures and the narrative, the PDF prints.</summary>
public sealed class CchcReportApiTests
{
    private const string Reports = "/api/v1/reports/cchc";

    private static readonly object Q4 = new { unit = Unit(Justice), period = "calendar-quarter", year = 2026, quarter = 4 };

    // The CCHC report's dossier fields and Biểu 06's columns they come from.
    private static readonly (string Mine, string Theirs)[] FormColumns =
    [
        ("toHandle", "total"), ("carriedOver", "carriedOver"), ("online", "online"), ("inPersonOrPostal", "inPersonOrPostal"), ("finished", "finished"),
        ("early", "early"), ("onTime", "onTime"), ("late", "late"), ("inProgress", "inProgress"), ("overdue", "overdue"),
    ];

    private static readonly string[] PaknFields = ["toHandle", "carriedOver", "received", "handled", "handledOnTime", "handledLate", "published", "open"];

    private static JsonNode TotalLine(JsonObject view) => view["figures"]!["dossiers"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "total")!;

    // Three dossiers at the Justice department: one finished, one withdrawn, one left open (overdue by 31/12); and one PAKN
    // case taken to publication.
    private static async Task PlayAsync(DossierApiHarness harness, CancellationToken ct)
    {
        var (desk, head, handler) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(Handler, ct));
        var finish = new (HttpClient, string, object?)[]
        {
            (desk, "Transfer", null), (head, "Assign", new { officerId = DemoData.UserId(Handler) }), (handler, "StartAppraisal", null),
            (handler, "SubmitForApproval", null), (head, "Approve", null),
        };
        var done = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        var withdrawn = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        _ = await harness.CreateAsync(desk, ct);
        await FireStepsAsync(done, 1, ct, finish);
        await FireStepsAsync(withdrawn, 1, ct, (desk, "Withdraw", new { reason = "Công dân xin rút" }));
        await PaknApiTests.PublishedAsync(harness, ct);
        await ApplyAsync(harness, ct);
    }

    private static Task ApplyAsync(DossierApiHarness harness, CancellationToken ct) =>
        harness.InScopeAsync(sp => DossierStatistics.ApplyAllQueuedAsync(sp.GetRequiredService<AppDbContext>(), ct));

    [Theory, AllDatabases]
    public async Task Figures_AreTheSystemsOwn_DraftKeepsThemUntilRefreshed_AndFinalisingFreezesThem(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        await PlayAsync(harness, ct);
        var (officer, head, homeAffairs) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(HomeAffairs, ct));
        var justice = Unit(Justice);

        var view = await OkAsync(await officer.PostAsJsonAsync(Reports, Q4, ct), ct);
        var id = view["id"]!.GetValue<Guid>();
        Assert.Equal(("Draft", 1, true, false), (view["status"]!.GetValue<string>(), view["revision"]!.GetValue<int>(), view["mayEdit"]!.GetValue<bool>(),
            view["mayFinalise"]!.GetValue<bool>()));
        Assert.Equal(("2026-10-01", "2026-12-31", "Kết quả công tác cải cách hành chính quý 4/2026"),
            (view["from"]!.GetValue<string>(), view["to"]!.GetValue<string>(), view["title"]!.GetValue<string>()));
        Assert.Equal(["general", "results", "limitations", "next", "proposals"], view["sections"]!.AsArray().Select(s => s!["key"]!.GetValue<string>()));

        // Dossiers: Biểu 06's level subtotals and total, as the form itself gives them; three to handle, two finished (the
        // withdrawn one counts on time), one open and overdue by 31/12: on time 100 − 1/3 × 100.
        var form = await OkAsync(await head.GetAsync($"/api/v1/reports/form06?unit={justice}&period=calendar-quarter&year=2026&quarter=4", ct), ct);
        var formTotal = form["total"]!;
        var total = TotalLine(view);
        Assert.Equal((3, 2, 1, 1, 0), (total["toHandle"]!.GetValue<int>(), total["finished"]!.GetValue<int>(), total["inProgress"]!.GetValue<int>(),
            total["overdue"]!.GetValue<int>(), total["late"]!.GetValue<int>()));
        foreach (var (mine, theirs) in FormColumns)
        {
            Assert.Equal(formTotal[theirs]!.GetValue<int>(), total[mine]!.GetValue<int>());
        }

        Assert.Equal(66.67m, total["onTimeRate"]!.GetValue<decimal>());
        Assert.Equal(form["rows"]!.AsArray().Where(r => r!["kind"]!.GetValue<string>() == "level").Select(r => r!["label"]!.GetValue<string>()),
            view["figures"]!["dossiers"]!.AsArray().Where(d => d!["kind"]!.GetValue<string>() == "level").Select(d => d!["label"]!.GetValue<string>()));

        // PAKN: the PAKN report's total.
        var pakn = (await OkAsync(await head.GetAsync($"/api/v1/reports/pakn?unit={justice}&period=calendar-quarter&year=2026&quarter=4", ct), ct))["total"]!["values"]!
            .AsArray().Select(v => v!.GetValue<decimal>()).ToList();
        var paknFigures = view["figures"]!["pakn"]!;
        Assert.Equal((1, 1, 1, 1), (paknFigures["received"]!.GetValue<int>(), paknFigures["handled"]!.GetValue<int>(), paknFigures["handledOnTime"]!.GetValue<int>(),
            paknFigures["published"]!.GetValue<int>()));
        Assert.Equal(pakn, PaknFields.Select(k => (decimal)paknFigures[k]!.GetValue<int>()).Append(pakn[8]).Append((decimal)paknFigures["openOverdue"]!.GetValue<int>()));

        // 766: the scorecard of Q4/2026, groups 4 and 5 indicator by indicator, and its total.
        var card = await OkAsync(await head.GetAsync($"/api/v1/serviceindex/scorecard?unit={justice}&year=2026&quarter=4", ct), ct);
        var serviceIndex = view["figures"]!["serviceIndex"]!;
        Assert.Equal(("Q4/2026", card["totalPoints"]!.GetValue<decimal>(), card["maxPoints"]!.GetValue<decimal>()),
            (serviceIndex["periodLabel"]!.GetValue<string>(), serviceIndex["totalPoints"]!.GetValue<decimal>(), serviceIndex["maxPoints"]!.GetValue<decimal>()));
        var expected = card["groups"]!.AsArray().SelectMany(g => g!["indicators"]!.AsArray())
            .Where(i => i!["id"]!.GetValue<string>() is ['4' or '5', '.', ..])
            .Select(i => (i!["id"]!.GetValue<string>(), i["numerator"]?.GetValue<long>(), i["denominator"]?.GetValue<long>(), i["points"]?.GetValue<decimal>()))
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Contains(expected, e => e.Item1 == "5.2" && e.Item2 == 1 && e.Item3 == 1);
        Assert.Equal(expected, serviceIndex["indicators"]!.AsArray()
            .Select(i => (i!["id"]!.GetValue<string>(), i["numerator"]?.GetValue<long>(), i["denominator"]?.GetValue<long>(), i["points"]?.GetValue<decimal>())));

        // PAR Index: the province's department framework of 2026, not opened yet; no commitment; no remediation plan.
        var par = view["figures"]!["par"]!;
        Assert.Equal((DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026), "NotOpened", (decimal?)null), (par["frameworkId"]!.GetValue<Guid>(), par["status"]!.GetValue<string>(),
            par["percentage"]?.GetValue<decimal>()));
        Assert.Null(view["figures"]!["commitment"]);
        Assert.Null(view["figures"]!["remediation"]);

        // A fourth dossier and the unit's commitment: the draft keeps its figures until refreshed.
        var desk = await harness.ClientAsync(Desk, ct);
        _ = await harness.CreateAsync(desk, ct);
        await ApplyAsync(harness, ct);
        await OkAsync(await officer.PostAsJsonAsync("/api/v1/parindex/commitments", new { framework = DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026), unit = justice }, ct), ct);
        Assert.Equal(3, TotalLine(await OkAsync(await homeAffairs.GetAsync($"{Reports}/{id}", ct), ct))["toHandle"]!.GetValue<int>());
        var refreshed = await OkAsync(await officer.PostAsJsonAsync($"{Reports}/{id}/refresh", new { revision = 1 }, ct), ct);
        Assert.Equal((2, 4, 50m), (refreshed["revision"]!.GetValue<int>(), TotalLine(refreshed)["toHandle"]!.GetValue<int>(), TotalLine(refreshed)["onTimeRate"]!.GetValue<decimal>()));
        Assert.Equal(("Draft", "None", 8), (refreshed["figures"]!["commitment"]!["status"]!.GetValue<string>(),
            refreshed["figures"]!["commitment"]!["basis"]!.GetValue<string>(), refreshed["figures"]!["commitment"]!["areas"]!.AsArray().Count));

        // The head finalises (figures computed once more), then nothing changes them.
        _ = await harness.CreateAsync(desk, ct);
        await ApplyAsync(harness, ct);
        var final = await OkAsync(await head.PostAsJsonAsync($"{Reports}/{id}/finalise", new { revision = 2, confirm = true }, ct), ct);
        Assert.Equal(("Final", 3, 5, false, false), (final["status"]!.GetValue<string>(), final["revision"]!.GetValue<int>(), TotalLine(final)["toHandle"]!.GetValue<int>(),
            final["mayEdit"]!.GetValue<bool>(), final["mayFinalise"]!.GetValue<bool>()));
        Assert.Equal(Start.UtcDateTime, final["finalisedAt"]!.GetValue<DateTime>().ToUniversalTime());
        _ = await harness.CreateAsync(desk, ct);
        await ApplyAsync(harness, ct);
        Assert.Equal(5, TotalLine(await OkAsync(await homeAffairs.GetAsync($"{Reports}/{id}", ct), ct))["toHandle"]!.GetValue<int>());
        await ProblemAsync(await officer.PostAsJsonAsync($"{Reports}/{id}/refresh", new { revision = 3 }, ct), HttpStatusCode.UnprocessableEntity, ct, "cchc.report_final");
        await ProblemAsync(await officer.PutAsJsonAsync($"{Reports}/{id}/narrative", new { revision = 3, sections = new { general = "Sửa sau khi ký" } }, ct),
            HttpStatusCode.UnprocessableEntity, ct, "cchc.report_final");
        await ProblemAsync(await head.PostAsJsonAsync($"{Reports}/{id}/finalise", new { revision = 3, confirm = true }, ct), HttpStatusCode.UnprocessableEntity, ct,
            "cchc.report_final");
        Assert.Equal(["Created", "FiguresRefreshed", "Finalised"], final["events"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
    }

    [Theory, AllDatabases]
    public async Task OnlyTheUnitWrites_OnlyItsHeadFinalises_HomeAffairsReads_OtherUnitsGet403_AndAStaleRevisionIs409(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        await CreateCommuneAppraiserAsync(harness, ct);
        var (officer, head, commune, homeAffairs, communeHomeAffairs, citizen) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct),
            await harness.ClientAsync(Desk, ct), await harness.ClientAsync(HomeAffairs, ct), await harness.ClientAsync(CommuneHomeAffairs, ct),
            await harness.ClientAsync(Citizen, ct));

        // Opening: only the unit's officers; the province's Home Affairs and a commune's officer may not; one report per period.
        await ProblemAsync(await commune.PostAsJsonAsync(Reports, Q4, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await homeAffairs.PostAsJsonAsync(Reports, Q4, ct), HttpStatusCode.Forbidden, ct);
        var badPeriod = await ProblemAsync(await officer.PostAsJsonAsync(Reports, new { unit = Unit(Justice), period = "calendar-month", year = 2026 }, ct),
            HttpStatusCode.BadRequest, ct);
        Assert.Equal("cchc.period_kind", badPeriod["codes"]!["period"]![0]!.GetValue<string>());
        var noUnit = await ProblemAsync(await officer.PostAsJsonAsync(Reports, new { period = "nd09-year", year = 2026 }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.field_required", noUnit["codes"]!["unit"]![0]!.GetValue<string>());
        var created = await OkAsync(await officer.PostAsJsonAsync(Reports, Q4, ct), ct);
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal(id, (await OkAsync(await head.PostAsJsonAsync(Reports, Q4, ct), ct))["id"]!.GetValue<Guid>());
        var nineMonths = await OkAsync(await officer.PostAsJsonAsync(Reports, new { unit = Unit(Justice), period = "nd09-9-months", year = 2026 }, ct), ct);
        Assert.Equal(("2025-12-15", "2026-09-14", "Kết quả công tác cải cách hành chính 9 tháng năm 2026"), (nineMonths["from"]!.GetValue<string>(),
            nineMonths["to"]!.GetValue<string>(), nineMonths["title"]!.GetValue<string>()));

        // Reading: the unit and the province's Home Affairs; a commune's officer, a commune's Home Affairs and a citizen get 403.
        foreach (var outsider in new[] { commune, communeHomeAffairs, citizen })
        {
            await ProblemAsync(await outsider.GetAsync($"{Reports}/{id}", ct), HttpStatusCode.Forbidden, ct);
            using var export = await outsider.GetAsync($"{Reports}/{id}/export?format=docx", ct);
            Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
            await ProblemAsync(await outsider.PutAsJsonAsync($"{Reports}/{id}/narrative", new { revision = 1, sections = new { general = "x" } }, ct), HttpStatusCode.Forbidden, ct);
        }

        await ProblemAsync(await commune.GetAsync($"{Reports}?unit={Unit(Justice)}", ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await citizen.GetAsync(Reports, ct), HttpStatusCode.Forbidden, ct);
        Assert.Empty((await OkAsync(await commune.GetAsync(Reports, ct), ct))["reports"]!.AsArray());
        var listed = await OkAsync(await homeAffairs.GetAsync(Reports, ct), ct);
        Assert.Equal([id, nineMonths["id"]!.GetValue<Guid>()], listed["reports"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()));
        Assert.Empty(listed["units"]!.AsArray());
        Assert.Equal([Unit(Justice)], (await OkAsync(await officer.GetAsync(Reports, ct), ct))["units"]!.AsArray().Select(u => u!["id"]!.GetValue<Guid>()));
        var read = await OkAsync(await homeAffairs.GetAsync($"{Reports}/{id}", ct), ct);
        Assert.Equal((false, false), (read["mayEdit"]!.GetValue<bool>(), read["mayFinalise"]!.GetValue<bool>()));
        await ProblemAsync(await homeAffairs.PutAsJsonAsync($"{Reports}/{id}/narrative", new { revision = 1, sections = new { general = "x" } }, ct), HttpStatusCode.Forbidden, ct);

        // Writing: sections by key; unknown keys and over-long text refused; a stale or missing revision.
        var saved = await OkAsync(await officer.PutAsJsonAsync($"{Reports}/{id}/narrative",
            new { revision = 1, number = "125/BC-STP", sections = new { general = "Sở đã ban hành kế hoạch CCHC năm 2026.", proposals = "Đề nghị tập huấn." } }, ct), ct);
        Assert.Equal((2, "125/BC-STP", "Sở đã ban hành kế hoạch CCHC năm 2026.", ""), (saved["revision"]!.GetValue<int>(), saved["number"]!.GetValue<string>(),
            saved["sections"]![0]!["text"]!.GetValue<string>(), saved["sections"]![1]!["text"]!.GetValue<string>()));
        Assert.Equal("general,proposals,number", saved["events"]![1]!["detail"]!.GetValue<string>());
        await ProblemAsync(await officer.PutAsJsonAsync($"{Reports}/{id}/narrative", new { revision = 1, sections = new { general = "Cũ" } }, ct), HttpStatusCode.Conflict, ct);
        var missing = await ProblemAsync(await officer.PutAsJsonAsync($"{Reports}/{id}/narrative", new { sections = new { general = "Cũ" } }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.revision_required", missing["codes"]!["revision"]![0]!.GetValue<string>());
        var unknown = await ProblemAsync(await officer.PutAsJsonAsync($"{Reports}/{id}/narrative", new { revision = 2, sections = new { summary = "x" } }, ct),
            HttpStatusCode.BadRequest, ct);
        Assert.Equal("cchc.section_unknown", unknown["codes"]!["sections.summary"]![0]!.GetValue<string>());
        var tooLong = await ProblemAsync(await officer.PutAsJsonAsync($"{Reports}/{id}/narrative", new { revision = 2, sections = new { next = new string('a', 20001) } }, ct),
            HttpStatusCode.BadRequest, ct);
        Assert.Equal("cchc.section_too_long", tooLong["codes"]!["sections.next"]![0]!.GetValue<string>());
        await ProblemAsync(await officer.PostAsJsonAsync($"{Reports}/{id}/refresh", new { revision = 1 }, ct), HttpStatusCode.Conflict, ct);

        // Finalising: only the head, only confirming, only at the current revision.
        await ProblemAsync(await officer.PostAsJsonAsync($"{Reports}/{id}/finalise", new { revision = 2, confirm = true }, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await homeAffairs.PostAsJsonAsync($"{Reports}/{id}/finalise", new { revision = 2, confirm = true }, ct), HttpStatusCode.Forbidden, ct);
        var unconfirmed = await ProblemAsync(await head.PostAsJsonAsync($"{Reports}/{id}/finalise", new { revision = 2 }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("cchc.finalise_confirm", unconfirmed["codes"]!["confirm"]![0]!.GetValue<string>());
        await ProblemAsync(await head.PostAsJsonAsync($"{Reports}/{id}/finalise", new { revision = 1, confirm = true }, ct), HttpStatusCode.Conflict, ct);
        Assert.Equal("Final", (await OkAsync(await head.PostAsJsonAsync($"{Reports}/{id}/finalise", new { revision = 2, confirm = true }, ct), ct))["status"]!.GetValue<string>());
        await ProblemAsync(await officer.GetAsync($"{Reports}/{Guid.NewGuid()}", ct), HttpStatusCode.NotFound, ct);
        var badFormat = await ProblemAsync(await officer.GetAsync($"{Reports}/{id}/export?format=xlsx", ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("cchc.format", badFormat["codes"]!["format"]![0]!.GetValue<string>());
    }

    [Theory, AllDatabases]
    public async Task Docx_CarriesTheNationalHeader_TheFigures_AndTheNarrative_AndThePdfPrints(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        await PlayAsync(harness, ct);
        var (officer, head, homeAffairs) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(HomeAffairs, ct));
        var id = (await OkAsync(await officer.PostAsJsonAsync(Reports, Q4, ct), ct))["id"]!.GetValue<Guid>();
        const string general = "Sở Tư pháp đã ban hành Kế hoạch cải cách hành chính năm 2026 và tổ chức hội nghị sơ kết quý IV.";
        const string limitations = "Còn 01 hồ sơ giải quyết quá hạn do thiếu nhân lực thẩm định.";
        await OkAsync(await officer.PutAsJsonAsync($"{Reports}/{id}/narrative", new { revision = 1, number = "125/BC-STP", sections = new { general, limitations } }, ct), ct);
        await OkAsync(await head.PostAsJsonAsync($"{Reports}/{id}/finalise", new { revision = 2, confirm = true }, ct), ct);

        // The docx, opened back with the OpenXml SDK.
        using var docxResponse = await homeAffairs.GetAsync($"{Reports}/{id}/export?format=docx", ct);
        Assert.Equal(HttpStatusCode.OK, docxResponse.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docxResponse.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("bao-cao-cchc_calendar-quarter_2026-12-31_", docxResponse.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        await using var docxStream = new MemoryStream(await docxResponse.Content.ReadAsByteArrayAsync(ct));
        using var word = WordprocessingDocument.Open(docxStream, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", paragraphs);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", paragraphs);
        Assert.Contains("Số: 125/BC-STP", paragraphs);
        Assert.Contains("BÁO CÁO", paragraphs);
        Assert.Contains("Kết quả công tác cải cách hành chính quý 4/2026", paragraphs);
        Assert.Contains("Sơn La, ngày 24 tháng 11 năm 2026", paragraphs);
        Assert.Contains(general, paragraphs);
        Assert.Contains(limitations, paragraphs);
        Assert.Contains("Chưa có kế hoạch khắc phục.", paragraphs);
        var dossierTable = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Single(t => t.InnerText.Contains("Tỷ lệ đúng hạn", StringComparison.Ordinal));
        var totalRow = dossierTable.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Last()
            .Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["Tổng cộng", "3", "0", "0", "3", "2"], totalRow.Take(6));
        Assert.Equal("66,67 %", totalRow[^1]);

        // The PDF: printed by Chromium on A4 landscape (its words are read back with PdfPig in the browser journey,
        // CchcReportJourneyTests, where PdfPig is referenced).
        using var pdfResponse = await homeAffairs.GetAsync($"{Reports}/{id}/export?format=pdf", ct);
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        var facts = Forms.PdfFacts.Read(await pdfResponse.Content.ReadAsByteArrayAsync(ct));
        Assert.InRange(facts.PageCount, 1, 10);
        Assert.All(facts.MediaBoxes, box => Assert.True(box.Width > box.Height, "A4 landscape"));
    }
}
