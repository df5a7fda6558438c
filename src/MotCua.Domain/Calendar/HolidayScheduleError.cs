using MotCua.Domain.Common;

namespace MotCua.Domain.Calendar;

/// <summary>Why a holiday schedule was rejected.</summary>
/// <param name="Code">Stable machine-readable code, e.g. "DuplicateDate".</param>
/// <param name="Detail">The explanation for the administrator, translatable (the administrator's page may be English).</param>
public sealed record HolidayScheduleError(string Code, FieldMessage Detail)
{
    /// <summary>The explanation in Vietnamese.</summary>
    public string Message => Detail.Text;

    /// <summary>The schedule's year is outside the supported range.</summary>
    public const string YearOutOfRange = nameof(YearOutOfRange);

    /// <summary>A day does not belong to the schedule's year (swaps may reach into the adjacent month across New Year).</summary>
    public const string DateOutsideYear = nameof(DateOutsideYear);

    /// <summary>The same date appears twice.</summary>
    public const string DuplicateDate = nameof(DuplicateDate);

    /// <summary>A make-up working day is not on a Saturday or Sunday.</summary>
    public const string MakeUpWorkdayOnWeekday = nameof(MakeUpWorkdayOnWeekday);

    /// <summary>A compensatory or swapped day off is on a weekend, where it changes nothing.</summary>
    public const string DayOffOnWeekend = nameof(DayOffOnWeekend);

    /// <summary>The kind is Working or Weekend, which describe the ordinary week and are not schedule entries.</summary>
    public const string KindNotAllowed = nameof(KindNotAllowed);

    /// <summary>A day has no description.</summary>
    public const string MissingDescription = nameof(MissingDescription);

    /// <summary>The schedule names no decision or notice.</summary>
    public const string MissingSource = nameof(MissingSource);

    /// <summary>The JSON text is malformed or does not have the expected shape.</summary>
    public const string InvalidJson = nameof(InvalidJson);
}
