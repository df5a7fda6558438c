using MotCua.Domain.Common;

namespace MotCua.Domain.Tests.Common;

public class ResultTests
{
    private sealed record TestError() : Error("test.error", "Lỗi thử");

    [Fact]
    public void ImplicitConversions_ValueAndError_SetTheRightSide()
    {
        Result<int> success = 42;
        Result<int> failure = new TestError();

        Assert.True(success.IsSuccess);
        Assert.Equal(42, success.Value);
        Assert.True(failure.IsFailure);
        Assert.Equal(new TestError(), failure.Error);
        Assert.Equal("ok 42", success.Match(v => $"ok {v}", e => e.Code));
        Assert.Equal("test.error", failure.Match(v => $"ok {v}", e => e.Code));
    }

    [Fact]
    public void Accessors_WrongSideOrDefault_Throw()
    {
        Result<int> failure = new TestError();

        Assert.Throws<InvalidOperationException>(() => failure.Value);
        Assert.Throws<InvalidOperationException>(() => Result.Success(1).Error);
        Assert.False(default(Result<int>).IsSuccess);
        Assert.Throws<InvalidOperationException>(() => default(Result<int>).Error);
        Assert.Throws<ArgumentNullException>(() => Result.Failure<int>(null!));
    }
}
