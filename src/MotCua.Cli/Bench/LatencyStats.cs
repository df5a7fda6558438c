namespace MotCua.Cli.Bench;

/// <summary>Latencies and status codes of one operation type, recorded by one worker (no locking) and merged at the
/// end; percentiles come from the sorted raw samples, so they are exact.</summary>
internal sealed class LatencyStats
{
    private readonly List<long> _ticks = [];

    /// <summary>Responses by HTTP status (0 = transport error or timeout).</summary>
    public Dictionary<int, long> Statuses { get; } = [];

    /// <summary>Successful (2xx) responses.</summary>
    public long Ok { get; private set; }

    /// <summary>All responses.</summary>
    public long Count => _ticks.Count;

    public void Record(long elapsedTicks, int status)
    {
        _ticks.Add(elapsedTicks);
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
        Ok += other.Ok;
        foreach (var (status, n) in other.Statuses)
        {
            Statuses[status] = Statuses.GetValueOrDefault(status) + n;
        }
    }

    /// <summary>The p-th percentile (0–100) in milliseconds (nearest rank).</summary>
    public double PercentileMs(double p)
    {
        if (_ticks.Count == 0)
        {
            return double.NaN;
        }

        _ticks.Sort();
        var rank = (int)Math.Ceiling(p / 100 * _ticks.Count) - 1;
        return TimeSpan.FromTicks(_ticks[Math.Clamp(rank, 0, _ticks.Count - 1)]).TotalMilliseconds;
    }
}
