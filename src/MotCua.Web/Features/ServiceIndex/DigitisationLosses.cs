using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.ServiceIndex;
using MotCua.Persistence;

namespace MotCua.Web.Features.ServiceIndex;

/// <summary>The dossiers behind the points lost on 766 group 5 (domain.md §8.2), by the documents' flags the statistics
/// count (<see cref="DossierDocumentFacts"/>): 4.1 ended in the period with a result but no electronic result file; 4.2
/// received in the period without both a digitised component and an electronic result; 4.3 received in the period
/// without a component taken from data already digitised. Read from the dossiers a page at a time in (received, id)
/// order, with their codes.</summary>
public sealed class DigitisationLosses(AppDbContext db)
{
    /// <summary>The indicators this list explains.</summary>
    public static readonly IReadOnlySet<string> Indicators = new HashSet<string>(StringComparer.Ordinal) { "4.1", "4.2", "4.3" };

    public async Task<List<(Guid Id, string Code)>> PageAsync(
        string indicator, HashSet<Guid> units, ScorecardPeriod period, int skip, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (VietnamTime.StartOfDayUtc(period.First), VietnamTime.StartOfDayUtc(period.Last.AddDays(1)));
        var documents = db.DossierDocuments.AsNoTracking();
        var dossiers = db.Dossiers.AsNoTracking().Where(d => units.Contains(d.CompetentUnitId));
        // Enums are stored as names: compare by value (DossierWorkflow.EndsWithoutResult).
        var lost = indicator switch
        {
            "4.1" => dossiers.Where(d => d.ProcessingEndedAt >= start && d.ProcessingEndedAt < end
                && d.Status != DossierStatus.Withdrawn && d.Status != DossierStatus.RejectedAfterAppraisal && d.Status != DossierStatus.Stopped
                && !documents.Any(x => x.DossierId == d.Id && x.IsElectronicResult)),
            "4.2" => dossiers.Where(d => d.ReceivedAt >= start && d.ReceivedAt < end
                && !(documents.Any(x => x.DossierId == d.Id && x.Digitised) && documents.Any(x => x.DossierId == d.Id && x.IsElectronicResult))),
            "4.3" => dossiers.Where(d => d.ReceivedAt >= start && d.ReceivedAt < end
                && !documents.Any(x => x.DossierId == d.Id && x.ReusedFromDigitisedData)),
            _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
        };
        var page = await lost.OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id).Skip(skip).Take(take).Select(d => new { d.Id, d.Code }).ToListAsync(ct);
        return [.. page.Select(d => (d.Id, d.Code?.Format() ?? d.Id.ToString()))];
    }
}
