using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.ProvinceAdmin;
using static MotCua.Web.Features.ProvinceAdmin.NewProcedureVersion;

namespace MotCua.Web.Pages.Admin.Catalogue;

/// <summary>An edit of a procedure, saved as a new version from a date (<see cref="NewProcedureVersion"/>); the form starts
/// from the latest version and keeps what was typed when the engine refuses it.</summary>
[Authorize]
public sealed class EditModel(ProcedureVersions.Handler versions, NewProcedureVersion.Handler create, TimeProvider clock) : PageModel
{
    /// <summary>Spare empty rows offered for new documents, fees and steps (no script needed to add one).</summary>
    public const int SpareRows = 2;

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public Edit Input { get; set; } = new();

    public ProcedureVersions.VersionView Latest { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        var p = Latest;
        Input = new Edit
        {
            BasedOnVersion = p.Version,
            ValidFrom = VietnamTime.Today(clock).AddDays(1),
            Name = p.Name,
            ProcessingTimeValue = p.ProcessingTime.Value,
            ProcessingTimeUnit = p.ProcessingTime.Unit,
            Channels = [.. Enum.GetValues<MotCua.Domain.Catalogue.ProcedureChannels>().Where(c => c != 0 && p.Channels.HasFlag(c))],
            OnlineLevel = p.OnlineLevel,
            RequiredDocuments = [.. p.RequiredDocuments.Select(d => new DocumentEdit
            {
                Name = d.Name, Copies = d.Copies, Template = d.Template, Note = d.Note,
                Forms = [.. Enum.GetValues<MotCua.Domain.Catalogue.DocumentForms>().Where(f => f != 0 && d.Forms.HasFlag(f))],
            })],
            Fees = [.. p.Fees.Select(f => new FeeEdit { Name = f.Name, AmountVnd = f.AmountVnd, Note = f.Note })],
            Steps = [.. p.Steps.Select(s => new StepEdit { Name = s.Name, Role = s.Role, AgencyName = s.AgencyName, Slice = s.Slice })],
            SupplementPolicy = Enum.Parse<SupplementClockPolicy>(p.SupplementPolicy),
            FinancialObligationPausesClock = p.FinancialObligationPausesClock,
            InternalNote = p.Provenance.Source,
        };
        AddSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        // The engine checks every value and names each problem in Vietnamese; the binder's English messages are not shown.
        ModelState.Clear();
        Input.Channels ??= [];
        Input.RequiredDocuments = TrimSpare(Input.RequiredDocuments, d => string.IsNullOrWhiteSpace(d.Name) && string.IsNullOrWhiteSpace(d.Note));
        Input.Fees = TrimSpare(Input.Fees, f => string.IsNullOrWhiteSpace(f.Name) && f.AmountVnd == 0);
        Input.Steps = TrimSpare(Input.Steps, s => string.IsNullOrWhiteSpace(s.Name) && s.Slice == 0);
        var created = await create.Handle(Code ?? "", Input, User, ct);
        if (created.IsSuccess)
        {
            return Redirect($"/Admin/Catalogue/Procedure?code={Uri.EscapeDataString(created.Value.Code)}&saved={created.Value.Version}");
        }

        PageErrors.Add(ModelState, created.Error, "Input.");
        AddSpareRows();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var found = await versions.VersionsAsync(Code ?? "", User, ct);
        if (found.IsFailure)
        {
            return AdminPages.Refuse(found.Error);
        }

        Latest = found.Value[^1];
        return null;
    }

    private void AddSpareRows()
    {
        Input.RequiredDocuments = [.. Input.RequiredDocuments ?? [], .. Enumerable.Range(0, SpareRows).Select(_ => new DocumentEdit())];
        Input.Fees = [.. Input.Fees ?? [], .. Enumerable.Range(0, SpareRows).Select(_ => new FeeEdit())];
        Input.Steps = [.. Input.Steps ?? [], .. Enumerable.Range(0, SpareRows).Select(_ => new StepEdit { Role = MotCua.Domain.Catalogue.PerformerRole.HandlingOfficer })];
    }

    // Only the empty rows at the end are the form's spares: an emptied row in the middle is an error the engine reports at
    // its own row number.
    private static List<T> TrimSpare<T>(List<T>? rows, Func<T, bool> empty)
    {
        var list = rows ?? [];
        while (list.Count > 0 && empty(list[^1]))
        {
            list.RemoveAt(list.Count - 1);
        }

        return list;
    }
}
