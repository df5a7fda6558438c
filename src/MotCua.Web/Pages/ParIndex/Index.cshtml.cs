using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.ParIndex;
using MotCua.Persistence;
using MotCua.Web.Features.ParIndex;

namespace MotCua.Web.Pages.ParIndex;

/// <summary>The PAR Index frameworks (issue 11 §1, §8): every framework the caller reads, newest year first, and for Home
/// Affairs and administrators of the province the import of a framework JSON file as a draft. Every rule is
/// <see cref="Frameworks.Handler"/>'s, the same as the API's.</summary>
[Authorize]
public sealed class IndexModel(Frameworks.Handler frameworks, ParIndexAccess access, AppDbContext db) : PageModel
{
    /// <summary>Largest file imported.</summary>
    public const int MaxFileBytes = 2 * 1024 * 1024;

    public IReadOnlyList<ParFrameworkRow> Rows { get; private set; } = [];

    /// <summary>The provinces the caller writes frameworks for, with their names.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Writable { get; private set; } = [];

    public string? Denied { get; private set; }

    public string? Done { get; private set; }

    /// <summary>What is wrong with the last import, in the page's language.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty]
    public Guid? Province { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var document = await ReadAsync(ct);
        if (document.IsSuccess)
        {
            var imported = await frameworks.ImportAsync(new ImportFrameworkRequest(Province, document.Value), User, ct);
            if (imported.IsSuccess)
            {
                return RedirectToPage("/ParIndex/Framework", new { id = imported.Value.Id, done = "Imported" });
            }

            Problems = ParIndexPages.Describe(imported.Error);
        }
        else
        {
            Problems = ParIndexPages.Describe(document.Error);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task<Result<ParFrameworkDocument>> ReadAsync(CancellationToken ct)
    {
        if (Upload is not { Length: > 0 } file)
        {
            return FileRequired();
        }

        if (file.Length > MaxFileBytes)
        {
            return Api.ValidationFailed.One("file", new FieldMessage("par.file_too_large", "Tệp lớn hơn {0} MB.", MaxFileBytes / 1024 / 1024));
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var document = await JsonSerializer.DeserializeAsync<ParFrameworkDocument>(stream, ParFrameworkJson.Options, ct);
            return document is null ? FileRequired() : document;
        }
        catch (JsonException e)
        {
            return Api.ValidationFailed.One("file", new FieldMessage("par.json_invalid", "JSON không hợp lệ: {0}", e.Message));
        }
    }

    private static Api.ValidationFailed FileRequired() =>
        Api.ValidationFailed.One("file", new FieldMessage("par.file_required", "Chọn một tệp JSON bộ chỉ số."));

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = await frameworks.ListAsync(null, null, null, User, ct);
        if (list.IsFailure)
        {
            Denied = PageErrors.Message(list.Error);
            return;
        }

        Rows = list.Value;
        var writable = (await access.ForAsync(User, ct)).Value.Writable;
        Writable = [.. (await db.OrganisationalUnits.AsNoTracking().Where(u => writable.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => (u.Id, u.Name))];
    }
}
