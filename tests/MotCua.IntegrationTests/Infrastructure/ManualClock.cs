namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>The tests' one clock: stopped at an instant, moved only by <see cref="Advance"/>, safe to read from many
/// threads (modelled on NodaTime.Testing's FakeClock; Microsoft.Extensions.TimeProvider.Testing does not restore here).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>The current instant as a UTC <see cref="DateTime"/>.</summary>
    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
