using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MotCua.Persistence.Configurations;

/// <summary>A small list kept as one JSON array column, for values read only with their aggregate (a dossier's checklist,
/// a PAKN case's contents and review): Vietnamese text unescaped, enums by name, compared by content.</summary>
internal static class JsonListConversion<T>
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public static ValueConverter<IReadOnlyList<T>, string> Converter() => new(
        list => JsonSerializer.Serialize(list, Json),
        json => JsonSerializer.Deserialize<List<T>>(json, Json) ?? new List<T>());

    public static ValueComparer<IReadOnlyList<T>> Comparer() => new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}
