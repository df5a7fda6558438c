using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Units;
using MotCua.Web.Features.Administration;
using MotCua.Web.Features.ReferenceData;

namespace MotCua.Web.Pages.Admin.Desks;

/// <summary>Creates or changes a desk (name, kind, same-day cut-off, weekly sessions) and closes it
/// (<see cref="AdminDesks.ChangeHandler"/>). Each weekday has a morning and an afternoon session, either left empty.</summary>
[Authorize]
public sealed class EditModel(
    AdminUnits.ListHandler units, AdminDesks.ListHandler desks, AdminDesks.ChangeHandler change, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Monday first, as a Vietnamese week is written.</summary>
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    [BindProperty(SupportsGet = true)]
    public Guid Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public DeskInput Input { get; set; } = new();

    [BindProperty]
    public DateOnly? LastDay { get; set; }

    public string UnitName { get; private set; } = "";

    public UnitDesks.Desk? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        Input = Existing is { } desk ? DeskInput.From(desk) : DeskInput.From(OneStopDesk.DefaultWorkSessions, OneStopDesk.DefaultSameDayCutoff);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var sessions = Input.Sessions(ModelState, text["DeskEdit_SessionIncomplete"]);
        TimeOnly? cutoff = TimeOnly.TryParseExact(Input.Cutoff, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var c) ? c : null;
        if (cutoff is null)
        {
            ModelState.AddModelError("Input.Cutoff", text["DeskEdit_CutoffFormat"]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var saved = Id is { } id
            ? await change.Update(id, new AdminDesks.UpdateDeskRequest(Input.Name, cutoff, sessions), User, ct)
            : await change.Create(Unit, new AdminDesks.CreateDeskRequest(Input.Name, Input.Kind, cutoff, Input.ValidFrom, sessions), User, ct);
        if (saved.IsFailure)
        {
            PageErrors.Add(ModelState, saved.Error, "Input.");
            return Page();
        }

        return Redirect($"/Admin/Desks?unit={Unit}");
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused || Id is not { } id)
        {
            return NotFound();
        }

        var closed = await change.Close(id, new AdminDesks.CloseDeskRequest(LastDay), User, ct);
        if (closed.IsFailure)
        {
            Input = DeskInput.From(Existing!);
            PageErrors.Add(ModelState, closed.Error);
            return Page();
        }

        return Redirect($"/Admin/Desks?unit={Unit}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var list = await units.Handle(User, ct);
        if (list.IsFailure)
        {
            return AdminPages.Refuse(list.Error);
        }

        var found = await desks.Handle(Unit, User, ct);
        if (found.IsFailure)
        {
            return AdminPages.Refuse(found.Error);
        }

        UnitName = list.Value.FirstOrDefault(u => u.Id == Unit)?.Name ?? "";
        if (Id is { } id)
        {
            Existing = found.Value.FirstOrDefault(d => d.Id == id);
            if (Existing is null)
            {
                return NotFound();
            }
        }

        return null;
    }

    public sealed class DeskInput
    {
        public string? Name { get; set; }

        public OneStopDeskKind? Kind { get; set; }

        public string? Cutoff { get; set; }

        public DateOnly? ValidFrom { get; set; }

        /// <summary>Per weekday (index into <see cref="Week"/>): morning start, morning end, afternoon start, afternoon end.</summary>
        public List<DayInput> Days { get; set; } = [.. Week.Select(_ => new DayInput())];

        public static DeskInput From(UnitDesks.Desk desk) =>
            From(desk.Sessions.Select(s => new DeskWorkSession(s.DayOfWeek, s.Start, s.End)), desk.SameDayCutoff, desk.Name, desk.Kind);

        public static DeskInput From(IEnumerable<DeskWorkSession> sessions, TimeOnly cutoff, string? name = null, OneStopDeskKind? kind = null)
        {
            var input = new DeskInput { Name = name, Kind = kind, Cutoff = cutoff.ToString("HH:mm", CultureInfo.InvariantCulture) };
            foreach (var day in sessions.GroupBy(s => s.DayOfWeek))
            {
                var slots = day.OrderBy(s => s.Start).ToList();
                var target = input.Days[Array.IndexOf(Week, day.Key)];
                target.MorningStart = slots[0].Start.ToString("HH:mm", CultureInfo.InvariantCulture);
                target.MorningEnd = slots[0].End.ToString("HH:mm", CultureInfo.InvariantCulture);
                if (slots.Count > 1)
                {
                    target.AfternoonStart = slots[1].Start.ToString("HH:mm", CultureInfo.InvariantCulture);
                    target.AfternoonEnd = slots[1].End.ToString("HH:mm", CultureInfo.InvariantCulture);
                }
            }

            return input;
        }

        /// <summary>The sessions typed, with a field error for each half-filled or unreadable one.</summary>
        public List<UnitDesks.Session> Sessions(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string incomplete)
        {
            var sessions = new List<UnitDesks.Session>();
            for (var i = 0; i < Week.Length && i < Days.Count; i++)
            {
                Add(Days[i].MorningStart, Days[i].MorningEnd, $"Input.Days[{i}].MorningStart", Week[i]);
                Add(Days[i].AfternoonStart, Days[i].AfternoonEnd, $"Input.Days[{i}].AfternoonStart", Week[i]);
            }

            return sessions;

            void Add(string? start, string? end, string field, DayOfWeek day)
            {
                if (string.IsNullOrWhiteSpace(start) && string.IsNullOrWhiteSpace(end))
                {
                    return;
                }

                if (TimeOnly.TryParseExact(start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s)
                    && TimeOnly.TryParseExact(end, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e))
                {
                    sessions.Add(new UnitDesks.Session(day, s, e));
                }
                else
                {
                    state.AddModelError(field, incomplete);
                }
            }
        }
    }

    public sealed class DayInput
    {
        public string? MorningStart { get; set; }

        public string? MorningEnd { get; set; }

        public string? AfternoonStart { get; set; }

        public string? AfternoonEnd { get; set; }
    }
}
