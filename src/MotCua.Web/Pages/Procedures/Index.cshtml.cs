using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Persistence;
using MotCua.Persistence.Catalogue;

namespace MotCua.Web.Pages.Procedures;

/// <summary>Public catalogue search: a plain GET form, so it works without JavaScript and results can be bookmarked.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "level")]
    public ProcedureLevel? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "sector")]
    public string? Sector { get; set; }

    // "page" is reserved by Razor Pages for the page route value.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public CataloguePage<ProcedureSummary> Results { get; private set; } = new([], 0, new CataloguePaging());

    public IReadOnlyList<SectorOption> Sectors { get; private set; } = [];

    public bool HasQuery => !string.IsNullOrWhiteSpace(Query);

    public bool HasFilters => Level is not null || !string.IsNullOrWhiteSpace(Sector);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        Sectors = await CatalogueQueries.SectorsAsync(db, today, ct);
        Results = await CatalogueQueries.SearchAsync(db, Query, today, Level, Sector, new CataloguePaging(PageNumber), ct);
    }

    /// <summary>Query-string values for a link to <paramref name="page"/> with the current search.</summary>
    public Dictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (HasQuery)
        {
            values["q"] = Query!;
        }

        if (Level is { } level)
        {
            values["level"] = level.ToString();
        }

        if (!string.IsNullOrWhiteSpace(Sector))
        {
            values["sector"] = Sector;
        }

        return values;
    }
}
