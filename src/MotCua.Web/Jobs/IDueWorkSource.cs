namespace MotCua.Web.Jobs;

/// <summary>Open dossiers of a unit that are due soon or overdue, for the agency head's daily digest.</summary>
/// <remarks>The dossier notifications supply it (<c>DossierDueWorkSource</c>). Registered as scoped, so an
/// implementation may take the AppDbContext.</remarks>
public interface IDueWorkSource
{
    /// <summary>The unit's due-soon and overdue work at <paramref name="nowUtc"/>.</summary>
    Task<DueWork> GetDueWorkAsync(Guid unitId, DateTime nowUtc, CancellationToken ct = default);
}

/// <summary>Counts and the codes to list (most urgent first, capped by the source).</summary>
public sealed record DueWork(int DueSoonCount, int OverdueCount, IReadOnlyList<string> DueSoonCodes, IReadOnlyList<string> OverdueCodes)
{
    /// <summary>Nothing due.</summary>
    public static readonly DueWork None = new(0, 0, [], []);

    /// <summary>Whether there is nothing to report.</summary>
    public bool IsEmpty => DueSoonCount == 0 && OverdueCount == 0;
}
