using System.CommandLine;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.Cli.Commands;

/// <summary>`motcua migrate` and `motcua seed`.</summary>
internal static class DatabaseCommands
{
    public static Command CreateMigrate(CliContext cli)
    {
        var command = new Command("migrate", "Áp dụng các migration còn thiếu vào cơ sở dữ liệu đã cấu hình");
        command.SetAction(async (_, ct) =>
        {
            var options = cli.Database();
            await using var db = DatabaseSetup.CreateContext(options);
            var applied = await DatabaseMigrator.MigrateAsync(db, ct);
            var reference = await new DatabaseSeeder(db).SeedReferenceDataAsync(ct);
            await cli.Output.WriteLineAsync(applied.Count == 0
                ? $"{options.Provider}: cơ sở dữ liệu đã ở phiên bản mới nhất."
                : $"{options.Provider}: đã áp dụng {applied.Count} migration: {string.Join(", ", applied)}");
            await cli.Output.WriteLineAsync(
                $"Dữ liệu tham chiếu: thêm {reference.HolidaySchedulesAdded} lịch nghỉ năm, {reference.Catalogue.VersionsAdded} phiên bản thủ tục.");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateSeed(CliContext cli)
    {
        var preset = new Option<string>("--preset") { Description = $"Bộ dữ liệu: {string.Join(", ", DatabaseSeeder.Presets)}", Required = true };
        var command = new Command("seed", "Nạp dữ liệu mẫu (chạy lại không tạo trùng)") { preset };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetRequiredValue(preset);
            if (!DatabaseSeeder.Presets.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new CliInputException($"bộ dữ liệu không hợp lệ '{name}' (chọn một trong: {string.Join(", ", DatabaseSeeder.Presets)}).");
            }

            var options = cli.Database();
            await using var db = DatabaseSetup.CreateContext(options);
            await DatabaseMigrator.MigrateAsync(db, ct);
            var result = await new DatabaseSeeder(db).SeedAsync(name, ct);
            await cli.Output.WriteLineAsync(
                $"{options.Provider}: đã nạp '{result.Preset}': {result.UnitsAdded} đơn vị, {result.DesksAdded} bộ phận một cửa, "
                + $"{result.UsersAdded} người dùng, {result.AssignmentsAdded} phân quyền, {result.ProceduresAdded} phiên bản thủ tục, {result.DossiersAdded} hồ sơ.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
