namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>A clock stopped at one instant, so pages that show "what is in force today" are deterministic.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
