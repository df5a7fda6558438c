using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using MotCua.Domain.Access;
using MotCua.Domain.Common;
using MotCua.Web.Features.Administration;

namespace MotCua.Web.Pages.Admin.Users;

/// <summary>One staff account: disable or enable it, reset its password (shown once), and grant or end its role
/// assignments. Each action is the engine's (<see cref="AdminUsers"/>), which checks role AND unit and audits it.</summary>
[Authorize]
public sealed class DetailModel(AdminUnits.ListHandler units, AdminUsers.GetHandler get, AdminUsers.AccountHandler accounts, AdminUsers.RoleHandler roles) : PageModel
{
    public static readonly StaffRole[] Roles =
        [StaffRole.DeskOfficer, StaffRole.HandlingOfficer, StaffRole.AgencyHead, StaffRole.HomeAffairsAppraiser, StaffRole.Administrator];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public GrantInput Grant { get; set; } = new();

    public AdminUsers.UserDetail Account { get; private set; } = null!;

    public List<SelectListItem> Units { get; private set; } = [];

    /// <summary>A password just reset: shown in this answer only.</summary>
    public string? NewPassword { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostDisableAsync(CancellationToken ct) =>
        ActAsync(async () => Outcome(await accounts.SetDisabled(Id, true, User, ct), "AdminUi_DoneDisabled"), ct);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken ct) =>
        ActAsync(async () => Outcome(await accounts.SetDisabled(Id, false, User, ct), "AdminUi_DoneEnabled"), ct);

    public Task<IActionResult> OnPostPasswordAsync(CancellationToken ct) =>
        ActAsync(async () =>
        {
            var reset = await accounts.ResetPassword(Id, User, ct);
            NewPassword = reset.IsSuccess ? reset.Value.Password : null;
            return Outcome(reset, "AdminUi_DonePassword");
        }, ct);

    public Task<IActionResult> OnPostGrantAsync(CancellationToken ct) =>
        ActAsync(async () => Outcome(await roles.Grant(Id, new AdminUsers.GrantRequest(Grant.Role, Grant.UnitId, Grant.IncludeDescendants, Grant.ValidFrom, Grant.ValidTo), User, ct),
            "AdminUi_DoneGranted", "Grant."), ct);

    public Task<IActionResult> OnPostRevokeAsync(Guid assignmentId, CancellationToken ct) =>
        ActAsync(async () => Outcome(await roles.Revoke(Id, assignmentId, User, ct), "AdminUi_DoneRevoked"), ct);

    private async Task<IActionResult> ActAsync(Func<Task<Error?>> act, CancellationToken ct)
    {
        // The page's own data is loaded first: a caller who may not see the account gets 403/404 before anything runs.
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (await act() is { } error)
        {
            return error is Api.NotFoundError ? NotFound() : Page();
        }

        if (NewPassword is null)
        {
            Grant = new GrantInput();
            ModelState.Clear();
        }

        return await LoadAsync(ct) ?? Page();
    }

    private Error? Outcome<T>(Result<T> result, string done, string prefix = "")
    {
        if (result.IsFailure)
        {
            PageErrors.Add(ModelState, result.Error, prefix);
            return result.Error;
        }

        Done = done;
        return null;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        // Names, e-mail addresses and passwords: not to be kept by the browser or a proxy.
        Response.Headers.CacheControl = "no-store";
        var detail = await get.Handle(Id, User, ct);
        if (detail.IsFailure)
        {
            return AdminPages.Refuse(detail.Error);
        }

        var list = await units.Handle(User, ct);
        if (list.IsFailure)
        {
            return AdminPages.Refuse(list.Error);
        }

        Account = detail.Value;
        Units = AdminPages.UnitOptions(list.Value);
        return null;
    }

    public sealed class GrantInput
    {
        public StaffRole? Role { get; set; }

        public Guid? UnitId { get; set; }

        public bool IncludeDescendants { get; set; }

        public DateOnly? ValidFrom { get; set; }

        public DateOnly? ValidTo { get; set; }
    }
}
