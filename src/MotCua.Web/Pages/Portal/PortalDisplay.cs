using Microsoft.Extensions.Localization;

namespace MotCua.Web.Pages.Portal;

/// <summary>Wording shared by the citizen's own pages.</summary>
public static class PortalDisplay
{
    /// <summary>A status as its owner reads it: plainly "waiting for you" when a completion request is open; otherwise the
    /// public wording of the lookup (<c>Portal_Step_*</c>), which does not disclose a supplement to whoever holds the code.</summary>
    public static string Status(IStringLocalizer text, string status)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text["Owner_Status_" + status] is { ResourceNotFound: false } own ? own.Value : text["Portal_Step_" + status].Value;
    }
}
