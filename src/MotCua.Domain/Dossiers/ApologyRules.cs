namespace MotCua.Domain.Dossiers;

/// <summary>What happens when an apology is issued later than <see cref="ApologyRules"/> allows.</summary>
public enum LateApologyHandling
{
    /// <summary>Refuse it with <see cref="ApologyTooLate"/> (the reading of ND 61/2018 Art. 19(9)).</summary>
    Reject,

    /// <summary>Accept it with a compliance warning in the history (domain.md §5.6 validation rules).</summary>
    Warn,
}

/// <summary>The timing rule for apologies: "chậm nhất 01 ngày trước ngày hết hạn" (ND 61/2018 Art. 19(9)).</summary>
/// <remarks>The latest issue date is the due date (Vietnam date of the current appointment) minus
/// <see cref="DaysBefore"/> calendar days, or working days with <see cref="CountWorkingDays"/>; any time on that date is
/// in time. With the default (1 calendar day), a dossier due on Thursday must get its apology by Wednesday 23:59; one due
/// on Monday by Sunday, which in practice means Friday. Provinces that want the working-day reading switch it on.</remarks>
public sealed record ApologyRules
{
    /// <summary>One calendar day before, late apologies rejected.</summary>
    public static ApologyRules Default { get; } = new();

    /// <summary>How many days before the due date the apology must be issued at the latest.</summary>
    public int DaysBefore { get; init; } = 1;

    /// <summary>Count <see cref="DaysBefore"/> in working days instead of calendar days.</summary>
    public bool CountWorkingDays { get; init; }

    /// <summary>Reject or only warn when the apology is too late.</summary>
    public LateApologyHandling LateApology { get; init; } = LateApologyHandling.Reject;
}
