using System.Diagnostics;
using System.Globalization;

namespace MotCua.Web.Infrastructure;

/// <summary>With <c>Diagnostics:ServerTiming=true</c> (off by default), every response carries
/// <c>Server-Timing: app;dur=…</c>: the milliseconds from the request entering the pipeline to its response starting.
/// <c>motcua bench</c> reads it to report server time apart from the client's own queueing.</summary>
/// <remarks>A page is rendered into a buffer before the first byte is sent, so the response starts once all its work is
/// done. Off by default: timings tell an outsider how long a lookup took, a side channel a public site need not open.</remarks>
public static class ServerTiming
{
    public static IApplicationBuilder UseMotCuaServerTiming(this IApplicationBuilder app, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetValue("Diagnostics:ServerTiming", false))
        {
            return app;
        }

        return app.Use((context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            context.Response.OnStarting(() =>
            {
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                context.Response.Headers.Append("Server-Timing", string.Create(CultureInfo.InvariantCulture, $"app;dur={ms:F1}"));
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
