using System.Linq.Expressions;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Dossiers;

/// <summary>The one rule for where an open dossier stands against its current appointment: not due, due soon, overdue,
/// or paused while it waits for the applicant (domain.md §3.3 "deadline state", §5.6). The list filters, the daily
/// digest and every report use it, in memory (<see cref="StatusAt"/>) or in a database query (<see cref="OverdueAt"/>,
/// <see cref="DueSoonAt"/>), and a test holds the two forms equal over every state.</summary>
public static class DeadlineWatch
{
    // The processing states as a list a query provider can translate to IN (…); Enumerable.Contains is named because
    // C# 14 binds "array.Contains" in an expression tree to the span overload, which the expression interpreter rejects.
    private static readonly DossierStatus[] ProcessingStatuses = [.. Enum.GetValues<DossierStatus>().Where(DossierWorkflow.IsProcessing)];

    /// <summary>Whether the clock stands still because the dossier waits for the applicant: a supplement requested
    /// during processing (ND 61/2018 Art. 19(4)), or a payment whose wait pauses the clock for this procedure.</summary>
    public static bool IsPaused(DossierStatus status, bool financialObligationPausesClock) =>
        status == DossierStatus.SupplementRequested
        || (status == DossierStatus.AwaitingFinancialObligation && financialObligationPausesClock);

    /// <summary>The standing at <paramref name="nowUtc"/>; <see langword="null"/> when the dossier has no appointment,
    /// is not being processed, or has ended.</summary>
    /// <param name="status">The dossier's state.</param>
    /// <param name="currentAppointmentAtUtc">The appointment the applicant holds.</param>
    /// <param name="processingEndedAtUtc">When processing ended, if it has.</param>
    /// <param name="financialObligationPausesClock">Whether waiting for payment pauses the clock.</param>
    /// <param name="nowUtc">The instant to judge at.</param>
    /// <param name="dueSoonWorkingTime">The warning threshold in working time.</param>
    /// <param name="calculator">The receiving desk's calculator, which measures the working time left.</param>
    public static OpenDeadlineStatus? StatusAt(
        DossierStatus status, DateTime? currentAppointmentAtUtc, DateTime? processingEndedAtUtc, bool financialObligationPausesClock,
        DateTime nowUtc, TimeSpan dueSoonWorkingTime, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        if (currentAppointmentAtUtc is not { } due || processingEndedAtUtc is not null || !DossierWorkflow.IsProcessing(status))
        {
            return null;
        }

        if (IsPaused(status, financialObligationPausesClock))
        {
            return OpenDeadlineStatus.Paused;
        }

        if (nowUtc > due)
        {
            return OpenDeadlineStatus.Overdue;
        }

        return calculator.WorkingTimeBetween(nowUtc, due) <= dueSoonWorkingTime ? OpenDeadlineStatus.DueSoon : OpenDeadlineStatus.NotDue;
    }

    /// <summary>The last instant that is still "due soon" at <paramref name="nowUtc"/> on a desk's calendar: an open,
    /// running dossier due in [<paramref name="nowUtc"/>, this instant] is due soon, exactly as <see cref="StatusAt"/>
    /// says (the working time left is at most the threshold; time outside sessions adds none).</summary>
    public static DateTime DueSoonLimit(DateTime nowUtc, TimeSpan dueSoonWorkingTime, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        var reached = calculator.AddWorkingTime(nowUtc, dueSoonWorkingTime);
        var after = reached.AddTicks(1);
        var resumes = calculator.NextWorkingTime(after);
        // Past the end of a session no working time passes until the next one starts.
        return resumes == after ? reached : resumes;
    }

    /// <summary>Every dossier <see cref="StatusAt"/> gives a standing to (a superset of each predicate below), as a
    /// query predicate: the rows a count of all three standings needs to read.</summary>
    public static Expression<Func<Dossier, bool>> WithStanding() =>
        d => d.ProcessingEndedAt == null && d.CurrentAppointmentAt != null
             && (Enumerable.Contains(ProcessingStatuses, d.Status) || d.Status == DossierStatus.SupplementRequested
                 || d.Status == DossierStatus.AwaitingFinancialObligation);

    /// <summary><see cref="StatusAt"/> = <see cref="OpenDeadlineStatus.Overdue"/>, as a query predicate.</summary>
    public static Expression<Func<Dossier, bool>> OverdueAt(DateTime nowUtc) =>
        d => d.ProcessingEndedAt == null && d.CurrentAppointmentAt != null && d.CurrentAppointmentAt < nowUtc
             && Enumerable.Contains(ProcessingStatuses, d.Status)
             && d.Status != DossierStatus.SupplementRequested
             && !(d.Status == DossierStatus.AwaitingFinancialObligation && d.FinancialObligationPausesClock);

    /// <summary><see cref="StatusAt"/> = <see cref="OpenDeadlineStatus.Paused"/> (waiting for the applicant), as a query
    /// predicate. It does not depend on the time.</summary>
    public static Expression<Func<Dossier, bool>> Paused() =>
        d => d.ProcessingEndedAt == null && d.CurrentAppointmentAt != null
             && (d.Status == DossierStatus.SupplementRequested
                 || (d.Status == DossierStatus.AwaitingFinancialObligation && d.FinancialObligationPausesClock));

    /// <summary><see cref="StatusAt"/> = <see cref="OpenDeadlineStatus.DueSoon"/>, as a query predicate: each dossier is
    /// measured on its receiving desk's calendar, by the <see cref="DueSoonLimit"/> of its receiving unit in
    /// <paramref name="limitByReceivingUnit"/>, or <paramref name="otherUnitsLimit"/> for a unit not listed.</summary>
    /// <remarks>The values reach the database as parameters (read through holder objects), so one query plan serves
    /// every call of the same shape.</remarks>
    public static Expression<Func<Dossier, bool>> DueSoonAt(
        DateTime nowUtc, IReadOnlyDictionary<Guid, DateTime> limitByReceivingUnit, DateTime otherUnitsLimit)
    {
        ArgumentNullException.ThrowIfNull(limitByReceivingUnit);
        Expression<Func<Dossier, DateTime?, bool>> running = (d, limit) =>
            d.ProcessingEndedAt == null && d.CurrentAppointmentAt != null && d.CurrentAppointmentAt >= nowUtc && d.CurrentAppointmentAt <= limit
            && Enumerable.Contains(ProcessingStatuses, d.Status)
            && d.Status != DossierStatus.SupplementRequested
            && !(d.Status == DossierStatus.AwaitingFinancialObligation && d.FinancialObligationPausesClock);

        var dossier = running.Parameters[0];
        Expression limit = Holder(otherUnitsLimit);
        foreach (var group in limitByReceivingUnit.GroupBy(p => p.Value))
        {
            var units = Expression.Property(Expression.Constant(new Units([.. group.Select(p => p.Key)])), nameof(Units.Ids));
            var received = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], units,
                Expression.Property(dossier, nameof(Dossier.ReceivingUnitId)));
            limit = Expression.Condition(received, Holder(group.Key), limit);
        }

        var body = new Substitute(running.Parameters[1], limit).Visit(running.Body);
        return Expression.Lambda<Func<Dossier, bool>>(body, dossier);
    }

    private static MemberExpression Holder(DateTime value) =>
        Expression.Property(Expression.Constant(new Instant(value)), nameof(Instant.Value));

    private sealed record Instant(DateTime? Value);

    private sealed record Units(Guid[] Ids);

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
