using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MotCua.Persistence.Conventions;

/// <summary>
/// Stores every <see cref="DateTime"/> as UTC and reads it back with <see cref="DateTimeKind.Utc"/>: SQLite returns
/// <see cref="DateTimeKind.Unspecified"/>, and Npgsql refuses non-UTC values for <c>timestamptz</c>
/// (EnableLegacyTimestampBehavior is never used).
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(v => ToUtc(v), v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
{
    // Unspecified values are instants the code already computed in UTC; local values would be a bug elsewhere,
    // but converting them is safer than storing a shifted instant.
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
