using System.CommandLine;
using MotCua.Domain.Calendar;
using MotCua.Persistence;
using MotCua.Persistence.Holidays;

namespace MotCua.Cli.Commands;

/// <summary>`motcua calendar export-schedule` and `import-schedule`: the official yearly holiday schedule as a JSON file.</summary>
internal static class HolidayScheduleCommands
{
    public static Command Export(CliContext cli)
    {
        var year = new Option<string>("--year") { Description = "Năm dương lịch", Required = true };
        var file = new Option<string?>("--file") { Description = "Tệp JSON đích; bỏ trống thì in ra màn hình" };
        var command = new Command("export-schedule", "Xuất lịch nghỉ chính thức của một năm (hoặc lịch mặc định theo luật) ra JSON") { year, file };
        command.SetAction(async (parse, ct) =>
        {
            var y = CliParse.Year(parse.GetRequiredValue(year), StatutoryHolidays.MinYear, StatutoryHolidays.MaxYear);
            var holidays = await CalendarData.LoadHolidayCalendarAsync(cli.Database(), ct);
            // A year without an official schedule exports its statutory defaults, unconfirmed, as a starting point to edit.
            var schedule = holidays.OfficialSchedule(y) ?? HolidaySchedule.StatutoryDefault(y);
            var json = HolidayScheduleJson.Serialize(schedule);
            if (parse.GetValue(file) is { Length: > 0 } path)
            {
                await File.WriteAllTextAsync(path, json, ct);
                await cli.Output.WriteLineAsync($"Đã xuất lịch nghỉ năm {y} ra {path}.");
            }
            else
            {
                await cli.Output.WriteAsync(json);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Import(CliContext cli)
    {
        var file = new Option<string>("--file") { Description = "Tệp JSON lịch nghỉ của một năm", Required = true };
        var command = new Command("import-schedule", "Nhập lịch nghỉ chính thức của một năm vào cơ sở dữ liệu (thay lịch cũ của năm đó)") { file };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            var read = HolidayScheduleJson.Deserialize(await CliParse.ReadFileAsync(path, ct));
            if (read.Schedule is null)
            {
                throw new CliInputException($"tệp '{path}' không hợp lệ: {string.Join("; ", read.Errors.Select(e => e.Message))}");
            }

            var options = cli.Database();
            await using var db = DatabaseSetup.CreateContext(options);
            await DatabaseMigrator.MigrateAsync(db, ct);
            var errors = await HolidayScheduleStore.ReplaceAsync(db, read.Schedule, TimeProvider.System.GetUtcNow().UtcDateTime, ct);
            if (errors.Count > 0)
            {
                throw new CliInputException($"lịch nghỉ năm {read.Schedule.Year} không hợp lệ: {string.Join("; ", errors.Select(e => e.Message))}");
            }

            await cli.Output.WriteLineAsync($"Đã nhập lịch nghỉ năm {read.Schedule.Year} ({read.Schedule.Entries.Count} ngày) vào {options.Provider}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
