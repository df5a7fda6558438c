using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Reports;

/// <summary>What an operations dashboard (IOC) shows for a unit over some days, a month or a year, in the terms of
/// Biểu 06 (domain.md §12.3) so that the two never disagree: received (cols 4 + 5), of them online (col. 4), finished
/// (col. 7), of them on time (cols 8 + 9), late (col. 10), and open and overdue at the end (col. 13).</summary>
/// <param name="Received">Received in the days counted (Biểu 06 cols 4 + 5).</param>
/// <param name="ReceivedOnline">Of them, online (col. 4).</param>
/// <param name="Finished">Processing ended in the days counted (col. 7).</param>
/// <param name="FinishedOnTime">Early, on time, ended without a result (withdrawn, refused after appraisal, stopped) and
/// ended with no appointment to judge by: the form's note counts the last three as on time.</param>
/// <param name="Late">Ended after the legal appointment (col. 10).</param>
/// <param name="OverdueOpen">Open and overdue at the end of the last day counted (a standing, not a flow).</param>
/// <param name="ReceivedDigitised">Of the received, those with a digitised component and an electronic result (766
/// indicator 4.2's numerator, <see cref="DossierDayMeasure.ReceivedDigitised"/>).</param>
public sealed record DashboardFigures(
    int Received, int ReceivedOnline, int Finished, int FinishedOnTime, int Late, int OverdueOpen, int ReceivedDigitised = 0)
{
    public static readonly DashboardFigures Zero = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Finished on time / finished, in percent; <see langword="null"/> when nothing finished (neither 0 % nor
    /// 100 %: there is nothing to judge).</summary>
    public decimal? OnTimePercent => Percent(FinishedOnTime, Finished);

    /// <summary>Received online / received, in percent (the dossier count of 766 §3.3, without its electronic-result and
    /// sync conditions); <see langword="null"/> when nothing was received.</summary>
    public decimal? OnlinePercent => Percent(ReceivedOnline, Received);

    /// <summary>Received digitised / received, in percent (766 indicator 4.2); <see langword="null"/> when nothing was
    /// received.</summary>
    public decimal? DigitisedPercent => Percent(ReceivedDigitised, Received);

    /// <summary>Whether nothing was received or finished and nothing is overdue: a row with nothing to drill into.</summary>
    public bool IsZero() => Received == 0 && Finished == 0 && OverdueOpen == 0;

    /// <summary><paramref name="part"/> / <paramref name="whole"/> in percent with one decimal (half away from zero, as
    /// reports print "97,5 %"), or <see langword="null"/> when <paramref name="whole"/> is 0.</summary>
    public static decimal? Percent(int part, int whole)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfNegative(whole);
        return whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>The figures of some (channel, flow) groups, each flow the difference of two prefixes (or a month's rows),
    /// with the overdue standing at the end.</summary>
    public static DashboardFigures From(IEnumerable<(DossierChannel Channel, DossierCounts Flow)> flows, int overdueOpen)
    {
        ArgumentNullException.ThrowIfNull(flows);
        int received = 0, online = 0, finished = 0, late = 0, digitised = 0;
        foreach (var (channel, flow) in flows)
        {
            received += flow.Received;
            digitised += flow.ReceivedDigitised;
            online += channel == DossierChannel.Online ? flow.Received : 0;
            finished += flow.Ended;
            late += flow.EndedLate;
        }

        return new DashboardFigures(received, online, finished, finished - late, late, overdueOpen, digitised);
    }

    /// <summary>The sum of parts (child units, procedures): every figure adds up, and so the rates are those of the whole.</summary>
    public static DashboardFigures Sum(IEnumerable<DashboardFigures> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Aggregate(Zero, (a, b) => new DashboardFigures(
            a.Received + b.Received, a.ReceivedOnline + b.ReceivedOnline, a.Finished + b.Finished, a.FinishedOnTime + b.FinishedOnTime,
            a.Late + b.Late, a.OverdueOpen + b.OverdueOpen, a.ReceivedDigitised + b.ReceivedDigitised));
    }
}
