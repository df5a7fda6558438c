using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using MotCua.Domain.Calendar;
using MotCua.Domain.Reports;

namespace MotCua.Web.Features.Reports.Cchc;

/// <summary>One block of the report's body: a heading (<c>h1</c>: I, II …; <c>h2</c>: 1, 2 …), a paragraph (<c>p</c>) or a
/// table (<c>table</c>: its header and rows, the last row bold when <see cref="BoldLast"/>).</summary>
public sealed record CchcBlock(string Kind, string Text, IReadOnlyList<string>? Header = null, IReadOnlyList<IReadOnlyList<string>>? Rows = null,
    bool BoldLast = false);

/// <summary>A CCHC report laid out as the national administrative report (Nghị định 30/2020/NĐ-CP's layout of a báo cáo):
/// the header (the governing authority and the unit, the number on the left; the country's name and motto, place and date
/// on the right), "BÁO CÁO" and its title, the body (the narrative sections with the figure tables under section II), the
/// recipients and the signature. The page, the docx and the PDF all render this one layout, so they cannot disagree.</summary>
/// <remarks>Texts are resources <c>Cchc_*</c> (and the shared <c>Report06_Period_*</c>): an export is a Vietnamese
/// administrative document and is always built in Vietnamese; the page in the reader's language.</remarks>
public sealed partial record CchcDocument(
    string Authority, string Unit, string NumberLine, string Country, string Motto, string PlaceDate, string Kind, string Title, string PeriodLine,
    IReadOnlyList<CchcBlock> Blocks, string RecipientsTitle, IReadOnlyList<string> Recipients, string SignatureTitle, string StatusLine)
{
    private static readonly ResourceManager Resources = new("MotCua.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

    /// <summary>The report's title in Vietnamese, e.g. "Kết quả công tác cải cách hành chính quý 2/2026".</summary>
    public static string TitleOf(CchcReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return TitleText(report.PeriodRule, report.To, Vietnamese);
    }

    /// <summary>The document in Vietnamese, as every export prints it.</summary>
    public static CchcDocument ForExport(CchcReportView view, DateOnly today) => Build(view, today, Vietnamese);

    /// <summary>The document in <paramref name="culture"/>'s language (the page's); <paramref name="today"/> dates a draft.</summary>
    public static CchcDocument Build(CchcReportView view, DateOnly today, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(culture);
        string T(string key, params object?[] args) => Text(key, culture, args);
        string N(decimal? value) => value is { } v ? v.ToString("#,0.##", culture) : "–";
        string Pct(decimal? value) => value is { } v ? T("Cchc_Percent", v.ToString("0.##", culture)) : "–";

        var f = view.Figures;
        var blocks = new List<CchcBlock>();
        void Narrative(string key)
        {
            var text = view.Sections.FirstOrDefault(s => s.Key == key)?.Text ?? string.Empty;
            var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            blocks.AddRange(paragraphs.Length == 0 ? [new CchcBlock("p", T("Cchc_NotWritten"))] : paragraphs.Select(p => new CchcBlock("p", p)));
        }

        var sectionNumber = 0;
        void Section(string key)
        {
            blocks.Add(new CchcBlock("h1", $"{Roman[sectionNumber++]}. {T("Cchc_Section_" + key)}"));
            Narrative(key);
        }

        Section("general");
        Section("results");

        blocks.Add(new CchcBlock("h2", "1. " + T("Cchc_Fig_Dossiers")));
        blocks.Add(new CchcBlock("table", T("Cchc_Fig_Dossiers"),
            [T("Cchc_Col_Level"), T("Cchc_Col_ToHandle"), T("Cchc_Col_CarriedOver"), T("Cchc_Col_Online"), T("Cchc_Col_InPerson"), T("Cchc_Col_Finished"),
                T("Cchc_Col_Early"), T("Cchc_Col_OnTime"), T("Cchc_Col_Late"), T("Cchc_Col_InProgress"), T("Cchc_Col_Overdue"), T("Cchc_Col_OnTimeRate")],
            [.. f.Dossiers.Select(d => (IReadOnlyList<string>)[d.Kind == "total" ? T("Cchc_Total") : d.Label, N(d.ToHandle), N(d.CarriedOver), N(d.Online),
                N(d.InPersonOrPostal), N(d.Finished), N(d.Early), N(d.OnTime), N(d.Late), N(d.InProgress), N(d.Overdue), Pct(d.OnTimeRate)])],
            BoldLast: true));
        blocks.Add(new CchcBlock("p", T("Cchc_Fig_DossiersNote")));

        blocks.Add(new CchcBlock("h2", "2. " + T("Cchc_Fig_Pakn")));
        var p = f.Pakn;
        blocks.Add(new CchcBlock("table", T("Cchc_Fig_Pakn"), [T("Cchc_Col_Item"), T("Cchc_Col_Value")],
        [
            [T("Cchc_Pakn_ToHandle"), N(p.ToHandle)], [T("Cchc_Pakn_CarriedOver"), N(p.CarriedOver)], [T("Cchc_Pakn_Received"), N(p.Received)],
            [T("Cchc_Pakn_Handled"), N(p.Handled)], [T("Cchc_Pakn_HandledOnTime"), N(p.HandledOnTime)], [T("Cchc_Pakn_HandledLate"), N(p.HandledLate)],
            [T("Cchc_Pakn_Published"), N(p.Published)], [T("Cchc_Pakn_Open"), N(p.Open)], [T("Cchc_Pakn_OpenOverdue"), N(p.OpenOverdue)],
        ]));

        blocks.Add(new CchcBlock("h2", "3. " + T("Cchc_Fig_Digital")));
        if (f.ServiceIndex is { } si)
        {
            blocks.Add(new CchcBlock("table", T("Cchc_Fig_Digital"),
                [T("Cchc_Col_Indicator"), T("Cchc_Col_Name"), T("Cchc_Col_Numerator"), T("Cchc_Col_Denominator"), T("Cchc_Col_Ratio"), T("Cchc_Col_Points")],
                [.. si.Indicators.Select(i => (IReadOnlyList<string>)[i.Id, i.Name, N(i.Numerator), N(i.Denominator), Pct(i.Ratio),
                    $"{N(i.Points)} / {N(i.MaxPoints)}"])]));
        }
        else
        {
            blocks.Add(new CchcBlock("p", T("Cchc_NoServiceIndex", f.ServiceIndexNote ?? "")));
        }

        blocks.Add(new CchcBlock("p", f.Survey switch
        {
            null => T("Cchc_NoSurvey"),
            { Suppressed: true } s => T("Cchc_SurveySuppressed", s.Campaign),
            { } s => T("Cchc_Survey", s.Campaign, Pct(s.Value), Pct(s.Lower), Pct(s.Upper), N(s.Respondents)),
        }));

        blocks.Add(new CchcBlock("h2", "4. " + T("Cchc_Fig_ServiceIndex")));
        blocks.Add(new CchcBlock("p", f.ServiceIndex is { } card
            ? T("Cchc_ServiceIndex", card.PeriodLabel, N(card.TotalPoints), N(card.MaxPoints), Pct(card.Percent), card.SetVersion)
            : T("Cchc_NoServiceIndex", f.ServiceIndexNote ?? "")));

        blocks.Add(new CchcBlock("h2", "5. " + T("Cchc_Fig_Par")));
        blocks.Add(new CchcBlock("p", f.Par switch
        {
            null => T("Cchc_NoPar"),
            { Percentage: null } par => T("Cchc_ParPending", par.Framework, T("Cchc_ParStatus_" + par.Status)),
            { } par => T("Cchc_Par", par.Framework, N(par.Total), N(par.ApplicableMax), Pct(par.Percentage), par.Band ?? T("Cchc_NoBand"),
                N(par.Rank), N(par.Ranked)),
        }));

        blocks.Add(new CchcBlock("h2", "6. " + T("Cchc_Fig_Commitment")));
        if (f.Commitment is { } c)
        {
            blocks.Add(new CchcBlock("p", T("Cchc_Commitment", T("Cchc_CommitmentStatus_" + c.Status), T("Cchc_Basis_" + c.Basis), c.Met, c.NotMet)));
            blocks.Add(new CchcBlock("table", T("Cchc_Fig_Commitment"), [T("Cchc_Col_Area"), T("Cchc_Col_Target"), T("Cchc_Col_Reached"), T("Cchc_Col_Verdict")],
                [.. c.Areas.Select(a => (IReadOnlyList<string>)[$"{a.Area}. {a.Name}", Pct(a.Target), Pct(a.Percent),
                    a.Met switch { true => T("Cchc_Met"), false => T("Cchc_NotMet", N(a.Gap)), null => "–" }])]));
        }
        else
        {
            blocks.Add(new CchcBlock("p", T("Cchc_NoCommitment")));
        }

        blocks.Add(new CchcBlock("h2", "7. " + T("Cchc_Fig_Remediation")));
        blocks.Add(new CchcBlock("p", f.Remediation is { } r ? T("Cchc_Remediation", r.Items, r.Done, r.Overdue) : T("Cchc_NoRemediation")));

        Section("limitations");
        Section("next");
        Section("proposals");

        var date = view.FinalisedAt is { } at ? VietnamTime.BusinessDate(at) : today;
        var province = view.ProvinceName is { } pn && PlaceName().Match(pn) is { Success: true } m ? m.Groups[1].Value : "……";
        var authority = (view.ParentName ?? string.Empty).ToUpper(culture);
        return new CchcDocument(
            authority, view.UnitName.ToUpper(culture), T("Cchc_NumberLine", view.Number ?? "……/BC"), T("Cchc_Country"), T("Cchc_Motto"),
            T("Cchc_PlaceDate", province, date.Day.ToString("00", CultureInfo.InvariantCulture), date.Month.ToString("00", CultureInfo.InvariantCulture), date.Year),
            T("Cchc_Kind"), TitleText(view.PeriodRule, view.To, culture),
            T("Cchc_PeriodLine", view.From.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), view.To.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                T(ReportPeriod.RuleOf(view.PeriodRule) >= PeriodRule.Nd09Month ? "Report06_Rule_Nd09" : "Report06_Rule_Calendar")),
            blocks, T("Cchc_Recipients"), [T("Cchc_Recipient_HomeAffairs"), T("Cchc_Recipient_Archive")], T("Cchc_Signature"),
            view.Status == nameof(CchcReportStatus.Final) ? T("Cchc_StatusFinal") : T("Cchc_StatusDraft", VietnamTime.BusinessDate(view.FiguresAt).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)));
    }

    private static string TitleText(string rule, DateOnly to, CultureInfo culture)
    {
        var length = ReportPeriod.RuleOf(rule) switch
        {
            PeriodRule.CalendarQuarter or PeriodRule.Nd09Quarter => "Quarter",
            PeriodRule.CalendarSixMonths or PeriodRule.Nd09SixMonths => "SixMonths",
            PeriodRule.CalendarNineMonths or PeriodRule.Nd09NineMonths => "NineMonths",
            _ => "Year",
        };
        var period = Text("Report06_Period_" + length, culture, to.Year, (to.Month + 2) / 3, "", "");
        return Text("Cchc_Title", culture, period);
    }

    private static string Text(string key, CultureInfo culture, params object?[] args) =>
        string.Format(culture, Resources.GetString(key, culture) ?? throw new InvalidOperationException($"Missing resource {key}."), args);

    [GeneratedRegex(@"(?:tỉnh|thành phố)\s+(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceName();
}
