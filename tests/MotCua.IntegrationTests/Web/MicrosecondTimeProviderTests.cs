using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Web;

public sealed class MicrosecondTimeProviderTests
{
    [Fact]
    public void GetUtcNow_SubMicrosecondTicks_CutToWholeMicroseconds()
    {
        var inner = new ManualClock(new DateTimeOffset(2026, 11, 22, 6, 43, 57, TimeSpan.Zero).AddTicks(2_486_257));
        var now = new MicrosecondTimeProvider(inner).GetUtcNow();
        Assert.Equal(0, now.UtcTicks % 10);
        Assert.Equal(inner.GetUtcNow().UtcTicks - 7, now.UtcTicks);
        Assert.Equal(TimeSpan.Zero, now.Offset);
    }
}
