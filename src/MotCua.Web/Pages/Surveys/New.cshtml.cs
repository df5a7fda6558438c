using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Web.Features.Surveys;

namespace MotCua.Web.Pages.Surveys;

/// <summary>A new campaign from a published questionnaire (issue 9 §3, §5): the tier, then the units of that tier in the
/// caller's scope with a quota each (a unit left blank is not surveyed), the sampling frame, the collection period and
/// the index method's settings. <see cref="Campaigns.Handler.CreateAsync"/> checks everything.</summary>
[Authorize]
public sealed class NewModel(Campaigns.Handler campaigns, Questionnaires.Handler questionnaires, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : PageModel
{
    /// <summary>The tier, from the address (<c>?level=Commune</c>) or the form; Province when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty]
    public CampaignInput Input { get; set; } = new();

    public IReadOnlyList<QuestionnaireRow> Published { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> UnitNames { get; private set; } = new Dictionary<Guid, string>();

    public string? Denied { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        Input = new CampaignInput
        {
            Year = today.Year,
            ServedFrom = new DateOnly(today.Year, 1, 1),
            ServedTo = today,
            CollectFrom = today,
            CollectTo = today.AddDays(30),
            MinCellSize = SurveyIndexMethod.DefaultMinCellSize,
        };
        await LoadAsync(ct);
        Input.Units = [.. UnitNames.Keys.Select(id => new CampaignInput.UnitQuota { UnitId = id })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Denied is not null || PageErrors.ReplaceBindingErrors(ModelState, text["Form_ValueInvalid"]))
        {
            return Page();
        }

        var request = new CampaignRequest(
            Input.Year, Input.Name, Level, Input.QuestionnaireId, Input.ServedFrom, Input.ServedTo, Input.CollectFrom, Input.CollectTo,
            [.. Input.Units.Where(u => u.Quota is not null).Select(u => new CampaignUnitInput(u.UnitId, u.Quota))], null,
            new CampaignMethodInput(Input.OverallRule, null, Input.MinCellSize));
        var created = await campaigns.CreateAsync(request, User, ct);
        if (created.IsSuccess)
        {
            return RedirectToPage("/Surveys/Campaign", new { id = created.Value.Id });
        }

        PageErrors.Add(ModelState, created.Error, "Input.");
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var level = Enum.TryParse<ProcedureLevel>(Level, out var parsed) && Enum.IsDefined(parsed) ? parsed : ProcedureLevel.Province;
        Level = level.ToString();
        var units = await campaigns.EligibleUnitsAsync(level, VietnamTime.Today(clock), User, ct);
        if (units.IsFailure)
        {
            Denied = PageErrors.Message(units.Error);
            return;
        }

        UnitNames = units.Value.ToDictionary(u => u.Id, u => u.Name);
        Published = [.. (await questionnaires.ListAsync(User, ct)).Value.Where(q => q.Status == nameof(QuestionnaireStatus.Published))];
    }

    /// <summary>The form's fields, as typed.</summary>
    public sealed class CampaignInput
    {
        public int? Year { get; set; }

        public string? Name { get; set; }

        public Guid? QuestionnaireId { get; set; }

        public DateOnly? ServedFrom { get; set; }

        public DateOnly? ServedTo { get; set; }

        public DateOnly? CollectFrom { get; set; }

        public DateOnly? CollectTo { get; set; }

        public string? OverallRule { get; set; }

        public int? MinCellSize { get; set; }

        public List<UnitQuota> Units { get; set; } = [];

        public sealed class UnitQuota
        {
            public Guid UnitId { get; set; }

            public int? Quota { get; set; }
        }
    }
}
