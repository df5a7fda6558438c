using MotCua.Domain.Calendar;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>A reporting period: [<see cref="StartUtc"/>, <see cref="EndUtc"/>).</summary>
/// <remarks>DVCQG scores calendar months, quarters and years (domain.md §8.3); <see cref="FromDates"/> makes them from
/// Vietnam dates. A period still running ends just after "now" (<see cref="Until"/>).</remarks>
public sealed record PaknPeriod
{
    private PaknPeriod(DateTime startUtc, DateTime endUtc)
    {
        StartUtc = startUtc;
        EndUtc = endUtc;
    }

    /// <summary>The first instant inside the period.</summary>
    public DateTime StartUtc { get; }

    /// <summary>The first instant after the period.</summary>
    public DateTime EndUtc { get; }

    /// <summary>The last instant inside the period, at which cases are judged.</summary>
    public DateTime AsOfUtc => EndUtc.AddTicks(-1);

    /// <summary>The period from 00:00 of <paramref name="first"/> to 24:00 of <paramref name="last"/>, Vietnam time.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="last"/> is before <paramref name="first"/>.</exception>
    public static PaknPeriod FromDates(DateOnly first, DateOnly last)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        return new(VietnamTime.StartOfDayUtc(first), VietnamTime.StartOfDayUtc(last.AddDays(1)));
    }

    /// <summary>A period from <paramref name="startUtc"/> up to and including <paramref name="nowUtc"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nowUtc"/> is before <paramref name="startUtc"/>.</exception>
    public static PaknPeriod Until(DateTime startUtc, DateTime nowUtc)
    {
        VietnamTime.RequireUtc(startUtc, nameof(startUtc));
        VietnamTime.RequireUtc(nowUtc, nameof(nowUtc));
        ArgumentOutOfRangeException.ThrowIfLessThan(nowUtc, startUtc);
        return new(startUtc, nowUtc.AddTicks(1));
    }

    /// <summary>Whether <paramref name="instantUtc"/> lies inside the period.</summary>
    public bool Contains(DateTime? instantUtc) => instantUtc is { } at && at >= StartUtc && at < EndUtc;
}
