using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

public class VietnamTimeTests
{
    [Fact]
    public void ToLocal_LateUtcEvening_IsNextVietnamDay()
    {
        var utc = new DateTime(2026, 2, 16, 17, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 2, 17, 0, 30, 0), VietnamTime.ToLocal(utc));
        Assert.Equal(utc, VietnamTime.ToUtc(VietnamTime.ToLocal(utc)));
    }
}
