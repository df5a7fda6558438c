using MotCua.Domain.Reports;

namespace MotCua.Domain.Tests.Reports;

/// <summary>The CCHC report's rules (issue 11 §7): sections by known key and bounded length, the document number, the audit
/// trail naming what changed, figures refreshed while a draft and frozen by finalisation, nothing changed after.</summary>
public sealed class CchcReportTests
{
    private static readonly DateTime At = new(2026, 7, 2, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Officer = Guid.NewGuid();
    private static readonly Guid Head = Guid.NewGuid();

    private static CchcReport New() =>
        CchcReport.Create(Guid.NewGuid(), Guid.NewGuid(), ReportPeriod.Of(PeriodRule.CalendarQuarter, 2026, 2).Value, "{\"n\":1}", Officer, At);

    [Fact]
    public void Create_IsADraftWithEveryEmptySection_AndThePeriod()
    {
        var report = New();
        Assert.Equal((CchcReportStatus.Draft, 1, "calendar-quarter", new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30), 2026),
            (report.Status, report.Revision, report.PeriodRule, report.From, report.To, report.Year));
        Assert.Equal(["general", "results", "limitations", "next", "proposals"], report.Sections.Select(s => s.Key));
        Assert.All(report.Sections, s => Assert.Equal(string.Empty, s.Text));
        Assert.Equal((CchcReportEventKind.Created, Officer), (report.Events.Single().Kind, report.Events.Single().UserId));
        Assert.Equal(At, report.FiguresAt);
    }

    [Fact]
    public void SaveNarrative_ReplacesOnlyTheSectionsGiven_AndRecordsWhatChanged()
    {
        var report = New();
        Assert.True(report.SaveNarrative(new Dictionary<string, string?> { ["general"] = "Tình hình chung\r\n", ["next"] = "Nhiệm vụ" }, " 12/BC ", Officer, At).IsSuccess);
        Assert.Equal(("Tình hình chung", "Nhiệm vụ", "12/BC", 2), (report.Text("general"), report.Text("next"), report.Number, report.Revision));
        Assert.Equal("general,next,number", report.Events[^1].Detail);

        // The same text again (line ends aside) changes nothing; another section keeps the first.
        Assert.True(report.SaveNarrative(new Dictionary<string, string?> { ["general"] = "Tình hình chung" }, "12/BC", Officer, At).IsSuccess);
        Assert.Equal(2, report.Revision);
        Assert.True(report.SaveNarrative(new Dictionary<string, string?> { ["proposals"] = "Kiến nghị" }, "12/BC", Officer, At).IsSuccess);
        Assert.Equal(("Tình hình chung", "Kiến nghị", 3, "proposals"), (report.Text("general"), report.Text("proposals"), report.Revision, report.Events[^1].Detail));
    }

    [Theory]
    [InlineData("summary", 5, null, "cchc.section_unknown", "sections.summary")]
    [InlineData("results", CchcReport.MaxSectionLength + 1, null, "cchc.section_too_long", "sections.results")]
    [InlineData("results", 5, 51, "cchc.number_too_long", "number")]
    public void SaveNarrative_RefusesUnknownSections_AndTooLongTexts(string key, int length, int? numberLength, string code, string field)
    {
        var report = New();
        var saved = report.SaveNarrative(new Dictionary<string, string?> { [key] = new string('a', length) },
            numberLength is { } n ? new string('1', n) : null, Officer, At);
        var invalid = Assert.IsType<CchcReportInvalid>(saved.Error);
        Assert.Equal((code, field), (invalid.Detail.Code, invalid.Field));
        Assert.Equal(1, report.Revision);
    }

    [Fact]
    public void Refresh_ReplacesTheFigures_WhileADraft_AndFinaliseFreezesThem()
    {
        var report = New();
        var later = At.AddDays(3);
        Assert.True(report.RefreshFigures("{\"n\":2}", Officer, later).IsSuccess);
        Assert.Equal(("{\"n\":2}", later, 2), (report.Figures, report.FiguresAt, report.Revision));
        Assert.True(report.Finalise("{\"n\":3}", Head, later.AddDays(1)).IsSuccess);
        Assert.Equal((CchcReportStatus.Final, "{\"n\":3}", Head, later.AddDays(1), 3), (report.Status, report.Figures, report.FinalisedBy, report.FinalisedAt, report.Revision));

        Assert.IsType<CchcReportFinal>(report.RefreshFigures("{\"n\":4}", Officer, later.AddDays(2)).Error);
        Assert.IsType<CchcReportFinal>(report.Finalise("{\"n\":4}", Head, later.AddDays(2)).Error);
        Assert.IsType<CchcReportFinal>(report.SaveNarrative(new Dictionary<string, string?> { ["general"] = "x" }, null, Officer, later).Error);
        Assert.Equal(("{\"n\":3}", 3), (report.Figures, report.Revision));
        Assert.Equal([CchcReportEventKind.Created, CchcReportEventKind.FiguresRefreshed, CchcReportEventKind.Finalised], report.Events.Select(e => e.Kind));
    }
}
