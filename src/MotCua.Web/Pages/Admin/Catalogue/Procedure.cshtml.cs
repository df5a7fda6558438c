using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.ProvinceAdmin;

namespace MotCua.Web.Pages.Admin.Catalogue;

/// <summary>Every version of one procedure with its validity, clock policies and internal notes (administrators only).</summary>
[Authorize]
public sealed class ProcedureModel(ProcedureVersions.Handler versions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>The version just created by the edit page, to confirm it.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    public IReadOnlyList<ProcedureVersions.VersionView> Versions { get; private set; } = [];

    public ProcedureVersions.VersionView Latest => Versions[^1];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await versions.VersionsAsync(Code ?? "", User, ct);
        if (found.IsFailure)
        {
            return AdminPages.Refuse(found.Error);
        }

        Versions = found.Value;
        return Page();
    }
}
