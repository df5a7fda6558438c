using System.Text.Json;
using MotCua.Domain.ParIndex;

namespace MotCua.Web.Features.ParIndex;

/// <summary>Reads back the input an audit entry of a self-assessment keeps (<see cref="ParScoreInput"/> as the documented
/// JSON), so that a page can say it in words instead of showing the JSON.</summary>
public static class ParAssessmentInputText
{
    /// <summary>The input, or null when there is none or it cannot be read (an entry written by a later version).</summary>
    public static ParScoreInput? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ParScoreInput>(json, ParFrameworkJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
