using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Portal;

/// <summary>What the pages reached by a dossier code alone share (the lookup, the rating page): the public status with
/// its error wording, and no caching of what a person looked up.</summary>
public static class PublicCodePages
{
    /// <summary>The public status of <paramref name="code"/>, or null with the reason put on the <c>Code</c> field.</summary>
    public static async Task<PublicDossierLookup.View?> StatusAsync(
        PublicDossierLookup.Handler lookup, string code, ModelStateDictionary state, IStringLocalizer text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(text);
        var result = await lookup.Handle(code.Trim(), ct);
        if (result.IsSuccess)
        {
            return result.Value;
        }

        state.AddModelError("Code", result.Error is NotFoundError ? text["Lookup_NotFound", code.Trim()] : text["Lookup_CodeInvalid"]);
        return null;
    }

    /// <summary>Too many wrong second factors: 429 with <c>Retry-After</c>, and the message on the digits field.</summary>
    public static void TooManyAttempts(
        PublicDossierDetail.TooManyAttempts limited, HttpResponse response, ModelStateDictionary state, string field, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(limited);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(text);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = limited.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        state.AddModelError(field, text["Lookup_TooManyAttempts", (limited.RetryAfterSeconds + 59) / 60]);
    }

    /// <summary>What a person looked up (and, after the second factor, its progress) stays out of shared and history caches.</summary>
    public static void NoStore(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }
}
