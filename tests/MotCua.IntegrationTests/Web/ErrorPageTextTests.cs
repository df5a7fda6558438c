using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Pages;

namespace MotCua.IntegrationTests.Web;

/// <summary>Issue 8 §6 for every rule of the system: each error code written in the sources (domain and web) has a page
/// text in both resource files (<c>Error_{code}</c>), so an English page never falls back to a rule's Vietnamese
/// message, and a new rule without its texts fails here.</summary>
public sealed partial class ErrorPageTextTests
{
    [GeneratedRegex(@"\b\w*Error\(\s*""([a-z_]+\.[a-z0-9_.]+)""")]
    private static partial Regex ErrorCode();

    [Fact]
    public void EveryErrorCode_HasAPageTextInBothLanguages()
    {
        var root = DataRoot.Find(AppContext.BaseDirectory);
        var codes = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ErrorCode().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().Order().ToList();
        Assert.True(codes.Count >= 100, $"Only {codes.Count} error codes found; has the way errors are written changed?");
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.en.resx" })
        {
            var keys = XDocument.Load(Path.Combine(root, "src", "MotCua.Web", "Resources", file)).Root!.Elements("data")
                .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
            Assert.Empty(codes.Where(c => !keys.Contains("Error_" + c)).Select(c => $"{file}: Error_{c}"));
        }

        var original = CultureInfo.CurrentUICulture;
        try
        {
            var error = new InterAgencyChainEmpty();
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("The procedure has no inter-agency chain and the request names no agency.", PageErrors.Message(error));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi");
            Assert.Equal(error.Message, PageErrors.Message(error));
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }
}
