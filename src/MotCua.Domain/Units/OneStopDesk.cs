namespace MotCua.Domain.Units;

/// <summary>A one-stop desk (Bộ phận Một cửa, TTPVHCC) hosted by an organisational unit.</summary>
/// <remarks>
/// Desks are a separate entity attached to their host unit (domain.md §2.2) rather than a unit level, because a
/// desk has its own opening hours, cut-off and kind, while dossiers and codes belong to the host unit.
/// Opening hours and the same-day cut-off are data, not constants, because provinces set them by decision.
/// </remarks>
public sealed class OneStopDesk
{
    /// <summary>Default same-day cut-off: after it, an immediate procedure's result is due the next working day, and with
    /// <see cref="Calendar.DeadlineOptions.CutoffShiftsStart"/> the deadline counts from the next working day (domain.md §5.3).</summary>
    public static readonly TimeOnly DefaultSameDayCutoff = new(15, 0);

    private readonly List<DeskWorkSession> _workSessions = [];

    private OneStopDesk(Guid id, Guid unitId, string name, OneStopDeskKind kind, TimeOnly sameDayCutoff, DateOnly validFrom, DateOnly? validTo)
    {
        Id = id;
        UnitId = unitId;
        Name = name;
        Kind = kind;
        SameDayCutoff = sameDayCutoff;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; private set; }

    /// <summary>The host unit (UBND tỉnh for the provincial centre, the commune UBND for a commune centre).</summary>
    public Guid UnitId { get; private set; }

    /// <summary>Vietnamese name, e.g. "Trung tâm Phục vụ hành chính công tỉnh Sơn La".</summary>
    public string Name { get; private set; }

    /// <summary>Kind of desk.</summary>
    public OneStopDeskKind Kind { get; private set; }

    /// <summary>Time of day after which counter receipts count from the next working day.</summary>
    public TimeOnly SameDayCutoff { get; private set; }

    /// <summary>First day the desk operates.</summary>
    public DateOnly ValidFrom { get; private set; }

    /// <summary>Last day the desk operates, or <see langword="null"/> while open.</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>Weekly opening sessions.</summary>
    public IReadOnlyList<DeskWorkSession> WorkSessions => _workSessions;

    /// <summary>The usual civil-service sessions: Monday–Friday 07:30–11:30 and 13:00–17:00.</summary>
    public static IReadOnlyList<DeskWorkSession> DefaultWorkSessions { get; } =
    [
        .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .SelectMany(day => new[]
            {
                new DeskWorkSession(day, new TimeOnly(7, 30), new TimeOnly(11, 30)),
                new DeskWorkSession(day, new TimeOnly(13, 0), new TimeOnly(17, 0)),
            }),
    ];

    /// <summary>Creates a desk with the given sessions (default: <see cref="DefaultWorkSessions"/>).</summary>
    /// <exception cref="ArgumentException">Empty name, a session that ends before it starts, or overlapping sessions.</exception>
    public static OneStopDesk Create(Guid id, Guid unitId, string name, OneStopDeskKind kind, DateOnly validFrom, DateOnly? validTo = null, IEnumerable<DeskWorkSession>? sessions = null, TimeOnly? sameDayCutoff = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        EffectivePeriod.EnsureOrdered(validFrom, validTo);
        var desk = new OneStopDesk(id, unitId, name.Trim(), kind, sameDayCutoff ?? DefaultSameDayCutoff, validFrom, validTo);
        desk.ReplaceWorkSessions(sessions ?? DefaultWorkSessions);
        return desk;
    }

    /// <summary>Replaces the weekly opening sessions.</summary>
    /// <exception cref="ArgumentException">A session ends before it starts, or two sessions on one day overlap.</exception>
    public void ReplaceWorkSessions(IEnumerable<DeskWorkSession> sessions)
    {
        // Copies: the sessions are owned rows, and one instance shared by two desks (e.g. the defaults) would be
        // tracked as belonging to only one of them.
        var ordered = sessions.Select(s => s with { }).OrderBy(s => s.DayOfWeek).ThenBy(s => s.Start).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].End <= ordered[i].Start)
            {
                throw new ArgumentException($"Session {ordered[i]} ends before it starts.", nameof(sessions));
            }

            if (i > 0 && ordered[i - 1].DayOfWeek == ordered[i].DayOfWeek && ordered[i - 1].End > ordered[i].Start)
            {
                throw new ArgumentException($"Sessions {ordered[i - 1]} and {ordered[i]} overlap.", nameof(sessions));
            }
        }

        _workSessions.Clear();
        _workSessions.AddRange(ordered);
    }

    /// <summary>Renames the desk and sets its same-day cut-off (both are the province's decision, domain.md §2.2).</summary>
    /// <exception cref="ArgumentException">Empty name.</exception>
    public void Change(string name, TimeOnly sameDayCutoff)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        SameDayCutoff = sameDayCutoff;
    }

    /// <summary>Closes the desk after <paramref name="lastDay"/>; its register book and dossiers stay with it.</summary>
    /// <exception cref="ArgumentException"><paramref name="lastDay"/> is before <see cref="ValidFrom"/>.</exception>
    public void Close(DateOnly lastDay)
    {
        EffectivePeriod.EnsureOrdered(ValidFrom, lastDay);
        ValidTo = lastDay;
    }

    /// <summary>Whether the desk operates on <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) => EffectivePeriod.Contains(ValidFrom, ValidTo, date);

    /// <summary>Whether the counter is open at the given Vietnam local weekday and time (holidays are the calendar's business).</summary>
    public bool IsOpenAt(DayOfWeek dayOfWeek, TimeOnly time) => _workSessions.Any(s => s.Contains(dayOfWeek, time));

    /// <summary>Whether a receipt at <paramref name="time"/> (Vietnam local) still counts as received that day.</summary>
    public bool IsBeforeSameDayCutoff(TimeOnly time) => time < SameDayCutoff;
}
