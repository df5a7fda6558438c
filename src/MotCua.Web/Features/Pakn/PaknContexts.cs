using MotCua.Domain.Calendar;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Persistence;
using MotCua.Web.Calendar;

namespace MotCua.Web.Features.Pakn;

/// <summary>The domain's <see cref="PaknContext"/> for a unit: now, the actor, the unit's working calendar (its desk's
/// sessions and the shared holidays) and the deadline versions.</summary>
public sealed class PaknContexts(AppDbContext db, CalendarService calendar, PaknDeadlineSchedule schedule, TimeProvider clock)
{
    public PaknDeadlineSchedule Schedule => schedule;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<PaknContext> ForAsync(Guid unitId, PaknActor actor, CancellationToken ct) =>
        new(Now, actor, await CalculatorAsync(unitId, ct), schedule);

    public async Task<DeadlineCalculator> CalculatorAsync(Guid unitId, CancellationToken ct) =>
        (await calendar.ForUnitAsync(db, unitId, ct)).Calculator;
}
