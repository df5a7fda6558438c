namespace MotCua.Domain.Calendar;

/// <summary>The time of day at which a limit counted in days ends.</summary>
public enum DueTimeOfDay
{
    /// <summary>The close of the day's last working session (e.g. 17:00), the time printed on Form 01.</summary>
    CloseOfLastSession,

    /// <summary>24:00 of the day, the civil-code end of a day (BLDS 2015 Art. 148(1)).</summary>
    EndOfDay,
}
