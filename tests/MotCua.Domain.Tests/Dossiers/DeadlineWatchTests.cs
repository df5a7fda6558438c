using MotCua.Domain.Dossiers;
using MotCua.Domain.Tests.Calendar;

namespace MotCua.Domain.Tests.Dossiers;

public sealed class DeadlineWatchTests
{
    private static readonly TimeSpan Threshold = TimeSpan.FromHours(8);

    public static TheoryData<DossierStatus, bool> States()
    {
        var data = new TheoryData<DossierStatus, bool>();
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            data.Add(status, false);
            data.Add(status, true);
        }

        return data;
    }

    // The query predicates the list and the counters use must say exactly what StatusAt says, in every state, at instants inside and
    // outside working sessions, across the appointment.
    [Theory, MemberData(nameof(States))]
    public void QueryPredicates_AgreeWithStatusAt_InEveryState(DossierStatus state, bool financialPause)
    {
        var d = new Driver(Driver.MakeTerms(financialPause: financialPause));
        var dossier = d.InState(state);
        var start = Vn.Utc(Driver.T0);
        var checkedStates = new HashSet<OpenDeadlineStatus?>();
        // Every 97 minutes over the last three days before the appointment and one after it, every 13 hours before.
        var due = dossier.CurrentAppointmentAt ?? start.AddDays(14);
        for (var now = start; now < due.AddDays(1); now = now.AddMinutes(now < due.AddDays(-3) ? 13 * 60 : 97))
        {
            var expected = dossier.DeadlineStatusAt(now, Threshold, Driver.B2);
            checkedStates.Add(expected);
            var limit = DeadlineWatch.DueSoonLimit(now, Threshold, Driver.B2);
            var ownUnit = DeadlineWatch.DueSoonAt(now, new Dictionary<Guid, DateTime> { [dossier.ReceivingUnitId] = limit }, DateTime.MinValue).Compile(preferInterpretation: true);
            var otherUnit = DeadlineWatch.DueSoonAt(now, new Dictionary<Guid, DateTime> { [Guid.NewGuid()] = DateTime.MinValue }, limit).Compile(preferInterpretation: true);

            Assert.Equal(expected == OpenDeadlineStatus.Overdue, DeadlineWatch.OverdueAt(now).Compile(preferInterpretation: true)(dossier));
            Assert.Equal(expected == OpenDeadlineStatus.DueSoon, ownUnit(dossier));
            Assert.Equal(expected == OpenDeadlineStatus.DueSoon, otherUnit(dossier));
            Assert.Equal(expected == OpenDeadlineStatus.Paused, DeadlineWatch.Paused().Compile(preferInterpretation: true)(dossier));
            Assert.Equal(expected is not null, DeadlineWatch.WithStanding().Compile(preferInterpretation: true)(dossier));
        }

        if (DossierWorkflow.IsProcessing(state) && !DeadlineWatch.IsPaused(state, financialPause))
        {
            Assert.Superset(new HashSet<OpenDeadlineStatus?> { OpenDeadlineStatus.NotDue, OpenDeadlineStatus.DueSoon, OpenDeadlineStatus.Overdue }, checkedStates);
        }
    }

    [Fact]
    public void OverdueAt_WaitingForSupplement_IsNotOverdue()
    {
        var d = new Driver(Driver.MakeTerms(value: 3, steps: Driver.SimpleSteps));
        var dossier = d.InState(DossierStatus.SupplementRequested);
        var longAfter = dossier.CurrentAppointmentAt!.Value.AddDays(30);

        Assert.False(DeadlineWatch.OverdueAt(longAfter).Compile(preferInterpretation: true)(dossier));
        Assert.Equal(OpenDeadlineStatus.Paused, dossier.DeadlineStatusAt(longAfter, Threshold, Driver.B2));
    }

    [Theory]
    [InlineData("2026-03-13 10:00", "2026-03-16 10:00")] // inside a session: eight working hours later
    [InlineData("2026-03-13 17:00", "2026-03-17 07:30")] // at the close: a whole working day, then no working time until Tuesday
    [InlineData("2026-03-14 10:00", "2026-03-17 07:30")] // a Saturday: a whole working day from Monday, up to the next session start
    public void DueSoonLimit_IsTheLastInstantWithinTheThreshold(string now, string limit)
    {
        var at = DeadlineWatch.DueSoonLimit(Vn.Utc(now), Threshold, Driver.B2);

        Assert.Equal(Vn.Utc(limit), at);
        Assert.True(Driver.B2.WorkingTimeBetween(Vn.Utc(now), at) <= Threshold);
        Assert.True(Driver.B2.WorkingTimeBetween(Vn.Utc(now), at.AddMinutes(1)) > Threshold);
    }
}
