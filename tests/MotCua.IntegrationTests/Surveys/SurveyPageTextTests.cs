using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Persistence;
using MotCua.Web.Pages;

namespace MotCua.IntegrationTests.Surveys;

/// <summary>Issue 8 §6 for the survey pages: every survey error code (domain and web) has an English page text
/// (<c>Error_{code}</c> in both resource files), so an English page never shows a Vietnamese rule message.</summary>
public sealed partial class SurveyPageTextTests
{
    [GeneratedRegex(@"Error\(\s*""(survey\.[a-z_]+)""")]
    private static partial Regex ErrorCode();

    [Fact]
    public void EverySurveyErrorCode_HasAPageTextInBothLanguages()
    {
        var root = DataRoot.Find(AppContext.BaseDirectory);
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src", "MotCua.Domain", "Feedback", "Surveys"), "*.cs")
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src", "MotCua.Web", "Features", "Surveys"), "*.cs"));
        var codes = sources.SelectMany(f => ErrorCode().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().Order().ToList();
        Assert.True(codes.Count >= 25, $"Only {codes.Count} survey error codes found.");
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.en.resx" })
        {
            var keys = XDocument.Load(Path.Combine(root, "src", "MotCua.Web", "Resources", file)).Root!.Elements("data")
                .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
            Assert.Empty(codes.Where(c => !keys.Contains("Error_" + c)).Select(c => $"{file}: Error_{c}"));
        }

        var original = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("This invitation has already been answered; each invitation is answered once.", PageErrors.Message(new InvitationAlreadyUsed()));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi");
            Assert.Equal(new InvitationAlreadyUsed().Message, PageErrors.Message(new InvitationAlreadyUsed()));
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }
}
