using System.CommandLine;
using System.Globalization;
using MotCua.Domain.Calendar;

namespace MotCua.Cli.Commands;

/// <summary>`motcua calendar …`: lunar conversions, holidays, deadlines and holiday-schedule files.</summary>
internal static class CalendarCommands
{
    public static Command Create(CliContext cli) => new("calendar", "Lịch âm, ngày nghỉ, ngày làm việc và hạn giải quyết")
    {
        Lunar(cli),
        Solar(cli),
        Holidays(cli),
        Due(cli),
        HolidayScheduleCommands.Export(cli),
        HolidayScheduleCommands.Import(cli),
    };

    private static Command Lunar(CliContext cli)
    {
        var date = new Argument<string>("date") { Description = "Ngày dương lịch yyyy-MM-dd" };
        var command = new Command("lunar", "Đổi ngày dương lịch sang âm lịch (giờ Việt Nam, UTC+7)") { date };
        command.SetAction(parse =>
        {
            var solar = CliParse.Date(parse.GetRequiredValue(date));
            if (solar < VietnameseLunarCalendar.MinSolarDate || solar > VietnameseLunarCalendar.MaxSolarDate)
            {
                throw new CliInputException(
                    $"ngày {solar:yyyy-MM-dd} nằm ngoài phạm vi lịch âm ({VietnameseLunarCalendar.MinSolarDate:yyyy-MM-dd} … {VietnameseLunarCalendar.MaxSolarDate:yyyy-MM-dd}).");
            }

            cli.Output.WriteLine(VietnameseLunarCalendar.FromSolar(solar).ToString());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Solar(CliContext cli)
    {
        var date = new Argument<string>("lunar-date") { Description = "Ngày âm lịch ngày/tháng/năm, tháng nhuận thêm L: 1/4L/2020" };
        var command = new Command("solar", "Đổi ngày âm lịch sang dương lịch") { date };
        command.SetAction(parse =>
        {
            var text = parse.GetRequiredValue(date);
            if (!LunarDate.TryParse(text, out var lunar))
            {
                throw new CliInputException($"ngày âm lịch không hợp lệ '{text}' (định dạng ngày/tháng/năm, tháng nhuận thêm L, ví dụ 1/4L/2020).");
            }

            if (!VietnameseLunarCalendar.TryToSolar(lunar, out var solar))
            {
                throw new CliInputException($"không có ngày âm lịch {lunar} (tháng không có ngày đó, không phải tháng nhuận, hoặc ngoài phạm vi).");
            }

            cli.Output.WriteLine(solar.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Holidays(CliContext cli)
    {
        var year = new Argument<string>("year") { Description = "Năm dương lịch" };
        var weekend = new Option<bool>("--include-weekend-holidays") { Description = "Liệt kê cả ngày lễ rơi vào thứ Bảy, Chủ nhật" };
        var command = new Command("holidays", "Các ngày trong tuần được nghỉ và các ngày cuối tuần phải làm việc của một năm") { year, weekend };
        command.SetAction(async (parse, ct) =>
        {
            var y = CliParse.Year(parse.GetRequiredValue(year), StatutoryHolidays.MinYear, StatutoryHolidays.MaxYear);
            var holidays = await CalendarData.LoadHolidayCalendarAsync(cli.Database(), ct);
            foreach (var day in holidays.Deviations(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), parse.GetValue(weekend)))
            {
                await cli.Output.WriteLineAsync($"{day.Date:yyyy-MM-dd} {day.Kind} {day.Description}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Due(CliContext cli)
    {
        var received = new Option<string>("--received") { Description = "Thời điểm tiếp nhận, ISO 8601 có múi giờ, ví dụ 2026-02-12T10:00:00+07:00", Required = true };
        var limit = new Option<string>("--limit") { Description = "Thời hạn giải quyết (số)", Required = true };
        var unit = new Option<string>("--unit") { Description = "Immediate | WorkingHour | WorkingDay | CalendarDay | Month", Required = true };
        var policy = new Option<string>("--policy") { Description = "CalendarDayEnd | WorkingHours", DefaultValueFactory = _ => nameof(DeadlinePolicy.CalendarDayEnd) };
        var cutoffShiftsStart = new Option<bool>("--cutoff-shifts-start") { Description = "Tiếp nhận sau 15:00 thì tính như tiếp nhận đầu ngày làm việc tiếp theo" };
        var command = new Command("due", "Tính thời điểm hẹn trả kết quả") { received, limit, unit, policy, cutoffShiftsStart };
        command.SetAction(async (parse, ct) =>
        {
            var receivedAt = CliParse.Instant(parse.GetRequiredValue(received));
            var value = CliParse.Limit(parse.GetRequiredValue(limit));
            var timeUnit = CliParse.Enum<ProcessingTimeUnit>(parse.GetRequiredValue(unit), "đơn vị thời hạn");
            var deadlinePolicy = CliParse.Enum<DeadlinePolicy>(parse.GetRequiredValue(policy), "cách tính hạn");
            var calculator = new DeadlineCalculator(await CalendarData.LoadWorkingCalendarAsync(cli.Database(), ct), WorkSchedule.Default);
            var options = DeadlineOptions.Default with { CutoffShiftsStart = parse.GetValue(cutoffShiftsStart) };
            var due = calculator.ComputeDue(receivedAt.UtcDateTime, value, timeUnit, deadlinePolicy, options);
            if (due.IsFailure)
            {
                throw new CliInputException(due.Error.Message);
            }

            await cli.Output.WriteLineAsync(VietnamTime.ToOffset(due.Value).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            return ExitCodes.Ok;
        });
        return command;
    }
}
