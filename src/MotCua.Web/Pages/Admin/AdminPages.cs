using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using MotCua.Domain.Common;
using MotCua.Web.Api;
using MotCua.Web.Features.Administration;

namespace MotCua.Web.Pages.Admin;

/// <summary>What the administrator pages share: how a refusal of the engine (<see cref="AdminScope"/>: role AND unit)
/// reaches the browser, and the unit picker of the caller's scope.</summary>
public static class AdminPages
{
    /// <summary>A unit or account outside the caller's scope, or the admin area for a citizen, is "not found" (as the API
    /// answers); other refusals get the HTML 403 page, with its status (no redirect).</summary>
    public static IActionResult Refuse(Error error) => error switch
    {
        NotFoundError => new NotFoundResult(),
        _ => new StatusCodeResult(StatusCodes.Status403Forbidden),
    };

    /// <summary>The units of <paramref name="rows"/> that exist today, indented by depth, for a &lt;select&gt;.</summary>
    public static List<SelectListItem> UnitOptions(IEnumerable<AdminUnits.UnitRow> rows, Guid? exclude = null) =>
        [.. rows.Where(u => u.Current && u.Id != exclude).Select(u => new SelectListItem(new string(' ', u.Depth * 2) + u.Name, u.Id.ToString()))];
}
