using System.CommandLine;
using System.Globalization;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Persistence.Seeding.Dossiers;

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
        var presets = DatabaseSeeder.Presets.Append(ScaleDossierGenerator.Preset).ToList();
        var preset = new Option<string>("--preset") { Description = $"Bộ dữ liệu: {string.Join(", ", presets)}", Required = true };
        var dossiers = new Option<int?>("--dossiers") { Description = "Số hồ sơ sinh (chỉ với --preset scale, PostgreSQL)" };
        var seed = new Option<int>("--seed") { Description = "Hạt giống ngẫu nhiên (scale)", DefaultValueFactory = _ => 20261120 };
        var end = new Option<string?>("--end") { Description = "Thời điểm kết thúc năm dữ liệu (scale; mặc định: bây giờ)" };
        var command = new Command("seed", "Nạp dữ liệu mẫu (chạy lại không tạo trùng; scale thì thêm N hồ sơ mỗi lần)") { preset, dossiers, seed, end };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetRequiredValue(preset);
            if (!presets.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new CliInputException($"bộ dữ liệu không hợp lệ '{name}' (chọn một trong: {string.Join(", ", presets)}).");
            }

            var options = cli.Database();
            if (string.Equals(name, ScaleDossierGenerator.Preset, StringComparison.OrdinalIgnoreCase))
            {
                return await SeedScaleAsync(cli, options, parse.GetValue(dossiers), parse.GetValue(seed), parse.GetValue(end), ct);
            }

            await using var db = DatabaseSetup.CreateContext(options);
            await DatabaseMigrator.MigrateAsync(db, ct);
            var result = await new DatabaseSeeder(db).SeedAsync(name, ct);
            await cli.Output.WriteLineAsync(
                $"{options.Provider}: đã nạp '{result.Preset}': {result.UnitsAdded} đơn vị, {result.DesksAdded} bộ phận một cửa, "
                + $"{result.UsersAdded} người dùng, {result.AssignmentsAdded} phân quyền, {result.ProceduresAdded} phiên bản thủ tục, {result.DossiersAdded} hồ sơ, "
                + $"{result.QuestionnairesAdded} bộ câu hỏi khảo sát.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> SeedScaleAsync(CliContext cli, DatabaseOptions options, int? count, int seed, string? end, CancellationToken ct)
    {
        if (count is not { } n || n < 1 || n > 50_000_000)
        {
            throw new CliInputException("--preset scale cần --dossiers N (1 đến 50000000).");
        }

        if (options.Provider != DatabaseProvider.Postgres)
        {
            // Bulk generation relies on PostgreSQL binary COPY; SQLite is the single-user demo database.
            throw new CliInputException("--preset scale chỉ chạy trên PostgreSQL (Database__Provider=Postgres); SQLite dùng --preset demo.");
        }

        var endUtc = end is null ? TimeProvider.System.GetUtcNow().UtcDateTime : CliParse.Instant(end).UtcDateTime;
        await using var db = DatabaseSetup.CreateContext(options);
        await DatabaseMigrator.MigrateAsync(db, ct);
        var seeder = new DatabaseSeeder(db);
        await seeder.SeedAsync(DemoData.Preset, ct);
        await seeder.EnsureBenchUserAsync(ct);
        var result = await ScaleDossierGenerator.GenerateAsync(db, n, endUtc, seed, line => cli.Output.WriteLine(line), ct);
        await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{options.Provider}: đã sinh {result.Dossiers} hồ sơ, {result.Rows} dòng trong {result.Elapsed.TotalSeconds:F1} s ({result.RowsPerSecond:F0} dòng/s, {result.Dossiers / result.Elapsed.TotalSeconds:F0} hồ sơ/s)."));
        return ExitCodes.Ok;
    }
}
