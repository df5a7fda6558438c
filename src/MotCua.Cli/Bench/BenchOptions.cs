using System.Globalization;
using System.Net;
using MotCua.Persistence.Seeding;

namespace MotCua.Cli.Bench;

/// <summary>Which requests the bench sends.</summary>
internal enum BenchScenario
{
    Mixed,
    Transitions,
    List,
    Public,

    /// <summary>The server-rendered pages people open: the work list, a dossier's work page and the citizen lookup page
    /// (issue 8). Run it beside a <see cref="Mixed"/> bench to measure them under the engine's load.</summary>
    Pages,
}

/// <summary>Validated `motcua bench dossiers` arguments.</summary>
internal sealed record BenchOptions(
    Uri Url, TimeSpan Duration, TimeSpan Warmup, int Concurrency, BenchScenario Scenario, string DeskUser, string HandlerUser, string HeadUser,
    string Password, int ReceiptUnits, int Rate = 0)
{
    /// <summary>The app's base address from <c>--url</c>; only this machine (the benches are load generators and may never
    /// hit someone else's server).</summary>
    public static Uri LoopbackUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliInputException($"--url không hợp lệ '{url}' (ví dụ http://127.0.0.1:5080).");
        }

        if (!uri.IsLoopback && !(IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)))
        {
            throw new CliInputException($"--url phải là địa chỉ loopback (127.0.0.1, ::1, localhost), không phải '{uri.Host}'.");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    /// <summary>Parses and checks the arguments; throws <see cref="CliInputException"/> with a one-line message.</summary>
    public static BenchOptions Parse(
        string url, string duration, string warmup, int concurrency, string scenario, string deskUser, string handlerUser, string headUser,
        string password, int receiptUnits, int rate = 0)
    {
        var uri = LoopbackUrl(url);

        var length = ParseDuration(duration, "--duration");
        if (length < TimeSpan.FromSeconds(1) || length > TimeSpan.FromHours(1))
        {
            throw new CliInputException("--duration phải từ 1s đến 1h.");
        }

        var warm = ParseDuration(warmup, "--warmup");
        if (warm < TimeSpan.Zero || warm > TimeSpan.FromMinutes(5))
        {
            throw new CliInputException("--warmup phải từ 0s đến 5m.");
        }

        if (concurrency is < 1 or > 1024)
        {
            throw new CliInputException("--concurrency phải từ 1 đến 1024.");
        }

        if (!Enum.TryParse<BenchScenario>(scenario, ignoreCase: true, out var kind) || int.TryParse(scenario, out _))
        {
            throw new CliInputException($"--scenario không hợp lệ '{scenario}' (mixed, transitions, list, public, pages).");
        }

        if (receiptUnits < 1 || receiptUnits > DemoData.CommuneCodes.Count)
        {
            throw new CliInputException($"--receipt-units phải từ 1 đến {DemoData.CommuneCodes.Count}.");
        }

        if (rate is < 0 or > 100_000)
        {
            throw new CliInputException("--rate phải từ 0 (vòng kín) đến 100000 req/s.");
        }

        return new BenchOptions(
            uri, length, warm, concurrency, kind, deskUser, handlerUser, headUser, password,
            receiptUnits, rate);
    }

    /// <summary>"30s", "2m", "500ms", "1h" or a plain number of seconds.</summary>
    public static TimeSpan ParseDuration(string text, string option)
    {
        var t = (text ?? "").Trim().ToLowerInvariant();
        (string Number, double Scale) split = t.EndsWith("ms", StringComparison.Ordinal) ? (t[..^2], 0.001)
            : t.EndsWith('s') ? (t[..^1], 1)
            : t.EndsWith('m') ? (t[..^1], 60)
            : t.EndsWith('h') ? (t[..^1], 3600)
            : (t, 1);
        if (!double.TryParse(split.Number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
        {
            throw new CliInputException($"{option} không hợp lệ '{text}' (ví dụ 30s, 2m, 500ms).");
        }

        return TimeSpan.FromSeconds(value * split.Scale);
    }
}
