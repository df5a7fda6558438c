using MotCua.Domain.Common;

namespace MotCua.Domain.Reports;

/// <summary>Where a unit's CCHC report stands.</summary>
public enum CchcReportStatus
{
    /// <summary>Written by the unit's officers; its figures may be refreshed from the system.</summary>
    Draft,

    /// <summary>Finalised by the unit's head: the figures and the text are frozen.</summary>
    Final,
}

/// <summary>What happened to a CCHC report (its audit trail).</summary>
public enum CchcReportEventKind
{
    /// <summary>Created as a draft, with the figures of that moment.</summary>
    Created,

    /// <summary>The narrative (or the document number) changed; the event names the sections.</summary>
    NarrativeSaved,

    /// <summary>The figures were computed again from the system.</summary>
    FiguresRefreshed,

    /// <summary>Finalised by the head, the figures computed one last time and frozen.</summary>
    Finalised,
}

/// <summary>One narrative section of the report: its key (<see cref="CchcReport.SectionKeys"/>) and text.</summary>
public sealed record CchcNarrativeSection(string Key, string Text);

/// <summary>One entry of a report's audit trail, kept for ever: who, when, what, and which sections changed.</summary>
public sealed class CchcReportEvent
{
    private CchcReportEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    public CchcReportEventKind Kind { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>The keys of the sections changed, comma-separated (narrative saves), or the new document number.</summary>
    public string? Detail { get; private set; }

    internal static CchcReportEvent Create(Guid reportId, CchcReportEventKind kind, Guid userId, DateTime at, string? detail) => new()
    {
        Id = Guid.NewGuid(),
        ReportId = reportId,
        Kind = kind,
        UserId = userId,
        At = at,
        Detail = detail,
    };
}

/// <summary>The report is final and frozen (<c>cchc.report_final</c>).</summary>
public sealed record CchcReportFinal()
    : Error("cchc.report_final", "Báo cáo đã được lãnh đạo ký ban hành, không sửa được.");

/// <summary>A report's problems (unknown section, text too long, number too long), each under its path.</summary>
public sealed record CchcReportInvalid(string Field, FieldMessage Detail)
    : Error("cchc.report_invalid", Detail.Text);

/// <summary>A unit's report on its administrative-reform work (báo cáo kết quả công tác CCHC; issue 11 item 7; domain.md
/// §12.1 "CCHC work reports") for a period: quarter, 6 months, 9 months or year. The figures come from the system as one
/// opaque JSON snapshot (the web layer computes it from the statistics, the 766 scorecard, the PAR Index…), refreshed at
/// will while a draft and computed one last time and frozen when the head finalises it; the narrative sections are written
/// by the unit's officers. Every change is in <see cref="Events"/>.</summary>
public sealed class CchcReport
{
    /// <summary>Longest text of a narrative section.</summary>
    public const int MaxSectionLength = 20000;

    /// <summary>Longest document number (số hiệu, e.g. <c>125/BC-UBND</c>).</summary>
    public const int MaxNumberLength = 50;

    private IReadOnlyList<CchcNarrativeSection> _sections = [];
    private readonly List<CchcReportEvent> _events = [];

    private CchcReport()
    {
    }

    /// <summary>The narrative sections, in the order of the national outline: general situation, results by task,
    /// limitations and causes, tasks for the next period, proposals.</summary>
    public static IReadOnlyList<string> SectionKeys { get; } = ["general", "results", "limitations", "next", "proposals"];

    public Guid Id { get; private set; }

    /// <summary>The reporting unit; its figures include its child units.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>The period's rule code (<see cref="ReportPeriod.Code"/>).</summary>
    public string PeriodRule { get; private set; } = string.Empty;

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    /// <summary>The year the period is reported for (the year it ends in).</summary>
    public int Year { get; private set; }

    public CchcReportStatus Status { get; private set; }

