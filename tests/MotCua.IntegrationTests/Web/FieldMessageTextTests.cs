using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Pages;

namespace MotCua.IntegrationTests.Web;

/// <summary>Issue 8 §6 for field messages (<see cref="FieldMessage"/>): every code written in the source has its
/// <c>Field_{code}</c> text in both resource files, the Vietnamese one is the engine's own text (so the two cannot drift),
/// the English one takes the same arguments, and a page says the message in its language while the API keeps the
/// Vietnamese text.</summary>
public sealed partial class FieldMessageTextTests
{
    [GeneratedRegex("""new FieldMessage\(\s*"(?<code>[^"]+)",\s*"(?<format>(?:[^"\\]|\\.)*)"\s*[,)]""")]
    private static partial Regex Construction();

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex Placeholder();

    [Fact]
    public void EveryFieldMessageCode_HasItsTextInBothLanguages()
    {
        var root = DataRoot.Find(AppContext.BaseDirectory);
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        var formats = sources.SelectMany(s => Construction().Matches(s))
            .GroupBy(m => m.Groups["code"].Value, m => Regex.Unescape(m.Groups["format"].Value))
            .ToDictionary(g => g.Key, g => g.Distinct().ToList());
        // Every construction but FieldMessage.From's (an engine error's own code and message) has literal text.
        Assert.Equal(sources.Sum(s => Regex.Count(s, @"new FieldMessage\(")) - 1, sources.Sum(s => Construction().Count(s)));
        Assert.True(formats.Count >= 250, $"Only {formats.Count} field message codes found.");
        Assert.Empty(formats.Where(f => f.Value.Count > 1).Select(f => $"{f.Key} has two texts"));

        var vi = Resources("SharedResource.resx");
        var en = Resources("SharedResource.en.resx");
        var problems = new List<string>();
        foreach (var (code, texts) in formats)
        {
            var key = "Field_" + code;
            if (!vi.TryGetValue(key, out var vietnamese) || !en.TryGetValue(key, out var english))
            {
                problems.Add($"{key} is missing from a resource file");
                continue;
            }

            if (vietnamese != texts[0])
            {
                problems.Add($"{key}: the Vietnamese resource differs from the engine's text “{texts[0]}”");
            }

            if (!Placeholders(english).SetEquals(Placeholders(texts[0])))
            {
                problems.Add($"{key}: the English text does not take the same arguments");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void AFieldMessage_IsSaidInThePageLanguage_AndTheApiKeepsTheVietnamese()
    {
        var failed = ValidationFailed.One("applicant.identityNumber",
            ApplicantRules.Problems(new Applicant("An", "0341", null, null, null))["identityNumber"]);
        var nested = new InvalidValue(DossierTrigger.RequestFinancialObligation, new FieldMessage("dossier.label.amount", "số tiền"),
            new FieldMessage("dossier.reason.positive", "phải lớn hơn 0"));
        var original = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var state = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
            PageErrors.Add(state, failed, "Input.");
            Assert.StartsWith("A personal identification number", state["Input.Applicant.IdentityNumber"]!.Errors.Single().ErrorMessage, StringComparison.Ordinal);
            Assert.Equal("Action RequestFinancialObligation: the amount is not valid (must be greater than 0).", PageErrors.Message(nested));

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
            Assert.Equal(nested.Message, PageErrors.Message(nested));
            Assert.Equal("Thao tác RequestFinancialObligation: số tiền không hợp lệ (phải lớn hơn 0).", nested.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }

        Assert.StartsWith("Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số", failed.Errors["applicant.identityNumber"].Single(), StringComparison.Ordinal);
    }

    private static HashSet<string> Placeholders(string format) => [.. Placeholder().Matches(format).Select(m => m.Groups[1].Value)];

    private static Dictionary<string, string> Resources(string file) =>
        XDocument.Load(Path.Combine(DataRoot.Find(AppContext.BaseDirectory), "src", "MotCua.Web", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);
}
