using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;

// IndexOf(char) is not translated by Npgsql (it fails at run time); IndexOf(string) is, on both providers.
#pragma warning disable CA1866

namespace MotCua.Persistence.Catalogue;

/// <summary>Read-side queries over the procedure catalogue, identical on SQLite and PostgreSQL.</summary>
/// <remarks>
/// Accent- and case-insensitive search compares folded text with folded text (<see cref="VietnameseText.Fold"/>):
/// the stored <see cref="Procedure.SearchKey"/> is folded on write and every query word is folded here, so plain
/// <c>LIKE</c> behaves the same on both providers without collations, <c>unaccent</c> or <c>ILIKE</c>.
/// </remarks>
public static class CatalogueQueries
{
    /// <summary>Escape character for <c>LIKE</c> patterns built from user input.</summary>
    public const string LikeEscape = "\\";

    /// <summary>Shadow key column that keeps the order of a child list (Configurations/ProcedureConfiguration).</summary>
    internal const string PositionColumn = "Position";

    /// <summary>
    /// Loads every child list of the aggregate in the order it was written. Use it whenever whole procedures are
    /// read: EF includes owned collections automatically but does not order them (dotnet/efcore#9067), and on
    /// PostgreSQL the rows really do come back shuffled.
    /// </summary>
    public static IQueryable<Procedure> InListOrder(this IQueryable<Procedure> procedures) =>
        procedures
            .Include(p => p.RequiredDocuments.OrderBy(d => EF.Property<int>(d, PositionColumn)))
            .Include(p => p.Forms.OrderBy(f => EF.Property<int>(f, PositionColumn)))
            .Include(p => p.Fees.OrderBy(f => EF.Property<int>(f, PositionColumn)))
            .Include(p => p.LegalBasis.OrderBy(l => EF.Property<int>(l, PositionColumn)))
            .Include(p => p.InternalProcess.OrderBy(s => s.Order));

    /// <summary>Versions in force on <paramref name="date"/> (inclusive bounds, as <see cref="Procedure.IsInForceOn"/>).</summary>
    public static IQueryable<Procedure> InForceOn(this IQueryable<Procedure> procedures, DateOnly date) =>
        procedures.Where(p => p.ValidFrom <= date && (p.ValidTo == null || p.ValidTo >= date));

    /// <summary>Procedures whose search key contains every one of <paramref name="terms"/> (already folded).</summary>
    public static IQueryable<Procedure> ContainingAll(this IQueryable<Procedure> procedures, IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        foreach (var term in terms)
        {
            var pattern = "%" + EscapeLike(term) + "%";
            procedures = procedures.Where(p => EF.Functions.Like(p.SearchKey, pattern, LikeEscape));
        }

        return procedures;
    }

