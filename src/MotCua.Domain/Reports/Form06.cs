using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Reports;

/// <summary>One row of Biểu số 06/VPCP/KSTT (TT 01/2020/TT-VPCP; domain.md §12.3): columns 3–13, counted in dossiers.</summary>
/// <param name="Label">Column 2: the sector (or level, or total).</param>
/// <param name="Total">Col. 3 = 4 + 5 + 6.</param>
/// <param name="Online">Col. 4: received online in the period.</param>
/// <param name="InPersonOrPostal">Col. 5: received at the counter or by post in the period.</param>
/// <param name="CarriedOver">Col. 6: open at the end of the day before the period.</param>
/// <param name="Finished">Col. 7 = 8 + 9 + 10: processing ended in the period.</param>
/// <param name="Early">Col. 8: returned before the appointment.</param>
/// <param name="OnTime">Col. 9: on the appointment, and (the form's note) those returned or withdrawn without a
/// result, and those with no appointment to judge by.</param>
/// <param name="Late">Col. 10: after the appointment.</param>
/// <param name="InProgress">Col. 11 = 12 + 13: open at the period's end.</param>
/// <param name="WithinDeadline">Col. 12: open and not overdue (including those waiting for a supplement asked for in
/// time, the form's note).</param>
/// <param name="Overdue">Col. 13: open and overdue.</param>
public sealed record Form06Row(
    string Label, int Total, int Online, int InPersonOrPostal, int CarriedOver, int Finished, int Early, int OnTime, int Late,
    int InProgress, int WithinDeadline, int Overdue)
{
    /// <summary>The row of some (procedure, channel) groups' prefixes: <c>Before</c> summed up to the day before the
    /// period, <c>Until</c> up to its last day.</summary>
    public static Form06Row From(string label, IEnumerable<(DossierChannel Channel, DossierCounts Before, DossierCounts Until)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        int online = 0, other = 0, carried = 0, early = 0, onTime = 0, late = 0, open = 0, overdue = 0;
        foreach (var (channel, before, until) in parts)
        {
            var flow = until - before;
            if (channel == DossierChannel.Online)
            {
                online += flow.Received;
            }
            else
            {
                other += flow.Received;
            }

            carried += before.Open;
            early += flow.EndedEarly;
            onTime += flow.EndedOnTime + flow.EndedUnclassified + flow.EndedWithoutResult;
            late += flow.EndedLate;
            open += until.Open;
            overdue += until.Overdue;
        }

        return new Form06Row(label, online + other + carried, online, other, carried, early + onTime + late, early, onTime, late, open, open - overdue, overdue);
    }

    /// <summary>The sum of rows under a new label (a level's subtotal, the grand total).</summary>
    public static Form06Row Sum(string label, IEnumerable<Form06Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        return new Form06Row(
            label, list.Sum(r => r.Total), list.Sum(r => r.Online), list.Sum(r => r.InPersonOrPostal), list.Sum(r => r.CarriedOver),
            list.Sum(r => r.Finished), list.Sum(r => r.Early), list.Sum(r => r.OnTime), list.Sum(r => r.Late), list.Sum(r => r.InProgress),
            list.Sum(r => r.WithinDeadline), list.Sum(r => r.Overdue));
    }

    /// <summary>The form's own checks (col. 3 = 4 + 5 + 6; 7 = 8 + 9 + 10; 11 = 12 + 13) and conservation: what there
    /// was to handle was either finished or is still open (3 = 7 + 11). Empty when the row is consistent.</summary>
    public IReadOnlyList<string> Inconsistencies()
    {
        var problems = new List<string>();
        if (Total != Online + InPersonOrPostal + CarriedOver)
        {
            problems.Add("cột 3 ≠ 4 + 5 + 6");
        }

        if (Finished != Early + OnTime + Late)
        {
            problems.Add("cột 7 ≠ 8 + 9 + 10");
        }

        if (InProgress != WithinDeadline + Overdue)
        {
            problems.Add("cột 11 ≠ 12 + 13");
        }

        if (Total != Finished + InProgress)
        {
            problems.Add("cột 3 ≠ 7 + 11");
        }

        if (new[] { Online, InPersonOrPostal, CarriedOver, Early, OnTime, Late, WithinDeadline, Overdue }.Any(v => v < 0))
        {
            problems.Add("số âm");
        }

        return problems;
    }
}
