using MotCua.Domain.Catalogue;
using MotCua.Web.Forms;

namespace MotCua.IntegrationTests.Forms;

public class FormTextTests
{
    [Theory]
    [InlineData(2026, 2, 5, "ngày 05 tháng 02 năm 2026")]
    [InlineData(2026, 1, 31, "ngày 31 tháng 01 năm 2026")]
    [InlineData(2026, 3, 9, "ngày 09 tháng 3 năm 2026")]
    [InlineData(2026, 12, 10, "ngày 10 tháng 12 năm 2026")]
    public void Date_LeadingZeros_FollowDecree30(int year, int month, int day, string expected) =>
        Assert.Equal(expected, FormText.Date(new DateOnly(year, month, day)));

    [Fact]
    public void TimeAndDate_LateEveningUtc_IsNextMorningInVietnam() =>
        Assert.Equal("01 giờ 15 phút, ngày 09 tháng 3 năm 2026",
            FormText.TimeAndDate(new DateTime(2026, 3, 8, 18, 15, 0, DateTimeKind.Utc)));

    [Fact]
    public void TimeAndDate_UnspecifiedKindFromSqlite_IsReadAsUtc() =>
        Assert.Equal("07 giờ 00 phút, ngày 01 tháng 01 năm 2026",
            FormText.TimeAndDate(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)));

    [Fact]
    public void Compact_Afternoon_UsesHourMarkAndSlashedDate() =>
        Assert.Equal("16h05 12/02/2026", FormText.Compact(new DateTime(2026, 2, 12, 9, 5, 0, DateTimeKind.Utc)));

    [Theory]
    [InlineData(HandoverResult.Early, "Trước hạn")]
    [InlineData(HandoverResult.OnTime, "Đúng hạn")]
    [InlineData(HandoverResult.Late, "Quá hạn")]
    public void Label_HandoverResult_IsTheFormWording(HandoverResult result, string expected) =>
        Assert.Equal(expected, FormText.Label(result));

    [Fact]
    public void Label_SeveralAcceptedForms_JoinsWithOr() =>
        Assert.Equal("Bản chính hoặc Bản sao có chứng thực", FormText.Label(DocumentForms.Original | DocumentForms.CertifiedCopy));
}
