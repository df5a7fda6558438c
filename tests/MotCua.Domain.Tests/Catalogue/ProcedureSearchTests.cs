using MotCua.Domain.Catalogue;

namespace MotCua.Domain.Tests.Catalogue;

public class ProcedureSearchTests
{
    private const string BirthKey = "1.001193 dang ky khai sinh ho tich";

    [Theory]
    [InlineData("dang ky khai sinh")]
    [InlineData("Đăng ký khai sinh")]
    [InlineData("KHAI SINH")]
    [InlineData("sinh khai")]
    [InlineData("hộ tịch khai")]
    [InlineData("1.001193")]
    public void Matches_AllQueryWordsInKey_IsTrue(string query)
    {
        Assert.True(ProcedureSearch.Matches(BirthKey, query));
    }

    [Theory]
    [InlineData("khai tử")]
    [InlineData("dang ky ket hon")]
    [InlineData("khai sinh lưu động")]
    public void Matches_SomeQueryWordMissing_IsFalse(string query)
    {
        Assert.False(ProcedureSearch.Matches(BirthKey, query));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Matches_BlankQuery_MatchesEverything(string? query)
    {
        Assert.True(ProcedureSearch.Matches(BirthKey, query));
    }

    [Fact]
    public void Terms_RepeatedAndAccentedWords_AreFoldedAndDistinct()
    {
        Assert.Equal(["uy", "quyen"], ProcedureSearch.Terms("Ủy  quyền uỷ"));
    }
}