    /// <summary>Makes <c>%</c>, <c>_</c> and the escape character literal in a <c>LIKE</c> pattern.</summary>
    public static string EscapeLike(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);
    }

    /// <summary>
    /// Searches the versions in force on <paramref name="onDate"/>: every word of <paramref name="query"/> must occur
    /// in the code, name or sector, ignoring diacritics and case; a blank query lists everything. An exact code
    /// match comes first, then names starting with the query (shortest first), then names holding it as a phrase
    /// (earliest, then shortest first), then the rest in folded name order.
    /// </summary>
    /// <param name="db">The context.</param>
    /// <param name="query">User input in any accent form, or a procedure code.</param>
    /// <param name="onDate">Vietnam date on which the versions must be in force.</param>
    /// <param name="level">Only this tier, when given.</param>
    /// <param name="sectorCode">Only this sector code, when given.</param>
    /// <param name="paging">Page to return.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<CataloguePage<ProcedureSummary>> SearchAsync(
        AppDbContext db,
        string? query,
        DateOnly onDate,
        ProcedureLevel? level,
        string? sectorCode,
        CataloguePaging paging,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(paging);
        var matches = db.Procedures.AsNoTracking().InForceOn(onDate).ContainingAll(ProcedureSearch.Terms(query));
        if (level is { } l)
        {
            matches = matches.Where(p => p.Level == l);
        }

        if (!string.IsNullOrWhiteSpace(sectorCode))
        {
            var sector = sectorCode.Trim();
            matches = matches.Where(p => p.Sector.Code == sector);
        }

        var total = await matches.CountAsync(ct);
        var exactCode = NormaliseCode(query);
        var ordered = matches.OrderBy(p => p.Code == exactCode ? 0 : 1);
        var foldedQuery = VietnameseText.Fold(query);
        if (foldedQuery.Length > 0)
        {
            // Names that start with the whole query come next, closest (shortest) first: "dang ky khai sinh" puts
            // "Đăng ký khai sinh" before "Đăng ký khai sinh cho người đã có hồ sơ…".
            // Then names holding the query as a phrase, earliest first: "khai sinh" puts "Đăng ký khai sinh" before
            // "Cấp bản sao trích lục … khai sinh" and before names that merely contain both words apart.
            ordered = ordered
                .ThenBy(p => p.SearchKey.Substring(p.SearchKey.IndexOf(" ") + 1).StartsWith(foldedQuery) ? 0 : 1)
                .ThenBy(p => p.SearchKey.Substring(p.SearchKey.IndexOf(" ") + 1).StartsWith(foldedQuery) ? p.Name.Length : 0)
                .ThenBy(p => p.SearchKey.Substring(p.SearchKey.IndexOf(" ") + 1).Contains(foldedQuery) ? 0 : 1)
                .ThenBy(p => p.SearchKey.Substring(p.SearchKey.IndexOf(" ") + 1).Contains(foldedQuery)
                    ? p.SearchKey.Substring(p.SearchKey.IndexOf(" ") + 1).IndexOf(foldedQuery)
                    : 0)
                .ThenBy(p => p.SearchKey.Substring(p.SearchKey.IndexOf(" ") + 1).Contains(foldedQuery) ? p.Name.Length : 0);
        }

        var items = await ordered
            // The key is "<code> <name> <sector>", folded; codes have no spaces, so this is the folded name, which
            // sorts "Đăng ký…" among the D's on both providers instead of after Z by code point.
            .ThenBy(p => p.SearchKey.Substring(p.SearchKey.IndexOf(" ") + 1))
            .ThenBy(p => p.Code)
            .Skip(paging.Skip)
            .Take(paging.PageSize)
            .Select(p => new ProcedureSummary(
                p.Id,
                p.Code.Value,
                p.Version,
                p.Name,
                p.Sector.Code,
                p.Sector.Name,
                p.Level,
                p.OnlineLevel,
                new ProcessingTime(p.ProcessingTime.Value, p.ProcessingTime.Unit)))
            .ToListAsync(ct);
        return new CataloguePage<ProcedureSummary>(items, total, paging);
    }

    /// <summary>
    /// The full version of <paramref name="code"/> (any letter case) in force on <paramref name="onDate"/>, with every
    /// child list, or <see langword="null"/> when the code is unknown, malformed or not in force that day.
    /// </summary>
    public static async Task<Procedure?> GetByCodeAsync(AppDbContext db, string? code, DateOnly onDate, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var normalised = NormaliseCode(code);
        if (!ProcedureCode.IsWellFormed(normalised.Value))
        {
            return null;
        }

        return await db.Procedures
            .AsNoTracking()
            .AsSplitQuery()
            .InListOrder()
            .Where(p => p.Code == normalised)
            .InForceOn(onDate)
            .OrderByDescending(p => p.Version)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Sectors that have at least one procedure in force on <paramref name="onDate"/>, by folded name.</summary>
    public static async Task<IReadOnlyList<SectorOption>> SectorsAsync(AppDbContext db, DateOnly onDate, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sectors = await db.Procedures.AsNoTracking().InForceOn(onDate)
            .Select(p => new { p.Sector.Code, p.Sector.Name })
            .Distinct()
            .ToListAsync(ct);
        return sectors
            .Select(s => new SectorOption(s.Code, s.Name))
            .OrderBy(s => VietnameseText.Fold(s.Name), StringComparer.Ordinal)
            .ToList();
    }

    private static ProcedureCode NormaliseCode(string? text) => new((text ?? "").Trim().ToUpperInvariant());
}
