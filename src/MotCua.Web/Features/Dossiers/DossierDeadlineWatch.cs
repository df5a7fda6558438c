using System.Linq.Expressions;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Calendar;

namespace MotCua.Web.Features.Dossiers;

/// <summary><see cref="DeadlineWatch"/> with this deployment's settings: the due-soon threshold
/// (<c>Dossiers:DueSoonWorkingHours</c>, default 8 working hours) and each receiving desk's calendar. The list filters
/// and the daily digest both come here, so they cannot disagree.</summary>
public sealed class DossierDeadlineWatch(AppDbContext db, CalendarService calendar, IConfiguration configuration)
{
    /// <summary>How much working time before the appointment a dossier counts as due soon.</summary>
    public TimeSpan DueSoonThreshold => TimeSpan.FromHours(configuration.GetValue("Dossiers:DueSoonWorkingHours", 8.0));

    private readonly Dictionary<Guid, DeadlineCalculator> _calculators = [];

    /// <summary><see cref="DeadlineWatch.StatusAt"/> of one dossier on its receiving desk's calendar (the badge of a list
    /// row); calculators are kept for the rest of the scope.</summary>
    public async Task<OpenDeadlineStatus?> StatusAtAsync(
        Guid receivingUnitId, DossierStatus status, DateTime? currentAppointmentAtUtc, DateTime? processingEndedAtUtc,
        bool financialObligationPausesClock, DateTime nowUtc, CancellationToken ct)
    {
        if (!_calculators.TryGetValue(receivingUnitId, out var calculator))
        {
            (calculator, _, _) = await calendar.ForUnitAsync(db, receivingUnitId, ct);
            _calculators[receivingUnitId] = calculator;
        }

        return DeadlineWatch.StatusAt(status, currentAppointmentAtUtc, processingEndedAtUtc, financialObligationPausesClock, nowUtc, DueSoonThreshold, calculator);
    }

    /// <summary>The due-soon predicate at <paramref name="nowUtc"/>, each dossier on its receiving desk's calendar for
    /// the units in <paramref name="receivingUnits"/>, and on the default working hours for any other unit.</summary>
    public async Task<Expression<Func<Dossier, bool>>> DueSoonAsync(IEnumerable<Guid> receivingUnits, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receivingUnits);
        var threshold = DueSoonThreshold;
        var limits = new Dictionary<Guid, DateTime>();
        foreach (var unit in receivingUnits.Distinct())
        {
            var (calculator, _, _) = await calendar.ForUnitAsync(db, unit, ct);
            limits[unit] = DeadlineWatch.DueSoonLimit(nowUtc, threshold, calculator);
        }

        var other = DeadlineWatch.DueSoonLimit(nowUtc, threshold, CalendarService.DefaultCalculator(await calendar.GetAsync(ct)));
        return DeadlineWatch.DueSoonAt(nowUtc, limits, other);
    }
}
