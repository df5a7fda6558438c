using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.ProvinceAdmin;
using MotCua.Web.Features.ReferenceData;

namespace MotCua.Web.Pages.Admin.Catalogue;

/// <summary>The catalogue as the province administrator manages it: the public search (without diacritics), each result
/// leading to its versions.</summary>
[Authorize]
public sealed class IndexModel(ProcedureVersions.Handler versions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public ProcedureOptions.Page Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await versions.SearchAsync(Query, PageNumber, User, ct);
        if (found.IsFailure)
        {
            return AdminPages.Refuse(found.Error);
        }

        Results = found.Value;
        return Page();
    }
}
