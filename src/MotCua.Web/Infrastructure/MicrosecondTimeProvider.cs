namespace MotCua.Web.Infrastructure;

/// <summary>
/// The app clock, cut to whole microseconds. PostgreSQL <c>timestamptz</c> keeps microseconds while .NET ticks are
/// 100 ns, and the dossier history hash covers the instants' ticks: an instant with sub-microsecond ticks was hashed
/// at one value and stored at another, so <c>motcua audit verify</c> reported every API-written chain on PostgreSQL
/// as broken (found by the 1M-dossier bench, docs/benchmarks.md). Cutting at the source keeps hash and row equal on
/// both databases.
/// </summary>
public sealed class MicrosecondTimeProvider(TimeProvider inner) : TimeProvider
{
    private const long TicksPerMicrosecond = 10;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TicksPerMicrosecond), TimeSpan.Zero);
    }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <inheritdoc/>
    public override long TimestampFrequency => inner.TimestampFrequency;

    /// <inheritdoc/>
    public override long GetTimestamp() => inner.GetTimestamp();

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
