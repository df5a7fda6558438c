using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MotCua.IntegrationTests.Edge;

/// <summary>Generates bad HTTP requests from the app's own OpenAPI document (so new endpoints are covered without
/// touching the test): mutated path values, query strings, headers, content types and bodies (JSON built from the
/// request schema then broken field by field, or the raw text corrupted; malformed multipart). Deterministic for a seed.</summary>
public sealed partial class ApiFuzzer(JsonNode spec, Random random, ApiFuzzer.Known known)
{
    /// <summary>Real values the requests sometimes use, so that mutations reach the handlers past the 404s.</summary>
    public sealed record Known(IReadOnlyList<string> Ids, IReadOnlyList<string> Codes, IReadOnlyList<string> Triggers, IReadOnlyList<int> Versions);

    /// <summary>One operation of the OpenAPI document.</summary>
    public sealed record Operation(string Method, string Path, JsonArray Parameters, JsonObject? RequestBody)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private static readonly string[] BadStrings =
    [
        "", " ", "null", "abc", "-1", "0", "1e309", "%00", "\u0000", "a\u0000b", "\ud800", "\r\nX-Injected: 1", "../../etc/passwd",
        "' OR 1=1 --", "<script>alert(1)</script>", "Hồ sơ Nguyễn Văn Bình", "\u202e\u0000", "{}", "[]", "9999-12-31T23:59:59Z",
        "0001-01-01T00:00:00Z", "2026-11-24T09:00:00", "2026-02-30T00:00:00+07:00", "00000000-0000-0000-0000-000000000000",
    ];

    private static readonly string[] BadInstants =
    [
        "9999-12-31T23:59:59Z", "9999-12-31T23:59:59+07:00", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+07:00", "2026-11-24T09:00:00",
        "2026-11-24", "2026-13-45T00:00:00Z", "24/11/2026", "2026-11-24T09:00:00+14:00", "1900-01-01T00:00:00Z", "2199-12-31T00:00:00Z",
        "2026-11-30T09:00:00+07:00", "2026-11-20T09:00:00Z", "",
    ];

