using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Api;

/// <summary>The published API contract (<c>docs/openapi/v1.json</c>) is what the app serves: a change to any endpoint,
/// request or response type shows up here and in review. Accept a deliberate change with
/// <c>MOTCUA_UPDATE_SNAPSHOTS=1 ./scripts/test.sh --filter OpenApi</c>.</summary>
public sealed class OpenApiSnapshotTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task OpenApiDocument_MatchesTheCommittedSnapshot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = factory.CreateClient();

        var served = Normalise(JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", ct))!);
        var path = Path.Combine(DataRoot.Find(AppContext.BaseDirectory), "docs", "openapi", "v1.json");
        if (Environment.GetEnvironmentVariable("MOTCUA_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served, ct);
        }

        Assert.True(File.Exists(path), $"No committed snapshot at {path}; run with MOTCUA_UPDATE_SNAPSHOTS=1 to create it.");
        Assert.Equal(await File.ReadAllTextAsync(path, ct), served);
    }

    [Fact]
    public async Task OpenApiDocument_EveryRequestBodyHasItsOwnSchema()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", ct))!;

        var bodies = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Operation: $"{o.Key.ToUpperInvariant()} {p.Key}", Body: o.Value!["requestBody"])))
            .Where(o => o.Body?["content"]?["application/json"]?["schema"]?["$ref"] is not null)
            .Select(o => (o.Operation, Schema: o.Body!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>()))
            .ToList();

        Assert.Contains(bodies, b => b.Operation == "POST /api/v1/dossiers" && b.Schema.EndsWith("/CreateDossierRequest", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Operation == "POST /api/v1/dossiers/{id}/transitions" && b.Schema.EndsWith("/TransitionRequest", StringComparison.Ordinal));
        // A dry run takes exactly the body of the call it previews ("…/preview" after that call's path).
        Assert.All(bodies.GroupBy(b => b.Schema), g => Assert.True(g.Select(b => b.Operation.Replace("/preview", "", StringComparison.Ordinal)).Distinct().Count() == 1,
            $"{g.Key} documents {string.Join(", ", g.Select(b => b.Operation))}"));
    }

    // Properties in a stable order, so that the snapshot changes only when the contract does.
    private static string Normalise(JsonNode node) => Sort(node)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sort)]),
        _ => node?.DeepClone(),
    };
}
