using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MotCua.Domain.Common;

namespace MotCua.Domain.Tests.Common;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("ĐĂNG KÝ KHAI SINH")]
    [InlineData("Đăng ký khai sinh")]
    [InlineData("dang ky khai sinh")]
    [InlineData("  Đăng   ký\tkhai\nsinh  ")]
    public void Fold_AnySpellingOfBirthRegistration_GivesPlainKey(string text)
    {
        Assert.Equal("dang ky khai sinh", VietnameseText.Fold(text));
    }

    [Theory]
    [InlineData("ủy quyền", "uỷ quyền")]
    [InlineData("Hòa giải", "Hoà giải")]
    [InlineData("thủy lợi", "thuỷ lợi")]
    [InlineData("khỏe", "khoẻ")]
    public void Fold_OldAndNewTonePlacement_GiveSameKey(string newStyle, string oldStyle)
    {
        Assert.Equal(VietnameseText.Fold(newStyle), VietnameseText.Fold(oldStyle));
    }

    [Fact]
    public void Fold_IYSpellingVariant_IsNotUnified()
    {
        // "kí"/"ký" are different letters, not tone placements; unifying them would need a dictionary.
        Assert.Equal("dang ki", VietnameseText.Fold("đăng kí"));
    }

    [Fact]
    public void Fold_UyQuyen_IsUyQuyen()
    {
        Assert.Equal("uy quyen", VietnameseText.Fold("Uỷ Quyền"));
    }

    [Fact]
    public void Fold_DecomposedInput_EqualsPrecomposedInput()
    {
        var precomposed = "Chứng thực bản sao";
        var decomposed = precomposed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(precomposed, decomposed);
        Assert.Equal("chung thuc ban sao", VietnameseText.Fold(decomposed));
        Assert.Equal("chung thuc ban sao", VietnameseText.Fold(precomposed));
    }

    [Theory]
    [InlineData("Đồng Tháp", "dong thap")]
    [InlineData("đặc khu Phú Quốc", "dac khu phu quoc")]
    [InlineData("Mã 1.001193", "ma 1.001193")]
    public void Fold_LetterDWithStroke_BecomesD(string text, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t ")]
    public void Fold_BlankInput_IsEmpty(string? text)
    {
        Assert.Equal(string.Empty, VietnameseText.Fold(text));
    }

    private const string VietnameseAlphabet =
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ" +
        "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ 0123456789\t";

    [Fact]
    public void Fold_VietnameseText_IsIdempotentLowerAsciiLettersAndSingleSpaces()
    {
        var vietnameseStrings = Gen.ArrayOf(Gen.Elements(VietnameseAlphabet.ToCharArray()))
            .Select(chars => new string(chars))
            .ToArbitrary();

        Prop.ForAll(vietnameseStrings, text =>
        {
            var folded = VietnameseText.Fold(text);
            return folded == VietnameseText.Fold(folded)
                && folded.All(c => c is ' ' or (>= 'a' and <= 'z') or (>= '0' and <= '9'))
                && !folded.Contains("  ", StringComparison.Ordinal)
                && folded == folded.Trim();
        }).QuickCheckThrowOnFailure();
    }
}
