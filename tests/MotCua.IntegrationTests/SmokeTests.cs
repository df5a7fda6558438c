namespace MotCua.IntegrationTests;

public class SmokeTests
{
    [Fact]
    public void Placeholder_IsReplacedByRealTests() => Assert.True(true);
}
