using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Persistence;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.ServiceIndex;

namespace MotCua.Web.Pages.ServiceIndex;

/// <summary>The 766 scorecard (issue 10 §1, §3): a unit (with its child units) and a calendar period, the six groups with
/// each indicator's counts, points, lost points and source, the items behind each loss (first page, more by link), the
/// what-if, and the ranking of the unit's child units. Every figure comes from the API's handlers
/// (<see cref="GetScorecard"/>, <see cref="ScorecardItems"/>, <see cref="Ranking"/>), so the page and the API agree.</summary>
[Authorize]
public sealed class IndexModel(
    AppDbContext db, ReadableUnits readableUnits, ScorecardScope scopes, GetScorecard.Handler scorecards, ScorecardItems.Handler items,
    Ranking.Handler ranking, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Items shown per loss list.</summary>
    public const int ListSize = 20;

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Quarter { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? WhatIf { get; set; }

    /// <summary>The indicator whose loss list is paged on (<see cref="After"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Items { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<ReadableUnits.Unit> Units { get; private set; } = [];

    public GetScorecard.View? Card { get; private set; }

    public Dictionary<string, ScorecardItems.ItemsPage> Losses { get; } = new(StringComparer.Ordinal);

    public Ranking.View? Ranks { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DossierAccess.UserId(User) is null)
        {
            return Challenge();
        }

        Units = await readableUnits.ForAsync(User, ct);
        if (Units.Count == 0)
        {
            return Page();
        }

        if (PageErrors.ReplaceBindingErrors(ModelState, text["Form_ValueInvalid"]))
        {
            return Page();
        }

        Unit ??= Units[0].Id;
        if (Year is null && Quarter is null && Month is null)
        {
            (Year, Month) = (scopes.Today.Year, scopes.Today.Month);
        }

        var query = new GetScorecard.Query(Unit, Year, Quarter, Month, null, null);
        var card = await scorecards.Handle(query, WhatIf, User, ct);
        if (card.IsFailure)
        {
            PageErrors.Add(ModelState, card.Error);
            return Page();
        }

        Card = card.Value;
        foreach (var indicator in Card.Groups.SelectMany(g => g.Indicators).Where(i => i.HasItems))
        {
            var page = await items.Handle(indicator.Id, query, indicator.Id == Items ? After : null, ListSize, User, ct);
            if (page.IsSuccess)
            {
                Losses[indicator.Id] = page.Value;
            }
        }

        if (await db.OrganisationalUnits.AnyAsync(u => u.ParentId == Unit, ct))
        {
            var ranks = await ranking.Handle(query, User, ct);
            Ranks = ranks.IsSuccess ? ranks.Value : null;
        }

        return Page();
    }

    /// <summary>The page's address with the current choices and the given loss-list position.</summary>
    public string Link(string? items = null, string? after = null)
    {
        var parts = new List<string> { $"unit={Unit}" };
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parts.Add($"{name}={Uri.EscapeDataString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!)}");
            }
        }

        Add("year", Year);
        Add("quarter", Quarter);
        Add("month", Month);
        Add("whatIf", WhatIf);
        Add("items", items);
        Add("after", after);
        return "/ServiceIndex?" + string.Join("&", parts);
    }

    /// <summary>The message of a field, if its value was refused.</summary>
    public string? FieldError(string field) =>
        ModelState[field] is { Errors.Count: > 0 } entry ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
