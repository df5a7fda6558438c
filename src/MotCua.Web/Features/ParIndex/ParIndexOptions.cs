namespace MotCua.Web.Features.ParIndex;

/// <summary>Configuration section <c>ParIndex</c>: the province's choices on the self-assessment schedule.</summary>
public sealed class ParIndexOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "ParIndex";

    /// <summary>Whether a self-assessment submitted after the framework's deadline is refused (<c>par.deadline_passed</c>).
    /// Off by default: domain.md §11.4 sets no rule on late submissions, so MotCua accepts them and flags them late.</summary>
    public bool RefuseLateSubmission { get; set; }

    /// <summary>How many days before the deadline the daily reminders start (they go on after it until the unit submits).</summary>
    public int ReminderDaysBefore { get; set; } = 7;
}
