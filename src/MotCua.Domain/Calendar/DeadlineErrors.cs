using MotCua.Domain.Common;

namespace MotCua.Domain.Calendar;

/// <summary>The processing-time limit is negative.</summary>
public sealed record NegativeLimitError(decimal Value)
    : Error("deadline.negative_limit", $"Thời hạn giải quyết không được âm ({Value}).");

/// <summary>The limit has a fraction in a unit that is counted in whole days or months.</summary>
public sealed record FractionalLimitError(decimal Value, ProcessingTimeUnit Unit)
    : Error("deadline.fractional_limit", $"Thời hạn {Value} không phải số nguyên, không dùng được với đơn vị {Unit}.");

/// <summary>The limit is larger than any real procedure allows.</summary>
public sealed record LimitTooLargeError(decimal Value, decimal Maximum)
    : Error("deadline.limit_too_large", $"Thời hạn {Value} vượt quá giới hạn {Maximum}.");

/// <summary>The receipt or the due time falls outside the years the working calendar covers.</summary>
public sealed record OutsideCalendarRangeError(DateOnly FirstDate, DateOnly LastDate)
    : Error("deadline.outside_calendar", $"Lịch làm việc chỉ có từ {FirstDate:dd/MM/yyyy} đến {LastDate:dd/MM/yyyy}.");

/// <summary>The unit is not one of <see cref="ProcessingTimeUnit"/>'s values.</summary>
public sealed record UnknownTimeUnitError(ProcessingTimeUnit Unit)
    : Error("deadline.unknown_unit", $"Đơn vị thời hạn không hợp lệ: {(int)Unit}.");
