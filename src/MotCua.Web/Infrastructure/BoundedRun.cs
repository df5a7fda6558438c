using Microsoft.Extensions.Options;

namespace MotCua.Web.Infrastructure;

/// <summary>Runs the app like <c>RunAsync</c>, but a node asked to stop exits within its shutdown timeout even when a
/// component's disposal waits on an unreachable database.</summary>
/// <remarks>Quartz's clustered job store keeps retrying its database work during an outage, and disposing the scheduler
/// waits for it: a node sent SIGTERM while PostgreSQL was down hung for as long as the outage lasted. The stop itself
/// is bounded by the host (<c>HostOptions.ShutdownTimeout</c>, see <see cref="Jobs.BoundedStopHostedService"/>); the
/// disposal that follows gets the same bound, after which the process exits. By then the web server has stopped and
/// every acknowledged request is committed, so nothing acknowledged is lost.</remarks>
public static partial class BoundedRun
{
    public static async Task RunBoundedAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var timeout = app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BoundedRun));
        await app.StartAsync();
        // Last resort: a component that keeps the process alive (a foreground thread retrying the database) cannot
        // hold it past twice the shutdown timeout once stopping has begun.
        _ = ExitLaterAsync(timeout * 2, logger, app.Lifetime.ApplicationStopping);
        await app.WaitForShutdownAsync();
        var disposing = app.DisposeAsync().AsTask();
        if (await Task.WhenAny(disposing, Task.Delay(timeout)) != disposing)
        {
            LogAbandoned(logger, timeout.TotalSeconds);
            Environment.Exit(Environment.ExitCode);
        }
    }

    private static async Task ExitLaterAsync(TimeSpan delay, ILogger logger, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping has begun.
        }

        await Task.Delay(delay, CancellationToken.None);
        LogAbandoned(logger, delay.TotalSeconds);
        Environment.Exit(Environment.ExitCode);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The node did not finish stopping within {Seconds} s (database unreachable?); exiting without waiting")]
    private static partial void LogAbandoned(ILogger logger, double seconds);
}
