using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Common;
using MotCua.Domain.ParIndex;
using MotCua.Web.Api;
using MotCua.Web.Documents;

namespace MotCua.Web.Pages.ParIndex;

/// <summary>What the PAR Index pages share.</summary>
public static class ParIndexPages
{
    /// <summary>Every message of <paramref name="error"/> in the page's language; a framework's problems each with the place
    /// in the tree it is about.</summary>
    /// <param name="error">The handler's error.</param>
    /// <param name="paths">Whether to name each problem's path (a framework's tree); a self-assessment's messages name
    /// their sub-criterion themselves.</param>
    public static IReadOnlyList<string> Describe(Error error, bool paths = true)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is ValidationFailed failed
            ? [.. failed.Fields.SelectMany(f => f.Value.Select(m => !paths || f.Key is "file" or "year" or "revision" or "decisionNumber" ? PageErrors.Text(m) : $"{f.Key}: {PageErrors.Text(m)}"))]
            : [PageErrors.Message(error)];
    }

    /// <summary>A number typed with a dot or a comma as the decimal separator; anything else (a sign too) is -1, out of
    /// every range, so the handler refuses it with its range message.</summary>
    public static decimal? Number(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : -1m;

    /// <summary>An evidence document for whoever reads the record it belongs to: only a hash among
    /// <paramref name="referenced"/> is served (404 otherwise), named <paramref name="prefix"/> and the hash's start.</summary>
    public static async Task<IActionResult> EvidenceFileAsync(PageModel page, IDocumentContentStore store, string? sha, IEnumerable<ParEvidence> referenced,
        string prefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(store);
        if (sha is null || !referenced.Any(e => e.Kind == ParEvidenceKind.Document && e.Reference == sha))
        {
            return page.NotFound();
        }

        var opened = await store.OpenReadAsync(sha, ct);
        return opened.IsSuccess ? page.File(opened.Value, "application/octet-stream", $"{prefix}-{sha[..12]}") : page.NotFound();
    }
}

/// <summary>The results table partial's model: the table, its element id, the framework whose simulator each unit links
/// to (staff pages only), and each not-ranked unit's assessment state (staff pages only).</summary>
public sealed record ParResultsTablePartial(
    Domain.ParIndex.ParResultsTable Table, string TableId, Guid? SimulatorFramework, IReadOnlyDictionary<Guid, string>? Statuses);
