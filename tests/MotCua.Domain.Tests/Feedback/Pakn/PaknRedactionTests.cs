using System.Text;
using MotCua.Domain.Feedback.Pakn;

namespace MotCua.Domain.Tests.Feedback.Pakn;

public class PaknRedactionTests
{
    private const string M = PaknRedaction.Mask;

    private static readonly PaknSubmitter Person = PaknSamples.Person;

    [Theory]
    [InlineData("Trả lời ông Nguyễn Văn An về thủ tục.", "Trả lời ông " + M + " về thủ tục.")]
    [InlineData("Trả lời ông NGUYỄN VĂN AN.", "Trả lời ông " + M + ".")]
    [InlineData("Trả lời ông Nguyen Van An.", "Trả lời ông " + M + ".")] // without diacritics
    [InlineData("Trả lời ông Nguyễn  Văn\nAn.", "Trả lời ông " + M + ".")] // other white space
    [InlineData("Ông Nguyễn Văn An hỏi; Sở trả lời ông Nguyễn Văn An.", "Ông " + M + " hỏi; Sở trả lời ông " + M + ".")]
    [InlineData("Địa chỉ: số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội.", "Địa chỉ: " + M + ".")]
    [InlineData("Liên hệ an.nguyen@example.vn hoặc phong.tp@hanoi.gov.vn.", "Liên hệ " + M + " hoặc " + M + ".")]
    public void Redact_SubmitterData_Removed(string text, string expected) =>
        Assert.Equal(expected, PaknRedaction.Redact(text, Person));

    [Theory]
    [InlineData("Gọi 0912345678 để trao đổi.")]
    [InlineData("Gọi 0912 345 678 để trao đổi.")]
    [InlineData("Gọi 0912.345.678 để trao đổi.")]
    [InlineData("Gọi 0912-345-678 để trao đổi.")]
    [InlineData("Gọi +84 912 345 678 để trao đổi.")]
    [InlineData("Gọi +84912345678 để trao đổi.")]
    [InlineData("Gọi 0987654321 để trao đổi.")] // another mobile
    [InlineData("Gọi 02438253535 để trao đổi.")] // a landline with area code
    public void Redact_PhoneNumbers_Removed(string text) =>
        Assert.Equal("Gọi " + M + " để trao đổi.", PaknRedaction.Redact(text, Person));

    [Theory]
    [InlineData("CCCD số 001090000123 đã được kiểm tra.")]
    [InlineData("CCCD số 079203004567 đã được kiểm tra.")]
    public void Redact_TwelveDigitIdentityNumber_Removed(string text) =>
        Assert.Equal("CCCD số " + M + " đã được kiểm tra.", PaknRedaction.Redact(text, Person));

    [Theory]
    [InlineData("Theo Quyết định số 31/2021/QĐ-TTg ngày 11/11/2021, Điều 7 Nghị định 20/2008/NĐ-CP.")]
    [InlineData("Lệ phí 1.000.000 đồng; mã thủ tục 1.000948.H38; 15 ngày làm việc.")]
    [InlineData("Mã hồ sơ 000.00.01.H26-260302-0001, mã PA-2026-000000G.")]
    [InlineData("Lãnh đạo Sở Tư pháp trả lời.")]
    public void Redact_NoPersonalData_Unchanged(string text)
    {
        Assert.Equal(text, PaknRedaction.Redact(text, Person));
        Assert.False(PaknRedaction.ContainsPersonalData(text, Person));
    }

    [Fact]
    public void Redact_ShortName_OnlyWholeWords()
    {
        var lan = Person with { FullName = "Lan" };

        Assert.Equal("Lãnh đạo Sở đã trả lời bà " + M + ".", PaknRedaction.Redact("Lãnh đạo Sở đã trả lời bà Lan.", lan));
    }

    [Fact]
    public void Redact_DecomposedText_RemovesTheMarksWithTheName()
    {
        var prefix = "Trả lời ông ".Normalize(NormalizationForm.FormD);

        var result = PaknRedaction.Redact(prefix + "Nguyễn Văn An.".Normalize(NormalizationForm.FormD), Person);

        Assert.Equal(prefix + M + ".", result);
    }
}
