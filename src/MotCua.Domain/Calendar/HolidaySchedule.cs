using MotCua.Domain.Common;

namespace MotCua.Domain.Calendar;

/// <summary>
/// The official holiday arrangement of one year for civil servants: the Prime Minister's decisions and the Ministry's
/// notices (Labour Code 2019, Art. 112(3)), including swapped days off and make-up Saturdays.
/// </summary>
/// <param name="Year">The solar year covered.</param>
/// <param name="SourceDocument">Decision and notice numbers, e.g. "Thông báo 9441/TB-BNV ngày 16/10/2025".</param>
/// <param name="Confirmed">Whether an administrator has confirmed the whole schedule against the official texts.</param>
/// <param name="Note">Remarks, e.g. what is still to be verified.</param>
/// <param name="Entries">The days that deviate from the Monday–Friday week, weekend holidays included.</param>
/// <remarks>Data, not code: seeded from JSON (<see cref="HolidayScheduleJson"/>) and editable by an administrator.</remarks>
public sealed record HolidaySchedule(
    int Year,
    string SourceDocument,
    bool Confirmed,
    string? Note,
    IReadOnlyList<HolidayScheduleEntry> Entries)
{
    /// <summary>The schedule a year without an official one follows: the statutory defaults (Labour Code 2019, Art. 111(3),
    /// 112(1)), unconfirmed, as the starting point an administrator edits or exports (domain.md §6.1).</summary>
    public static HolidaySchedule StatutoryDefault(int year) => new(
        year, "Bộ luật Lao động 2019, Điều 111(3), 112(1) (mặc định tính toán)", Confirmed: false,
        "Lịch mặc định do MotCua tính; cần đối chiếu quyết định của Thủ tướng và thông báo của Bộ Nội vụ.",
        [.. StatutoryHolidays.Generate(year).Select(d => new HolidayScheduleEntry(d.Date, d.Kind, d.Description, Confirmed: false))]);

    /// <summary>The entries as calendar days, sorted by date.</summary>
    public IReadOnlyList<CalendarDay> Days => [.. Entries.OrderBy(e => e.Date).Select(e => e.ToCalendarDay())];

    /// <summary>Entries that could not be checked against an official text.</summary>
    public IReadOnlyList<HolidayScheduleEntry> UnconfirmedEntries => [.. Entries.Where(e => !e.Confirmed)];

    /// <summary>Checks the schedule; an empty list means it is valid.</summary>
    public IReadOnlyList<HolidayScheduleError> Validate()
    {
        var errors = new List<HolidayScheduleError>();
        if (Year is < StatutoryHolidays.MinYear or > StatutoryHolidays.MaxYear)
        {
            errors.Add(new(HolidayScheduleError.YearOutOfRange, new FieldMessage("calendar.schedule_year_range",
                "Năm {0} nằm ngoài phạm vi hỗ trợ {1}–{2}.", Year, StatutoryHolidays.MinYear, StatutoryHolidays.MaxYear)));
        }

        if (string.IsNullOrWhiteSpace(SourceDocument))
        {
            errors.Add(new(HolidayScheduleError.MissingSource, new FieldMessage("calendar.schedule_source_missing",
                "Lịch nghỉ năm {0} chưa ghi văn bản căn cứ (quyết định, thông báo).", Year)));
        }

        var seen = new HashSet<DateOnly>();
        foreach (var entry in Entries)
        {
            var date = entry.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var weekend = StatutoryHolidays.IsWeekend(entry.Date);
            if (entry.Date.Year != Year && !IsCrossYearSwap(entry))
            {
                errors.Add(new(HolidayScheduleError.DateOutsideYear, new FieldMessage("calendar.date_outside_year", "Ngày {0} không thuộc năm {1}.", date, Year)));
            }

            if (!seen.Add(entry.Date))
            {
                errors.Add(new(HolidayScheduleError.DuplicateDate, new FieldMessage("calendar.duplicate_date", "Ngày {0} xuất hiện nhiều lần.", date)));
            }

            if (string.IsNullOrWhiteSpace(entry.Description))
            {
                errors.Add(new(HolidayScheduleError.MissingDescription, new FieldMessage("calendar.description_missing", "Ngày {0} chưa có mô tả.", date)));
            }

            switch (entry.Kind)
            {
                case DayKind.MakeUpWorkday when !weekend:
                    errors.Add(new(HolidayScheduleError.MakeUpWorkdayOnWeekday, new FieldMessage("calendar.make_up_on_weekday",
                        "Ngày làm bù {0} phải là thứ Bảy hoặc Chủ nhật, nhưng là ngày làm việc bình thường.", date)));
                    break;
                case DayKind.CompensatoryOff or DayKind.SwapOff when weekend:
                    errors.Add(new(HolidayScheduleError.DayOffOnWeekend, new FieldMessage("calendar.day_off_on_weekend",
                        "Ngày nghỉ bù/hoán đổi {0} rơi vào ngày nghỉ hằng tuần nên không có tác dụng.", date)));
                    break;
                case DayKind.Working or DayKind.Weekend:
                    errors.Add(new(HolidayScheduleError.KindNotAllowed, new FieldMessage("calendar.kind_not_allowed",
                        "Ngày {0}: loại \"{1}\" không dùng trong lịch nghỉ (chỉ Holiday, CompensatoryOff, SwapOff, MakeUpWorkday).", date, entry.Kind)));
                    break;
                case DayKind.Holiday or DayKind.CompensatoryOff or DayKind.SwapOff or DayKind.MakeUpWorkday:
                    break;
                default:
                    errors.Add(new(HolidayScheduleError.KindNotAllowed, new FieldMessage("calendar.kind_invalid",
                        "Ngày {0}: loại ngày không hợp lệ ({1}).", date, (int)entry.Kind)));
                    break;
            }
        }

        return errors;
    }

    // A swap can straddle New Year: 31/12/2018 off, made up on Saturday 05/01/2019 (Công văn 6519/VPCP-KGVX, 2018).
    // Its swap and make-up days belong to one decision, so they may sit in the other year's first or last month.
    private bool IsCrossYearSwap(HolidayScheduleEntry entry) =>
        entry.Kind is DayKind.SwapOff or DayKind.MakeUpWorkday
        && (entry.Date.Year == Year + 1 && entry.Date.Month == 1 || entry.Date.Year == Year - 1 && entry.Date.Month == 12);
}