    private static readonly string[] BadNumbers =
        ["-1", "0", "1", "2147483648", "-2147483649", "1e308", "-1e308", "79228162514264337593543950336", "0.5", "-0", "1E+2", "99999", "NaN"];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-7", "application/json; charset=latin1",
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
        "application/problem+json", "*/*", "application/json; boundary=x", "invalid",
    ];

    private static readonly string[] Accepts = ["application/json", "text/html", "application/pdf", "*/*", "application/xml", "invalid/;;", ""];

    /// <summary>The operations of the document, in a stable order.</summary>
    public static IReadOnlyList<Operation> Operations(JsonNode spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var operations = new List<Operation>();
        foreach (var (path, item) in spec["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "parameters" or "summary" or "description" or "servers")
                {
                    continue;
                }

                operations.Add(new Operation(method.ToUpperInvariant(), path, operation!["parameters"] as JsonArray ?? [],
                    operation["requestBody"] as JsonObject));
            }
        }

        return [.. operations.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)];
    }

    /// <summary>A new bad (or occasionally good) request for <paramref name="operation"/>.</summary>
    public HttpRequestMessage Build(Operation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var query = new List<string>();
        // An encoded NUL in the path never reaches the app: Kestrel answers 400 itself (KestrelEdgeTests), and the
        // in-memory test server refuses to send it.
        var path = PathParameter().Replace(operation.Path, m => PathValue(m.Groups[1].Value).Replace("%00", "", StringComparison.Ordinal));
        foreach (var parameter in operation.Parameters)
        {
            if (parameter!["in"]?.GetValue<string>() == "query" && random.Next(3) > 0)
            {
                var name = parameter["name"]!.GetValue<string>();
                query.Add($"{Escape(name)}={Escape(ScalarText(name, Schema(parameter["schema"])))}");
            }
        }

        if (random.Next(6) == 0)
        {
            query.Add($"{Escape(Pick(BadStrings))}={Escape(Pick(BadStrings))}");
        }

        var uri = path + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        var request = new HttpRequestMessage(new HttpMethod(random.Next(40) == 0 ? Pick(["PUT", "DELETE", "PATCH", "OPTIONS"]) : operation.Method), uri);
        if (operation.RequestBody?["content"] is JsonObject content)
        {
            request.Content = content.ContainsKey("multipart/form-data") ? Multipart() : JsonBody(content);
        }
        else if (random.Next(10) == 0)
        {
            request.Content = new StringContent(Pick(BadStrings), Encoding.UTF8, "application/json");
        }

        if (random.Next(4) == 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", Pick(Accepts));
        }

        if (random.Next(5) == 0)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(3) switch
            {
                0 => new string('k', random.Next(150, 400)),
                1 => Guid.NewGuid().ToString(),
                _ => "k\u0001" + random.Next(),
            });
        }

        return request;
    }

    private ByteArrayContent JsonBody(JsonObject content)
    {
        var schema = content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.Ordinal)).Value?["schema"];
        var node = schema is null ? new JsonObject() : Generate(Schema(schema), "", 0, mutate: true);
        var text = node?.ToJsonString() ?? "null";
        text = random.Next(10) switch
        {
            0 => text[..random.Next(text.Length + 1)],
            1 => text.Replace("\"", random.Next(2) == 0 ? "'" : "", StringComparison.Ordinal),
            2 => random.Next(3) switch { 0 => "", 1 => "null", _ => "[" + text + "]" },
            3 => new string('[', 5000) + new string(']', 5000),
            _ => text,
        };
        // A lone surrogate cannot survive JsonNode; it is put in as its JSON escape.
        text = text.Replace("LONE_SURROGATE", "\\ud800", StringComparison.Ordinal);
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        body.Headers.TryAddWithoutValidation("Content-Type", random.Next(5) == 0 ? Pick(ContentTypes) : "application/json");
        return body;
    }

    private JsonNode? Generate(JsonObject? schema, string name, int depth, bool mutate)
    {
        if (mutate && random.Next(5) == 0)
        {
            return Mutation(name);
        }

        var type = TypeOf(schema);
        switch (type)
        {
            case "object":
                var result = new JsonObject();
                foreach (var (property, propertySchema) in schema?["properties"]?.AsObject() ?? [])
                {
                    if (random.Next(4) > 0)
                    {
                        result[property] = Generate(Schema(propertySchema), property, depth + 1, mutate && depth < 4);
                    }
                }

                if (random.Next(10) == 0)
                {
                    result[Pick(BadStrings)] = Pick(BadStrings);
                }

                return result;
            case "array":
                var array = new JsonArray();
                for (var i = random.Next(4); i > 0; i--)
                {
                    array.Add(random.Next(6) == 0 ? null : Generate(Schema(schema?["items"]), name, depth + 1, mutate && depth < 4));
                }

                return array;
            case "integer":
                return name == "version" && random.Next(2) == 0 ? Pick(known.Versions) : random.Next(-5, 5);
            case "number":
                return random.Next(3) == 0 ? random.Next(-3, 30) : Math.Round(random.NextDouble() * 20, 2);
            case "boolean":
                return random.Next(2) == 0;
            default:
                return ScalarText(name, schema);
        }
    }

    // A value of the wrong kind, an extreme value, or a hostile string.
    private JsonNode? Mutation(string name) => random.Next(12) switch
    {
        0 => null,
        1 => JsonNode.Parse(Pick(["1e308", "-1e308", "79228162514264337593543950336", "-79228162514264337593543950336", "1.7976931348623157E+308", "0.0000000000000000000000000001"])),
        2 => Pick(BadInstants),
        3 => string.Concat(Enumerable.Repeat(Pick(["a", "ệ", "😀", " "]), random.Next(2) == 0 ? random.Next(290, 320) : random.Next(1000, 70_000))),
        4 => "Nguyễn\u0000Văn",
        5 => "LONE_SURROGATE",
        6 => new JsonArray(null, null),
        7 => new JsonObject { ["x"] = new JsonArray(JsonValue.Create(1)) },
        8 => true,
        9 => random.Next(),
        10 => Pick(BadStrings),
        _ => Deep(random.Next(20, 200)),
    };

    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["a"] = node };
        }

        return node;
    }

    private string ScalarText(string name, JsonObject? schema)
    {
        if (schema?["enum"] is JsonArray values && values.Count > 0 && random.Next(3) > 0)
        {
            return values[random.Next(values.Count)]?.ToString() ?? "";
        }

        var format = schema?["format"]?.GetValue<string>();
        var type = TypeOf(schema);
        return random.Next(4) switch
        {
            0 => Pick(BadStrings),
            _ when name.Equals("trigger", StringComparison.OrdinalIgnoreCase) => Pick(known.Triggers),
            _ when name.Equals("reaction", StringComparison.OrdinalIgnoreCase) => Pick(["Like", "Dislike", "None", "like"]),
            _ when format == "date-time" => Pick(BadInstants),
            _ when format == "uuid" => random.Next(2) == 0 ? Pick(known.Ids) : Guid.NewGuid().ToString(),
            _ when type is "integer" or "number" => Pick(BadNumbers),
            _ when type == "boolean" => Pick(["true", "false", "1", "yes", ""]),
            _ when name.Equals("format", StringComparison.OrdinalIgnoreCase) => Pick(["html", "pdf", "xml", "", "PDF"]),
            _ => random.Next(3) == 0 ? new string('x', random.Next(1, 300)) : Pick(BadStrings),
        };
    }

    private string PathValue(string name)
    {
        var roll = random.Next(10);
        return name switch
        {
            _ when roll == 0 => Pick(["%00", "%2e%2e", "a%2Fb", new string('9', 3000), "%E2%82", "%ZZ", "-1", " "]),
            "code" => roll < 5 ? Escape(Pick(known.Codes)) : Escape(Pick(BadStrings) + random.Next(1000)),
            "form" => Pick(["01", "02", "03", "04", "05", "06", "07", "99", "1", "x", "01.pdf"]),
            _ => roll < 6 ? Pick(known.Ids) : roll < 9 ? Guid.NewGuid().ToString() : Escape(Pick(BadStrings) + "x"),
        };
    }

    private ByteArrayContent Multipart()
    {
        var boundary = "motcua" + random.Next(1_000_000);
        var fileName = random.Next(4) switch
        {
            0 => "to\r\nkhai.pdf",
            1 => "t\u0000o.pdf",
            2 => new string('a', 400) + ".pdf",
            _ => "to-khai.pdf",
        };
        var component = random.Next(4) == 0 ? new string('c', 600) : random.Next(5) == 0 ? "a\u0000b" : "Tờ khai";
        var fileBytes = random.Next(3) == 0 ? Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 200)) : RandomBytes(random.Next(1, 600));
        var text = new StringBuilder()
            .Append("--").Append(boundary).Append("\r\nContent-Disposition: form-data; name=\"componentName\"\r\n\r\n").Append(component).Append("\r\n")
            .Append("--").Append(boundary).Append("\r\nContent-Disposition: form-data; name=\"requiredDocumentIndex\"\r\n\r\n")
            .Append(Pick(["1", "-1", "99999999999", "x", ""])).Append("\r\n")
            .Append("--").Append(boundary).Append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").Append(fileName)
            .Append("\"\r\nContent-Type: ").Append(Pick(["application/pdf", "image/png", "text/plain", "", "application/octet-stream"])).Append("\r\n\r\n")
            .ToString();
        var tail = $"\r\n--{boundary}--\r\n";
        var bytes = Encoding.UTF8.GetBytes(text).Concat(fileBytes).Concat(Encoding.UTF8.GetBytes(tail)).ToArray();
        var header = $"multipart/form-data; boundary={boundary}";
        switch (random.Next(7))
        {
            case 0:
                header = "multipart/form-data";
                break;
            case 1:
                header = $"multipart/form-data; boundary={new string('b', 200)}";
                break;
            case 2:
                bytes = bytes[..random.Next(bytes.Length)];
                break;
            case 3:
                header = Pick(ContentTypes);
                break;
            case 4:
                bytes = Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n");
                break;
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", header);
        return content;
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private JsonObject? Schema(JsonNode? node)
    {
        for (var i = 0; i < 10 && node is JsonObject o; i++)
        {
            if (o["$ref"]?.GetValue<string>() is { } reference)
            {
                node = spec["components"]?["schemas"]?[reference.Split('/')[^1]];
                continue;
            }

            if ((o["oneOf"] ?? o["anyOf"] ?? o["allOf"]) is JsonArray alternatives)
            {
                node = alternatives.FirstOrDefault(a => TypeOf(a as JsonObject) != "null") ?? alternatives.FirstOrDefault();
                continue;
            }

            return o;
        }

        return node as JsonObject;
    }

    private static string? TypeOf(JsonObject? schema) => schema?["type"] switch
    {
        JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null"),
        JsonValue value => value.GetValue<string>(),
        _ => schema?["properties"] is not null ? "object" : null,
    };

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];

    private static string Escape(string value) => Uri.EscapeDataString(value.Length > 0 && char.IsSurrogate(value[0]) ? "x" + value[1..] : value.Replace("\ud800", "", StringComparison.Ordinal));

    [GeneratedRegex("\\{([^}:]+)(:[^}]*)?\\}")]
    private static partial Regex PathParameter();

    /// <summary>Whether a response body shows server internals: an exception type, a stack frame or a source path.</summary>
    public static bool LeaksInternals(string body) => LeakPattern().IsMatch(body);

    [GeneratedRegex(@"\bat [\w.`<>]+\(|\.cs:line|/work/|/src/|[A-Za-z]:\\|\b(System|Npgsql|Microsoft)\.[\w.]*Exception\b|StackTrace|InnerException", RegexOptions.CultureInvariant)]
    private static partial Regex LeakPattern();

    /// <summary>A one-line text of a status histogram.</summary>
    public static string Summary(IReadOnlyDictionary<int, int> statuses) =>
        string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}: {s.Value}")));

    /// <summary>Sets a bearer token on a request (the clients carry none, so one client serves every identity).</summary>
    public static void Authorize(HttpRequestMessage request, string? token)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }
}
