using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.ReferenceData;

namespace MotCua.Web.Pages.Work;

/// <summary>The handling officer's and agency head's work list: one unit's dossiers with server-side filters, keyset
/// paging and the due-soon / overdue / waiting counters, all from <see cref="ListDossiers.Handler"/>; heads assign
/// several dossiers at once, each through <see cref="TransitionDossier.Handler"/>.</summary>
[Authorize]
public sealed class IndexModel(
    AppDbContext db, DossierAccess access, ListDossiers.Handler list, TransitionDossier.Handler transitions, AssignableStaff.Handler staff) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Procedure { get; set; }

    /// <summary><c>dueSoon</c>, <c>overdue</c> or <c>waiting</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    /// <summary><c>due</c> (soonest appointment first) or empty (newest first).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>Rows per page (1 to <see cref="ListDossiers.MaxLimit"/>; default <see cref="PageSize"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Size { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public IReadOnlyList<ListDossiers.Row> Rows { get; private set; } = [];

    public string? Next { get; private set; }

    public ListDossiers.Counts? Counts { get; private set; }

    public IReadOnlyDictionary<Guid, (string Code, string Name)> Procedures { get; private set; } = new Dictionary<Guid, (string, string)>();

    public IReadOnlyList<AssignableStaff.Person> Officers { get; private set; } = [];

    public bool IsHead { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<BulkResult> BulkResults { get; private set; } = [];

    public static IReadOnlyList<DossierStatus> Statuses { get; } = Enum.GetValues<DossierStatus>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>Assigns each selected dossier (<c>id:version</c> as the head saw it) to one officer, each through the same
    /// handler as a single assignment; one result per row.</summary>
    public async Task<IActionResult> OnPostAssignAsync(IReadOnlyList<string>? selected, Guid? officerId, CancellationToken ct)
    {
        var results = new List<BulkResult>();
        if (officerId is null || selected is not { Count: > 0 })
        {
            Error = officerId is null ? "Work_BulkNoOfficer" : "Work_BulkNoneSelected";
        }
        else
        {
            foreach (var item in selected.Distinct(StringComparer.Ordinal))
            {
                var parts = item.Split(':');
                if (parts.Length != 2 || !Guid.TryParse(parts[0], out var id) || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var version))
                {
                    continue;
                }

                var fired = await transitions.Handle(id, new TransitionDossier.TransitionRequest(nameof(DossierTrigger.Assign), version, OfficerId: officerId), User, null, ct);
                results.Add(new BulkResult(id, fired.IsSuccess ? fired.Value.Code : null, fired.IsSuccess, fired.IsSuccess ? null : PageErrors.Message(fired.Error)));
            }
        }

        BulkResults = results;
        return await LoadAsync(ct) ?? Page();
    }

    public sealed record BulkResult(Guid Id, string? Code, bool Succeeded, string? Message);

    /// <summary>Whether a head may pick this row for bulk assignment: the table lets the head assign in its state.</summary>
    public bool Assignable(ListDossiers.Row row) =>
        IsHead && Enum.TryParse<DossierStatus>(row.Status == "Submitted" ? nameof(DossierStatus.OnlineSubmitted) : row.Status, out var status)
        && DossierWorkflow.AllowedTriggers(status, DossierActorRole.AgencyHead).Contains(DossierTrigger.Assign);

    /// <summary>Query values for a link with the current filters and <paramref name="after"/>.</summary>
    public Dictionary<string, string> RouteWith(string? after = null, string? sort = null, bool keepSort = true)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values[key] = value;
            }
        }

        Add("unit", Unit?.ToString());
        Add("status", Status);
        Add("procedure", Procedure?.ToString());
        Add("due", Due);
        Add("mine", Mine ? "true" : null);
        Add("sort", keepSort ? Sort : sort);
        Add("size", Size?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("after", after);
        return values;
    }

    /// <summary>Loads the list, or answers 403 to an account that reads no unit (a citizen) or asks for a unit it may not
    /// read: the page never shows an empty list in place of a refusal.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (DossierAccess.UserId(User) is not { } userId)
        {
            return Forbid();
        }

        var readable = await access.ReadableUnitsAsync(userId, ct);
        Units = [.. (await db.OrganisationalUnits.AsNoTracking().Where(u => readable.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .OrderBy(u => Domain.Common.VietnameseText.Fold(u.Name), StringComparer.Ordinal).Select(u => (u.Id, u.Name))];
        if (Units.Count == 0 || (Unit is { } asked && !Units.Any(u => u.Id == asked)))
        {
            return Forbid();
        }

        Unit ??= Units[0].Id;
        var query = new ListDossiers.Query(Unit, Status, Procedure, Due == "overdue", Due == "dueSoon", null, null, After,
            Math.Clamp(Size ?? PageSize, 1, ListDossiers.MaxLimit),
            AssignedToMe: Mine, Waiting: Due == "waiting", Sort: Sort, WithApplicant: true);
        var page = await list.Handle(query, User, ct);
        if (page.IsFailure)
        {
            Error = PageErrors.Describe(page.Error);
            return null;
        }

        Rows = page.Value.Items;
        Next = page.Value.Next;
        var counts = await list.CountsAsync(Unit, User, ct);
        Counts = counts.IsSuccess ? counts.Value : null;
        var ids = Rows.Select(r => r.ProcedureId).Distinct().ToList();
        Procedures = await ProcedureOptions.NamesAsync(db, ids, ct);
        IsHead = (await access.ActorRolesAsync(userId, Unit.Value, Unit.Value, ct)).Contains(DossierActorRole.AgencyHead);
        if (IsHead)
        {
            var officers = await staff.Handle(Unit.Value, null, User, ct);
            Officers = officers.IsSuccess ? officers.Value : [];
        }

        return null;
    }
}
