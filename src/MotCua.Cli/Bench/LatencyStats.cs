namespace MotCua.Cli.Bench;

/// <summary>Latencies and status codes of one operation type, recorded by one worker (no locking) and merged at the
/// end; percentiles come from the sorted raw samples, so they are exact.</summary>
internal sealed class LatencyStats
{
    private readonly List<long> _ticks = [];
    private readonly List<long> _serverTicks = [];

    /// <summary>Responses by HTTP status (0 = transport error or timeout).</summary>
    public Dictionary<int, long> Statuses { get; } = [];

    /// <summary>Successful (2xx) responses.</summary>
    public long Ok { get; private set; }

    /// <summary>All responses.</summary>
    public long Count => _ticks.Count;

    /// <summary>Records one response; <paramref name="serverTicks"/> is the time the server says it spent (its
    /// <c>Server-Timing</c> header), when it sends one.</summary>
    public void Record(long elapsedTicks, int status, long? serverTicks = null)
    {
        _ticks.Add(elapsedTicks);
        if (serverTicks is { } server)
        {
            _serverTicks.Add(server);
        }

        Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
        if (status is >= 200 and < 300)
        {
            Ok++;
        }
    }

    public void Merge(LatencyStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _ticks.AddRange(other._ticks);
        _serverTicks.AddRange(other._serverTicks);
        Ok += other.Ok;
        foreach (var (status, n) in other.Statuses)
        {
            Statuses[status] = Statuses.GetValueOrDefault(status) + n;
        }
    }

    /// <summary>The p-th percentile (0–100) in milliseconds (nearest rank), as the client measured it.</summary>
    public double PercentileMs(double p) => Percentile(_ticks, p);

    /// <summary>The p-th percentile of the server's own times; NaN when the server sent none.</summary>
    public double ServerPercentileMs(double p) => Percentile(_serverTicks, p);

    private static double Percentile(List<long> ticks, double p)
    {
        if (ticks.Count == 0)
        {
            return double.NaN;
        }

        ticks.Sort();
        var rank = (int)Math.Ceiling(p / 100 * ticks.Count) - 1;
        return TimeSpan.FromTicks(ticks[Math.Clamp(rank, 0, ticks.Count - 1)]).TotalMilliseconds;
    }
}
