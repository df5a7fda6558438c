using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Persistence;
using MotCua.Persistence.Catalogue;

namespace MotCua.Web.Pages.Procedures;

/// <summary>One procedure as in force today, with every component of ND 63/2010 Art. 8(2) and its internal process.</summary>
[AllowAnonymous]
public sealed class DetailModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public string Code { get; private set; } = "";

    public Procedure? Procedure { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        Code = code;
        Procedure = await CatalogueQueries.GetByCodeAsync(db, code, VietnamTime.Today(clock), ct);
        if (Procedure is null)
        {
            // The page itself explains in Vietnamese; the status tells crawlers and scripts.
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
