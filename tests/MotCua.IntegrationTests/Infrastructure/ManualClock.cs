namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>A settable, thread-safe <see cref="TimeProvider"/> for tests (modelled on NodaTime.Testing's FakeClock).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }
}
