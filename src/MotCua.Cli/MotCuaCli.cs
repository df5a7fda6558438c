using System.CommandLine;
using MotCua.Cli.Commands;
using MotCua.Persistence;

namespace MotCua.Cli;

/// <summary>The `motcua` command line: database, seed and calendar tools.</summary>
public static class MotCuaCli
{
    /// <summary>Parses and runs one command line; returns the process exit code.</summary>
    /// <remarks>Parse errors and bad input print one line on <paramref name="error"/> and exit with 2.</remarks>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default) =>
        RunAsync(args, output, error, CliDatabase.Options, ct);

    /// <summary>Runs one command line against the database <paramref name="database"/> describes.</summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, Func<DatabaseOptions> database, CancellationToken ct = default)
    {
        var cli = new CliContext(output, database);
        var root = new RootCommand("MotCua — hệ thống một cửa điện tử (one-stop shop) command-line tools")
        {
            CalendarCommands.Create(cli),
            DatabaseCommands.CreateMigrate(cli),
            DatabaseCommands.CreateSeed(cli),
            AuditCommands.Create(cli),
            BenchCommands.Create(cli),
            ServiceIndexCommands.Create(cli),
            ParIndexCommands.Create(cli),
            StatisticsCommands.Create(cli),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await error.WriteLineAsync($"Lỗi: {parsed.Errors[0].Message}");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (CliInputException e)
        {
            await error.WriteLineAsync($"Lỗi: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
