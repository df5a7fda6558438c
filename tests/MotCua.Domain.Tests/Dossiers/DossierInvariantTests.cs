using MotCua.Domain.Dossiers;
using MotCua.Domain.Tests.Calendar;
using static MotCua.Domain.Dossiers.DossierTrigger;

namespace MotCua.Domain.Tests.Dossiers;

public class DossierInvariantTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Fire_SeededRandomWalks_KeepVersionHistoryAndChainConsistent(int seed)
    {
        var random = new Random(seed);
        var triggers = Enum.GetValues<DossierTrigger>();
        var roles = Enum.GetValues<DossierActorRole>();
        for (var walk = 0; walk < 40; walk++)
        {
            var d = new Driver(Driver.MakeTerms(supplement: random.Next(2) == 0
                ? SupplementClockPolicy.SupplementRestart : SupplementClockPolicy.SupplementPause, financialPause: random.Next(2) == 0));
            var dossier = random.Next(2) == 0 ? d.Submit("2026-03-02 08:00") : d.Counter("2026-03-02 08:00");
            var local = new DateTime(2026, 3, 2, 8, 0, 0);
            for (var step = 0; step < 60; step++)
            {
                local = local.AddMinutes(random.Next(5, 600));
                var now = Domain.Calendar.VietnamTime.ToUtc(local);
                var trigger = triggers[random.Next(triggers.Length)];
                var role = random.Next(3) == 0 ? roles[random.Next(roles.Length)] : Driver.DefaultRole(trigger);
                var before = (dossier.Status, dossier.Version, dossier.History.Count);

                var result = dossier.Fire(Driver.Sample(trigger, now, dossier), d.Ctx(now, role));

                if (result.IsSuccess)
                {
                    Assert.Equal(DossierWorkflow.Next(before.Status, trigger), dossier.Status);
                    Assert.Equal(before.Version + 1, dossier.Version);
                }
                else
                {
                    Assert.Equal(before, (dossier.Status, dossier.Version, dossier.History.Count));
                }

                Assert.Equal(dossier.Version, dossier.History.Count);
                Assert.InRange(dossier.ExtensionCount, 0, 1);
                Assert.True(dossier.OriginalAppointmentAt <= dossier.CurrentAppointmentAt || dossier.OriginalAppointmentAt is null);
            }

            Assert.Null(DossierHistoryChain.Verify(dossier.History, dossier.HistoryHash));
            var ended = dossier.Status is DossierStatus.ResultAtDesk or DossierStatus.Returned or DossierStatus.RejectedAfterAppraisal
                or DossierStatus.Stopped || (dossier.Status == DossierStatus.Withdrawn && dossier.ReceivedAt is not null);
            Assert.Equal(ended, dossier.ProcessingEndedAt is not null);
        }
    }

    [Fact]
    public void RequestDeskSupplement_ThenResubmit_RecordsAndCompletesTheDeskRequest()
    {
        var d = new Driver();
        var dossier = d.Submit("2026-03-09 08:00");
        d.Fire(dossier, new RequestSupplementCommand("Thiếu tờ khai", ["Tờ khai", " "], AtDesk: true), "2026-03-09 09:00");
        var request = Assert.Single(dossier.Supplements);
        Assert.Equal((SupplementStage.Desk, "Thiếu tờ khai"), (request.Stage, request.Reason));
        Assert.Equal(["Tờ khai"], request.Items);
        Assert.Null(dossier.ReceivedAt);

        d.Fire(dossier, new TriggerCommand(Resubmit), "2026-03-10 09:00", DossierActorRole.Citizen);

        Assert.Equal(Vn.Utc("2026-03-10 09:00"), request.CompletedAt);
        Assert.Equal(DossierStatus.OnlineSubmitted, dossier.Status);
    }

    [Fact]
    public void ReceiveAtCounter_CodeOfAnotherDay_CodeDateMismatch()
    {
        var d = new Driver();
        var now = Vn.Utc("2026-03-09 09:00");
        var result = Dossier.ReceiveAtCounter(Driver.Data(DossierChannel.InPerson), Driver.CodeFor(Vn.Utc("2026-03-08 09:00")), d.Ctx(now, DossierActorRole.DeskOfficer));
        Assert.IsType<DossierCodeDateMismatch>(result.Error);
    }

    [Fact]
    public void ReceiveAtCounter_OutsideTheCalendar_AppointmentNotComputed()
    {
        var d = new Driver();
        var now = Vn.Utc("2027-12-31 10:00"); // 10 working days run past the calendar's last year
        var result = Dossier.ReceiveAtCounter(Driver.Data(DossierChannel.InPerson), Driver.CodeFor(now), d.Ctx(now, DossierActorRole.DeskOfficer));
        Assert.Equal("deadline.outside_calendar", Assert.IsType<AppointmentNotComputed>(result.Error).Cause.Code);
    }

    [Fact]
    public void Fire_LocalTimeInContext_ThrowsBecauseItIsABug()
    {
        var d = new Driver();
        var dossier = d.Submit("2026-03-09 08:00");
        var context = d.Ctx(DateTime.SpecifyKind(new DateTime(2026, 3, 9, 9, 0, 0), DateTimeKind.Local), DossierActorRole.DeskOfficer);
        Assert.Throws<ArgumentException>(() => dossier.Fire(new TriggerCommand(Withdraw), context));
    }
}
