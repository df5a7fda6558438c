using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Persistence;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.OnlineSubmission;

namespace MotCua.Web.Pages.Portal;

/// <summary>"Hồ sơ của tôi": the signed-in citizen's own dossiers, newest first, from <see cref="ListDossiers"/> (which
/// scopes a citizen to the dossiers they own); keyset paging through the handler's cursor.</summary>
[Authorize(Roles = nameof(StaffRole.Citizen))]
public sealed class MyDossiersModel(ListDossiers.Handler list, AppDbContext db, SubmissionDrafts drafts) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<ListDossiers.Row> Rows { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> ProcedureNames { get; private set; } = new Dictionary<Guid, string>();

    public string? Next { get; private set; }

    /// <summary>The citizen's online submissions in progress (first page only).</summary>
    public IReadOnlyList<SubmissionDrafts.Summary> Drafts { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await list.Handle(new ListDossiers.Query(null, null, null, false, false, null, null, After, PageSize), User, ct);
        if (result.IsFailure)
        {
            // Only a tampered cursor gets here: start again from the newest.
            return RedirectToPage();
        }

        Rows = result.Value.Items;
        Drafts = After is null ? await drafts.ListAsync(User, ct) : [];
        Notice = TempData["MyDossiersNotice"] as string;
        Next = result.Value.Next;
        var ids = Rows.Select(r => r.ProcedureId).Distinct().ToList();
        ProcedureNames = await db.Procedures.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return Page();
    }
}
