using System.Text.RegularExpressions;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Architecture;

public sealed partial class BannedApiTests
{
    // The clock is injected (TimeProvider) so that deadline rules are testable; see architecture.md "Time".
    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex WallClock();

    [Fact]
    public void Sources_DoNotReadTheWallClockDirectly()
    {
        var root = DataRoot.Find(AppContext.BaseDirectory);
        var src = Path.Combine(root, "src");
        Assert.True(Directory.Exists(src), $"Source folder not found from {AppContext.BaseDirectory}.");

        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && WallClock().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line}")
            .ToList();

        Assert.Empty(offenders);
    }
}
