using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace MotCua.Web.Infrastructure;

/// <summary>Runs the app like <c>RunAsync</c>, but a node asked to stop exits within its shutdown timeout even when a
/// component's disposal waits on an unreachable database.</summary>
/// <remarks>Quartz's clustered job store keeps retrying its database work during an outage, and disposing the scheduler
/// waits for it: a node sent SIGTERM while PostgreSQL was down hung for as long as the outage lasted. The stop itself
/// is bounded by the host (<c>HostOptions.ShutdownTimeout</c>, see <see cref="Jobs.BoundedStopHostedService"/>); the
/// disposal that follows gets the same bound, after which the process exits. By then the web server has stopped and
/// every acknowledged request is committed, so nothing acknowledged is lost. The forced exit is armed only by a
/// termination signal (SIGTERM, SIGINT, SIGQUIT): a host stopped in-process (a test server) never ends its process.</remarks>
public static partial class BoundedRun
{
    public static async Task RunBoundedAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var timeout = app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BoundedRun));
        await app.StartAsync();
        // Last resort: a component that keeps the process alive (a foreground thread retrying the database) cannot
        // hold it past twice the shutdown timeout once the process has been told to stop. The host's own handlers
        // still run (the signal is not cancelled).
        var signalled = 0;
        void Arm(PosixSignalContext context)
        {
            if (Interlocked.Exchange(ref signalled, 1) == 0)
            {
                _ = ExitLaterAsync(timeout * 2, logger);
            }
        }

        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Arm);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Arm);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Arm);
        await app.WaitForShutdownAsync();
        var disposing = app.DisposeAsync().AsTask();
        if (await Task.WhenAny(disposing, Task.Delay(timeout)) != disposing && Volatile.Read(ref signalled) == 1)
        {
            LogAbandoned(logger, timeout.TotalSeconds);
            Environment.Exit(Environment.ExitCode);
        }
    }

    private static async Task ExitLaterAsync(TimeSpan delay, ILogger logger)
    {
        await Task.Delay(delay, CancellationToken.None);
        LogAbandoned(logger, delay.TotalSeconds);
        Environment.Exit(Environment.ExitCode);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The node did not finish stopping within {Seconds} s (database unreachable?); exiting without waiting")]
    private static partial void LogAbandoned(ILogger logger, double seconds);
}
