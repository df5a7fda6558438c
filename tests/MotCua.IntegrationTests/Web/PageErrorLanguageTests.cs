using System.Globalization;
using MotCua.Domain.Feedback;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Web.Pages;

namespace MotCua.IntegrationTests.Web;

/// <summary>Issue 8 §6 "and the reverse": an English page shows the engine's errors in English (by their stable code),
/// a Vietnamese page the engine's own message, and an error without an English text (none in the sources, see
/// <see cref="ErrorPageTextTests"/>; here one made up) falls back to Vietnamese.</summary>
public sealed class PageErrorLanguageTests
{
    [Fact]
    public void EngineErrors_FollowThePageLanguage()
    {
        var original = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("This dossier has already been rated; each dossier is rated once.", PageErrors.Message(new RatingAlreadyGiven()));
            Assert.Equal("Draft the answer and the decision first.", PageErrors.Message(new PaknAnswerMissing()));
            Assert.Equal("The feedback or petition had not been received at that time.", PageErrors.Message(new PaknNotReceivedBy(DateTime.UtcNow)));
            var untranslated = new Untranslated();
            Assert.Equal(untranslated.Message, PageErrors.Message(untranslated));

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi");
            Assert.Equal(new RatingAlreadyGiven().Message, PageErrors.Message(new RatingAlreadyGiven()));
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }

    private sealed record Untranslated() : MotCua.Domain.Common.Error("test.untranslated", "Lỗi chưa có bản dịch.");
}
