using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Web.Features.Dashboard;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Dashboard;

/// <summary>The operations dashboard (IOC) of a unit and a year for those who lead or watch the one-stop work: pick a
/// unit among those one may read (never a typed id) and a year; the figures come from
/// <see cref="DashboardData.Handler"/>, the API's handler, which checks the read right again. The chart is drawn by
/// <c>wwwroot/js/charts.js</c>; without JavaScript the tables carry the same numbers.</summary>
[Authorize]
public sealed class IndexModel(DashboardData.Handler dashboard, ReadableUnits readableUnits, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : PageModel
{
    /// <summary>How many years back the picker offers (the statistics keep every year; older ones by address).</summary>
    public const int YearsOffered = 6;

    [BindProperty(SupportsGet = true, Name = "unit")]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    /// <summary>The units one may read, each under its parent (depth for the indent).</summary>
    public IReadOnlyList<ReadableUnits.Unit> Units { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public DashboardData.View? View { get; private set; }

    /// <summary>The trend chart's ECharts option (JSON).</summary>
    public string? TrendChart { get; private set; }

    /// <summary>Whether the parent unit is one the reader may open too (the link up).</summary>
    public bool MayOpenParent { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Units = await readableUnits.ForAsync(User, ct);
        if (Units.Count == 0)
        {
            return Forbid();
        }

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
        MayOpenParent = View.ParentUnitId is { } parent && Units.Any(u => u.Id == parent);
        TrendChart = DashboardChart.Trend(View.Months, DashboardChart.TrendLabels.From(text));
        return Page();
    }
}
