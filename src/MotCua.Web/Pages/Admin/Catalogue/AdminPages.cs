using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Common;
using MotCua.Web.Api;

namespace MotCua.Web.Pages.Admin.Catalogue;

/// <summary>How the catalogue and calendar pages answer a caller the engine refuses: a citizen gets the 404 page (the admin
/// area is not disclosed, as the API answers), other staff the 403 page.</summary>
public static class AdminPages
{
    public static IActionResult Denied(Error error) =>
        error is NotFoundError ? new NotFoundResult() : new StatusCodeResult(StatusCodes.Status403Forbidden);
}
