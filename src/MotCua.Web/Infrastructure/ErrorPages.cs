using Microsoft.AspNetCore.Diagnostics;

namespace MotCua.Web.Infrastructure;

/// <summary>Which requests get the HTML error page (Pages/Error) and which keep RFC 9457 problem details: everything
/// under <c>/api</c> is for programs, everything else is for people in a browser.</summary>
public static class ErrorPages
{
    /// <summary>The error page's path; status-code pages re-execute <c>/Error/{status}</c>.</summary>
    public const string Path = "/Error";

    /// <summary>Whether the request (the original one, when an error page is being re-executed) is an API call.</summary>
    public static bool IsApi(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original
            ? new PathString(original)
            : context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } reExecuted
                ? new PathString(reExecuted)
                : context.Request.Path;
        return path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }
}
