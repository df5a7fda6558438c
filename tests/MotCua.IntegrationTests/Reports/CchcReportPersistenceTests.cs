using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Reports;
using MotCua.Domain.Units;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Reports;

/// <summary>A CCHC report, its narrative sections, its figures' snapshot and its audit trail (creation, narrative save,
/// refresh, finalisation) round-trip on both databases; one report per (unit, period).</summary>
public sealed class CchcReportPersistenceTests
{
    private static readonly DateTime At = new DateTime(2026, 7, 2, 2, 30, 15, DateTimeKind.Utc).AddMicroseconds(456);

    [Theory, AllDatabases]
    public async Task CchcReport_RoundTrips_WithSectionsFiguresAndAuditTrail(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var province = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân tỉnh Sơn La", null, UnitLevel.Province, "000.00.00.H56", null, new DateOnly(2025, 7, 1));
        var justice = OrganisationalUnit.Create(Guid.NewGuid(), "Sở Tư pháp", null, UnitLevel.ProvincialDepartment, "000.00.03.H56", province.Id, new DateOnly(2025, 7, 1));
        var period = ReportPeriod.Of(PeriodRule.Nd09SixMonths, 2026, null).Value;
        var (officer, head) = (Guid.NewGuid(), Guid.NewGuid());
        var report = CchcReport.Create(Guid.NewGuid(), justice.Id, period, """{"version":1,"dossiers":[]}""", officer, At);
        Assert.True(report.SaveNarrative(new Dictionary<string, string?>
        {
            ["general"] = "Sở đã ban hành Kế hoạch CCHC năm 2026.\r\nTổ chức 02 hội nghị.",
            ["proposals"] = "Đề nghị Sở Nội vụ tập huấn.",
        }, "45/BC-STP", officer, At.AddHours(1)).IsSuccess);
        Assert.True(report.RefreshFigures("""{"version":1,"dossiers":[{"kind":"total"}]}""", officer, At.AddHours(2)).IsSuccess);
        Assert.True(report.Finalise("""{"version":1,"dossiers":[{"kind":"total","toHandle":3}]}""", head, At.AddDays(1)).IsSuccess);
        await using (var db = database.CreateContext())
        {
            db.OrganisationalUnits.AddRange(province, justice);
            db.CchcReports.Add(report);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.CchcReports.Include(r => r.Events).SingleAsync(r => r.Id == report.Id, ct);
            EntityAssert.AllMappedPropertiesEqual(db, report, loaded);
            Assert.Equal((new DateOnly(2025, 12, 15), new DateOnly(2026, 6, 14), "nd09-6-months", 2026), (loaded.From, loaded.To, loaded.PeriodRule, loaded.Year));
            Assert.Equal(CchcReport.SectionKeys, loaded.Sections.Select(s => s.Key));
            Assert.Equal("Sở đã ban hành Kế hoạch CCHC năm 2026.\nTổ chức 02 hội nghị.", loaded.Text("general"));
            Assert.Equal(string.Empty, loaded.Text("next"));
            Assert.Equal((CchcReportStatus.Final, head, 4), (loaded.Status, loaded.FinalisedBy, loaded.Revision));
            Assert.Equal(DateTimeKind.Utc, loaded.FinalisedAt!.Value.Kind);
            Assert.Contains("\"toHandle\":3", loaded.Figures, StringComparison.Ordinal);
            var events = loaded.Events.OrderBy(e => e.At).ToList();
            Assert.Equal([CchcReportEventKind.Created, CchcReportEventKind.NarrativeSaved, CchcReportEventKind.FiguresRefreshed, CchcReportEventKind.Finalised],
                events.Select(e => e.Kind));
            foreach (var (saved, read) in report.Events.OrderBy(e => e.At).Zip(events))
            {
                EntityAssert.AllMappedPropertiesEqual(db, saved, read);
            }

            Assert.Equal("general,proposals,number", events[1].Detail);

            // One report per unit and period.
            db.CchcReports.Add(CchcReport.Create(Guid.NewGuid(), justice.Id, period, "{}", officer, At));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }
    }
}