    /// <summary>The document number (số hiệu), optional until printed.</summary>
    public string? Number { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime? FinalisedAt { get; private set; }

    public Guid? FinalisedBy { get; private set; }

    /// <summary>When <see cref="Figures"/> were computed.</summary>
    public DateTime FiguresAt { get; private set; }

    /// <summary>The figures as computed from the system (JSON, the web layer's format).</summary>
    public string Figures { get; private set; } = "{}";

    /// <summary>Optimistic-concurrency token, incremented by every change.</summary>
    public int Revision { get; private set; }

    /// <summary>Every section of <see cref="SectionKeys"/>, in order (empty text when not written).</summary>
    public IReadOnlyList<CchcNarrativeSection> Sections => _sections;

    /// <summary>The audit trail, oldest first.</summary>
    public IReadOnlyList<CchcReportEvent> Events => _events;

    /// <summary>The text of section <paramref name="key"/>.</summary>
    public string Text(string key) => _sections.FirstOrDefault(s => s.Key == key)?.Text ?? string.Empty;

    /// <summary>A new draft for a unit and a period, with the figures of now.</summary>
    public static CchcReport Create(Guid id, Guid unitId, ReportPeriod period, string figures, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var report = new CchcReport
        {
            Id = id,
            UnitId = unitId,
            PeriodRule = period.Code,
            From = period.From,
            To = period.To,
            Year = period.To.Year,
            Status = CchcReportStatus.Draft,
            CreatedAt = at,
            CreatedBy = userId,
            FiguresAt = at,
            Figures = figures,
            Revision = 1,
            _sections = [.. SectionKeys.Select(k => new CchcNarrativeSection(k, string.Empty))],
        };
        report._events.Add(CchcReportEvent.Create(id, CchcReportEventKind.Created, userId, at, null));
        return report;
    }

    /// <summary>Replaces the sections given (others are kept) and the document number; a section unknown
    /// (<c>cchc.section_unknown</c>) or longer than <see cref="MaxSectionLength"/> (<c>cchc.section_too_long</c>), a number
    /// longer than <see cref="MaxNumberLength"/> (<c>cchc.number_too_long</c>) is refused; refused once final.</summary>
    public Result<CchcReport> SaveNarrative(IReadOnlyDictionary<string, string?> sections, string? number, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(sections);
        if (Status != CchcReportStatus.Draft)
        {
            return new CchcReportFinal();
        }

        foreach (var (key, text) in sections)
        {
            if (!SectionKeys.Contains(key, StringComparer.Ordinal))
            {
                return new CchcReportInvalid($"sections.{key}", new FieldMessage("cchc.section_unknown", "Báo cáo không có mục {0}.", key));
            }

            if ((text?.Length ?? 0) > MaxSectionLength)
            {
                return new CchcReportInvalid($"sections.{key}", new FieldMessage("cchc.section_too_long", "Mỗi mục dài tối đa {0} ký tự.", MaxSectionLength));
            }
        }

        number = string.IsNullOrWhiteSpace(number) ? null : number.Trim();
        if (number is { Length: > MaxNumberLength })
        {
            return new CchcReportInvalid("number", new FieldMessage("cchc.number_too_long", "Số hiệu dài tối đa {0} ký tự.", MaxNumberLength));
        }

        // Line ends kept as typed, but "\r\n" and "\n" are the same text.
        static string Clean(string? text) => (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        var changed = SectionKeys.Where(k => sections.TryGetValue(k, out var text) && Clean(text) != Text(k)).ToList();
        var newSections = SectionKeys.Select(k => new CchcNarrativeSection(k, changed.Contains(k) ? Clean(sections[k]) : Text(k))).ToList();
        var numberChanged = number != Number;
        if (changed.Count == 0 && !numberChanged)
        {
            return this;
        }

        _sections = newSections;
        Number = number;
        var detail = string.Join(",", numberChanged ? changed.Append("number") : changed);
        _events.Add(CchcReportEvent.Create(Id, CchcReportEventKind.NarrativeSaved, userId, at, detail));
        Revision++;
        return this;
    }

    /// <summary>The figures computed again from the system (a draft only).</summary>
    public Result<CchcReport> RefreshFigures(string figures, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (Status != CchcReportStatus.Draft)
        {
            return new CchcReportFinal();
        }

        Figures = figures;
        FiguresAt = at;
        _events.Add(CchcReportEvent.Create(Id, CchcReportEventKind.FiguresRefreshed, userId, at, null));
        Revision++;
        return this;
    }

    /// <summary>The head finalises it with the figures of now: frozen from then on.</summary>
    public Result<CchcReport> Finalise(string figures, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (Status != CchcReportStatus.Draft)
        {
            return new CchcReportFinal();
        }

        Figures = figures;
        FiguresAt = at;
        Status = CchcReportStatus.Final;
        FinalisedAt = at;
        FinalisedBy = userId;
        _events.Add(CchcReportEvent.Create(Id, CchcReportEventKind.Finalised, userId, at, null));
        Revision++;
        return this;
    }
}
