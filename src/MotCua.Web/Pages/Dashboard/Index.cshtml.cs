using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Persistence;
using MotCua.Web.Features.Dashboard;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Dashboard;

/// <summary>The operations dashboard (IOC) of a unit and a year for those who lead or watch the one-stop work: pick a
/// unit among those one may read (never a typed id) and a year; the figures come from
/// <see cref="DashboardData.Handler"/>, the API's handler, which checks the read right again. The chart is drawn by
/// <c>wwwroot/js/charts.js</c>; without JavaScript the tables carry the same numbers.</summary>
[Authorize]
public sealed class IndexModel(DashboardData.Handler dashboard, AppDbContext db, DossierAccess access, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : PageModel
{
    /// <summary>How many years back the picker offers (the statistics keep every year; older ones by address).</summary>
    public const int YearsOffered = 6;

    [BindProperty(SupportsGet = true, Name = "unit")]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    /// <summary>The units one may read, each under its parent (depth for the indent).</summary>
    public IReadOnlyList<(Guid Id, string Name, int Depth)> Units { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public DashboardData.View? View { get; private set; }

    /// <summary>The trend chart's ECharts option (JSON).</summary>
    public string? TrendChart { get; private set; }

    /// <summary>Whether the parent unit is one the reader may open too (the link up).</summary>
    public bool MayOpenParent { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DossierAccess.UserId(User) is not { } userId)
        {
            return Forbid();
        }

        var readable = await access.ReadableUnitsAsync(userId, ct);
        if (readable.Count == 0)
        {
            return Forbid();
        }

        Units = await UnitsInTreeOrderAsync(readable, ct);
        var thisYear = VietnamTime.Today(clock).Year;
        Years = [.. Enumerable.Range(0, YearsOffered).Select(i => thisYear - i)];
        if (PageErrors.ReplaceBindingErrors(ModelState, text["Form_ValueInvalid"]))
        {
            return Page();
        }

        Unit ??= Units[0].Id;
        if (Year is { } asked && !Years.Contains(asked) && asked is >= 2000 and <= 2100)
        {
            Years = [.. Years.Append(asked).OrderDescending()];
        }

        var found = await dashboard.Handle(Unit, Year, User, ct);
        if (found.IsFailure)
        {
            PageErrors.Add(ModelState, found.Error);
            return Page();
        }

        View = found.Value;
        Year = View.Year;
        MayOpenParent = View.ParentUnitId is { } parent && readable.Contains(parent);
        TrendChart = DashboardChart.Trend(View.Months, DashboardChart.TrendLabels.From(text));
        return Page();
    }

    // Depth first from the readable units whose parent is not readable, siblings by name, so a province comes first with
    // its departments and communes under it.
    private async Task<List<(Guid Id, string Name, int Depth)>> UnitsInTreeOrderAsync(HashSet<Guid> readable, CancellationToken ct)
    {
        var units = await db.OrganisationalUnits.AsNoTracking().Where(u => readable.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.ParentId }).ToListAsync(ct);
        var children = units.ToLookup(u => u.ParentId is { } p && readable.Contains(p) ? p : (Guid?)null);
        var ordered = new List<(Guid, string, int)>();
        void Visit(Guid? parent, int depth)
        {
            foreach (var unit in children[parent].OrderBy(u => Domain.Common.VietnameseText.Fold(u.Name), StringComparer.Ordinal))
            {
                ordered.Add((unit.Id, unit.Name, depth));
                Visit(unit.Id, depth + 1);
            }
        }

        Visit(null, 0);
        return ordered;
    }
}
