using System.Text.Json;
using System.Text.Json.Serialization;
using MotCua.Domain.Calendar;

namespace MotCua.Web.Api;

/// <summary>Reads API instants: ISO 8601 with a UTC offset (<c>Z</c> or <c>+07:00</c>), returned as UTC; a value
/// without an offset is refused, never guessed as UTC or server time; so is one outside
/// <see cref="VietnamTime.MinInstant"/>–<see cref="VietnamTime.MaxInstant"/>. Writes as System.Text.Json does.</summary>
public sealed class InstantJsonConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out _) || !reader.TryGetDateTime(out var value))
        {
            throw new InstantJsonException("Thời điểm phải theo ISO 8601 kèm múi giờ, ví dụ 2026-11-24T09:00:00+07:00.");
        }

        // TryGetDateTime keeps Kind=Unspecified exactly when the text has no offset.
        if (value.Kind == DateTimeKind.Unspecified)
        {
            throw new InstantJsonException("Thời điểm thiếu múi giờ: phải ghi rõ độ lệch UTC (Z hoặc +07:00).");
        }

        if (!VietnamTime.IsSupported(value))
        {
            throw new InstantJsonException($"Thời điểm phải nằm trong khoảng từ năm {VietnamTime.ToLocal(VietnamTime.MinInstant).Year} đến năm {VietnamTime.ToLocal(VietnamTime.MaxInstant).Year}.");
        }

        return VietnamTime.AsUtc(value);
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}

/// <summary>An instant the API refuses; its message is Vietnamese and is shown to the caller.</summary>
public sealed class InstantJsonException(string message) : JsonException(message);
