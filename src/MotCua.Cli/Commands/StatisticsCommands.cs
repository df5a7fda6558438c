using System.CommandLine;
using MotCua.Persistence;
using MotCua.Persistence.Statistics;

namespace MotCua.Cli.Commands;

/// <summary>`motcua stats …`: the dossier statistics that reports and the 766 scorecard read (issue 10 §5).</summary>
internal static class StatisticsCommands
{
    public static Command Create(CliContext cli) => new("stats", "Số liệu thống kê hồ sơ theo ngày, tháng (dùng cho báo cáo và chỉ số 766)")
    {
        Rebuild(cli),
    };

    private static Command Rebuild(CliContext cli)
    {
        var command = new Command("rebuild", "Tính lại toàn bộ số liệu thống kê từ lịch sử hồ sơ (sau khi nạp dữ liệu hàng loạt hoặc để đối chiếu)");
        command.SetAction(async (parse, ct) =>
        {
            var options = cli.Database();
            await using var db = DatabaseSetup.CreateContext(options);
            await DatabaseMigrator.MigrateAsync(db, ct);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var counted = await DossierStatistics.RebuildAsync(db, ct: ct);
            await cli.Output.WriteLineAsync(
                $"Đã tính lại số liệu thống kê của {counted} hồ sơ trong {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} giây ({options.Provider}).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
