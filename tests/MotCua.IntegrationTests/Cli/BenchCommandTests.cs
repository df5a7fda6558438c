namespace MotCua.IntegrationTests.Cli;

public sealed class BenchCommandTests
{
    [Theory]
    [InlineData("--url", "not a url", "--url")]
    [InlineData("--url", "http://10.1.2.3:8080", "loopback")]
    [InlineData("--url", "http://example.com", "loopback")]
    [InlineData("--duration", "soon", "--duration")]
    [InlineData("--duration", "0s", "--duration")]
    [InlineData("--concurrency", "0", "--concurrency")]
    [InlineData("--scenario", "everything", "--scenario")]
    [InlineData("--receipt-units", "0", "--receipt-units")]
    [InlineData("--receipt-units", "13", "--receipt-units")]
    [InlineData("--rate", "-1", "--rate")]
    public async Task BenchDossiers_BadArgument_OneLineErrorAndExitCode2(string option, string value, string expected)
    {
        string[] args = option == "--url"
            ? ["bench", "dossiers", "--url", value]
            : ["bench", "dossiers", "--url", "http://127.0.0.1:1", option, value];
        var run = await CliRunner.RunAsync(CliRunner.NoDatabase(), args);
        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
    }
}
