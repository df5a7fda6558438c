using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Access;
using MotCua.Web.Features.DossierNotifications;

namespace MotCua.Web.Pages.Portal;

/// <summary>"Thông báo": the notifications sent to the citizen about their dossiers, newest first
/// (<see cref="CitizenNotifications"/>), each with a link to the dossier.</summary>
[Authorize(Roles = nameof(StaffRole.Citizen))]
public sealed class NotificationsModel(CitizenNotifications notifications) : PageModel
{
    public IReadOnlyList<CitizenNotifications.Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await notifications.ListAsync(User, ct);
}
