using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Api;

namespace MotCua.Web.Pages;

/// <summary>The HTML answer to a browser when something fails (status-code pages and the exception handler re-execute
/// it, see Infrastructure/ErrorPages): what happened in plain words and where to go next; never the exception's text.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed for failed POSTs too, whose token was already checked or was the failure itself
public sealed class ErrorModel : PageModel
{
    private static readonly int[] Explained = [400, 403, 404, 405, 413, 429, 500, 503];

    /// <summary>The status shown; a status without its own text is explained as its class (4xx → 400, 5xx → 500).</summary>
    public int Status { get; private set; }

    /// <summary>The trace id the administrator can look up in the log (shown for server errors only).</summary>
    public string? TraceId { get; private set; }

    // No OnGet/OnPost: the page renders for whatever method failed (GET, POST, PUT …), and this runs for each.
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        // Re-executed, the status is the failed request's (the path's /{code} only names it for the log); visited directly
        // (a bookmark, a crawler), the error page is not an error of its own: it is simply not a page.
        var status = reExecuted ? Response.StatusCode : StatusCodes.Status404NotFound;
        Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = ApiExceptionHandler.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        Status = Array.IndexOf(Explained, status) >= 0 ? status : status >= 500 ? 500 : 400;
        TraceId = status >= 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
    }
}
