using MotCua.Cli;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Cli;

/// <summary>Runs `motcua` in-process and captures its output, exit code and error line.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Output, string Error)
    {
        public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>A database setting that points at a SQLite file that does not exist: the built-in holiday data only.</summary>
    public static DatabaseOptions NoDatabase() =>
        new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), $"motcua-none-{Guid.NewGuid():N}.db")}");

    public static async Task<Run> RunAsync(DatabaseOptions database, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MotCuaCli.RunAsync(args, output, error, () => database, TestContext.Current.CancellationToken);
        return new Run(exitCode, output.ToString(), error.ToString());
    }
}
