using System.Diagnostics;

namespace MotCua.Cli.Bench;

/// <summary>Open-loop pacing for one worker: requests go out on a fixed schedule whether or not earlier ones were slow,
/// and each latency counts from the request's slot, not from when it was actually sent, so a stalled server shows up in
/// the percentiles instead of silently lowering the load (no coordinated omission).</summary>
internal sealed class Pacer(long intervalTimestampTicks, long firstSlot)
{
    private long _next = firstSlot;

    /// <summary>A pacer for <paramref name="workers"/> workers sharing <paramref name="ratePerSecond"/>, this one
    /// offset by its <paramref name="index"/> so the workers do not fire together.</summary>
    public static Pacer For(int ratePerSecond, int workers, int index)
    {
        var interval = (long)(Stopwatch.Frequency * (double)workers / ratePerSecond);
        return new Pacer(interval, Stopwatch.GetTimestamp() + interval * index / workers);
    }

    /// <summary>Waits for the next slot and returns its timestamp (<see cref="Stopwatch"/> ticks).</summary>
    public async Task<long> NextAsync(CancellationToken ct)
    {
        var slot = _next;
        _next += intervalTimestampTicks;
        var wait = slot - Stopwatch.GetTimestamp();
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency), ct);
        }

        return slot;
    }
}
