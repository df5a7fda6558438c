using System.Globalization;
using MotCua.Domain.Feedback;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Web.Pages;

namespace MotCua.IntegrationTests.Web;

/// <summary>Issue 8 §6 "and the reverse": an English page shows the engine's errors in English (by their stable code),
/// a Vietnamese page the engine's own message, and an error without an English text falls back to Vietnamese.</summary>
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
            var untranslated = new PaknNotReceivedBy(DateTime.UtcNow);
            Assert.Equal(untranslated.Message, PageErrors.Message(untranslated));

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi");
            Assert.Equal(new RatingAlreadyGiven().Message, PageErrors.Message(new RatingAlreadyGiven()));
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }
}
