using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Tests.Calendar;
using static MotCua.Domain.Dossiers.DossierTrigger;

namespace MotCua.Domain.Tests.Dossiers;

/// <summary>The rules of docs/dossier-rules.md that issue 7 brought into the engine: closed units, the apology's signer and
/// promised date, late rejections, and allowedTriggers that only list what would succeed.</summary>
public class DossierLawTests
{
    private static readonly OperatingUnit ClosedDistrict = new(Guid.CreateVersion7(), "Ủy ban nhân dân huyện Mai Sơn", new DateOnly(2020, 1, 1), new DateOnly(2025, 6, 30));
    private static readonly OperatingUnit FutureCommune = new(Guid.CreateVersion7(), "Ủy ban nhân dân xã Mới", new DateOnly(2027, 1, 1), null);
    private static readonly OperatingUnit OpenCommune = new(Guid.CreateVersion7(), "Ủy ban nhân dân phường Tô Hiệu", new DateOnly(2025, 7, 1), null);

    private static Driver FiveDays() => new(Driver.MakeTerms(5, ProcessingTimeUnit.WorkingDay, steps: Driver.SimpleSteps));

    // Received Mon 09/03/2026 09:00, 5 working days: due Mon 16/03/2026.
    private static Dossier Appraising(Driver d, string receivedAt = "2026-03-09 09:00")
    {
        var dossier = d.Counter(receivedAt);
        foreach (var trigger in new[] { Transfer, Assign, StartAppraisal })
        {
            d.Fire(dossier, trigger, receivedAt);
        }

        return dossier;
    }

    public static TheoryData<string> CreationTriggers => [nameof(Submit), nameof(ReceiveAtCounter), nameof(RefuseAtCounter)];

    private static Result<Dossier> Create(string trigger, Driver d, OperatingUnit? receiving, OperatingUnit? competent, string local = Driver.T0)
    {
        var now = Vn.Utc(local);
        var role = trigger == nameof(Submit) ? DossierActorRole.Citizen : DossierActorRole.DeskOfficer;
        var context = d.Ctx(now, role) with { ReceivingUnit = receiving, CompetentUnit = competent };
        return trigger switch
        {
            nameof(Submit) => Dossier.Submit(Driver.Data(DossierChannel.Online), context),
            nameof(ReceiveAtCounter) => Dossier.ReceiveAtCounter(Driver.Data(DossierChannel.InPerson), Driver.CodeFor(now), context),
            _ => Dossier.RefuseAtCounter(Driver.Data(DossierChannel.InPerson), "Không thuộc thẩm quyền", context),
        };
    }

    [Theory, MemberData(nameof(CreationTriggers))]
    public void Creation_AtUnitClosedOn30June2025_UnitNotInOperation(string trigger)
    {
        var result = Create(trigger, new Driver(), ClosedDistrict, OpenCommune);

        var error = Assert.IsType<UnitNotInOperation>(result.Error);
        Assert.Equal("dossier.unit_not_in_operation", error.Code);
        Assert.Contains("đã chấm dứt hoạt động từ sau ngày 30/06/2025", error.Message, StringComparison.Ordinal);
        Assert.Contains(ClosedDistrict.Name, error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(CreationTriggers))]
    public void Creation_ForClosedOrNotYetOpenCompetentUnit_UnitNotInOperation(string trigger)
    {
        Assert.IsType<UnitNotInOperation>(Create(trigger, new Driver(), OpenCommune, ClosedDistrict).Error);
        var future = Assert.IsType<UnitNotInOperation>(Create(trigger, new Driver(), OpenCommune, FutureCommune).Error);
        Assert.Contains("bắt đầu hoạt động từ ngày 01/01/2027", future.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(CreationTriggers))]
    public void Creation_AtOpenUnits_Succeeds(string trigger)
    {
        Assert.True(Create(trigger, new Driver(), OpenCommune, OpenCommune).IsSuccess);
        // On its last day a unit still receives.
        Assert.True(Create(trigger, new Driver(), ClosedDistrict, ClosedDistrict, "2025-06-30 16:00").IsSuccess);
    }

    [Fact]
    public void Accept_AfterTheUnitClosed_RefusedAndNothingChanges()
    {
        var d = new Driver();
        var dossier = d.Submit("2025-06-30 10:00");
        var now = Vn.Utc("2025-07-01 09:00");
        var context = d.Ctx(now, DossierActorRole.DeskOfficer) with { ReceivingUnit = ClosedDistrict, CompetentUnit = ClosedDistrict };

        var result = dossier.Fire(new AcceptCommand(Driver.CodeFor(now)), context);

        Assert.IsType<UnitNotInOperation>(result.Error);
        Assert.Equal((DossierStatus.OnlineSubmitted, 1, (DossierCode?)null), (dossier.Status, dossier.Version, dossier.Code));
    }

    [Fact]
    public void IssueApology_ByTheDesk_RoleNotAllowed()
    {
        var d = FiveDays();
        var dossier = Appraising(d);

        var result = d.Try(dossier, new IssueApologyCommand("Chờ xác minh", Vn.Utc("2026-03-20 17:00"), "Trần Văn B"), "2026-03-12 10:00", DossierActorRole.DeskOfficer);

        Assert.IsType<RoleNotAllowed>(result.Error);
        Assert.Null(dossier.Apology);
        Assert.DoesNotContain(IssueApology, dossier.AllowedTriggers(DossierActorRole.DeskOfficer, Vn.Utc("2026-03-12 10:00")));
    }

    [Fact]
    public void CompleteSupplement_RestartEndingBeforeTheApologysDate_KeepsThePromisedDate()
    {
        var d = FiveDays();
        var dossier = Appraising(d);
        var promised = Vn.Utc("2026-03-27 17:00");
        d.Fire(dossier, new IssueApologyCommand("Chờ kết quả đo đạc", promised, "Trần Văn B"), "2026-03-12 10:00");
        d.Fire(dossier, RequestSupplement, "2026-03-12 11:00");

        var entry = d.Fire(dossier, new TriggerCommand(CompleteSupplement), "2026-03-16 09:00");

        var restarted = Driver.B2.ComputeDue(Vn.Utc("2026-03-16 09:00"), 5, ProcessingTimeUnit.WorkingDay, DeadlinePolicy.CalendarDayEnd, DeadlineOptions.Default).Value;
        Assert.True(restarted < promised);
        Assert.Equal(restarted, dossier.OriginalAppointmentAt);
        Assert.Equal(promised, dossier.CurrentAppointmentAt);
        Assert.Contains("\"apologyAppointmentKept\":true", entry.Data, StringComparison.Ordinal);
        Assert.Equal(promised, entry.CurrentAppointmentAt);
    }

    [Fact]
    public void CompleteSupplement_RestartEndingAfterTheApologysDate_TakesTheRestartedDate()
    {
        var d = FiveDays();
        var dossier = Appraising(d);
        var promised = Vn.Utc("2026-03-20 17:00");
        d.Fire(dossier, new IssueApologyCommand("Chờ kết quả đo đạc", promised, "Trần Văn B"), "2026-03-12 10:00");
        d.Fire(dossier, RequestSupplement, "2026-03-12 11:00");

        var entry = d.Fire(dossier, new TriggerCommand(CompleteSupplement), "2026-03-25 09:00");

        var restarted = Driver.B2.ComputeDue(Vn.Utc("2026-03-25 09:00"), 5, ProcessingTimeUnit.WorkingDay, DeadlinePolicy.CalendarDayEnd, DeadlineOptions.Default).Value;
        Assert.True(restarted > promised);
        Assert.Equal((restarted, restarted), (dossier.OriginalAppointmentAt!.Value, dossier.CurrentAppointmentAt!.Value));
        Assert.DoesNotContain("apologyAppointmentKept", entry.Data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-13 10:00", "Early", false)]
    [InlineData("2026-03-16 16:00", "OnTime", false)]
    [InlineData("2026-03-18 10:00", "Late", true)]
    public void Reject_AfterTheLegalAppointment_ClassifiedLateWithWarning(string at, string timeliness, bool warned)
    {
        var d = FiveDays();
        var dossier = Appraising(d);

        var entry = d.Fire(dossier, Reject, at);

        Assert.Equal(timeliness, entry.DataText("timeliness"));
        Assert.Equal(timeliness, dossier.Classify().ToString());
        Assert.Equal(warned, entry.Data!.Contains("reject.after_deadline", StringComparison.Ordinal));
    }

    [Fact]
    public void AllowedTriggers_AfterAnApology_NoSecondApology()
    {
        var d = FiveDays();
        var dossier = Appraising(d);
        var now = Vn.Utc("2026-03-12 10:00");
        Assert.Contains(IssueApology, dossier.AllowedTriggers(DossierActorRole.AgencyHead, now));

        d.Fire(dossier, new IssueApologyCommand("Chờ xác minh", Vn.Utc("2026-03-20 17:00"), "Trần Văn B"), "2026-03-12 10:00");

        Assert.DoesNotContain(IssueApology, dossier.AllowedTriggers(DossierActorRole.AgencyHead, now));
        Assert.Contains(Reject, dossier.AllowedTriggers(DossierActorRole.AgencyHead, now));
    }

    [Theory]
    [InlineData("2026-03-15 23:59", true)]
    [InlineData("2026-03-16 08:00", false)]
    public void AllowedTriggers_ApologyOnlyUntilItsLatestDay(string at, bool listed)
    {
        var dossier = Appraising(FiveDays());

        Assert.Equal(listed, dossier.AllowedTriggers(DossierActorRole.AgencyHead, Vn.Utc(at)).Contains(IssueApology));
        var warnOnly = new ApologyRules { LateApology = LateApologyHandling.Warn };
        Assert.Contains(IssueApology, dossier.AllowedTriggers(DossierActorRole.AgencyHead, Vn.Utc(at), warnOnly));
    }

    public static TheoryData<DossierStatus, DossierActorRole> StatesAndRoles()
    {
        var data = new TheoryData<DossierStatus, DossierActorRole>();
        foreach (var state in Enum.GetValues<DossierStatus>())
        {
            foreach (var role in Enum.GetValues<DossierActorRole>())
            {
                data.Add(state, role);
            }
        }

        return data;
    }

    /// <summary>Every listed trigger succeeds with a valid payload, and every trigger the table allows but the list
    /// leaves out is refused, in every state and for every role.</summary>
    [Theory, MemberData(nameof(StatesAndRoles))]
    public void AllowedTriggers_InEveryState_ListsExactlyWhatWouldSucceed(DossierStatus state, DossierActorRole role)
    {
        var d = new Driver();
        var now = Vn.Utc(Driver.T0);
        var listed = d.InState(state).AllowedTriggers(role, now);

        foreach (var trigger in DossierWorkflow.AllowedTriggers(state, role))
        {
            var fresh = d.InState(state);
            var result = fresh.Fire(Driver.Sample(trigger, now, fresh), d.Ctx(now, role));
            Assert.True(result.IsSuccess == listed.Contains(trigger),
                $"{state} {trigger} by {role}: listed {listed.Contains(trigger)}, fired {(result.IsSuccess ? "ok" : result.Error.Code)}");
        }
    }

    [Fact]
    public void AllowedTriggers_OpinionAndChainTriggers_FollowWhatIsOpen()
    {
        var d = new Driver();
        var now = Vn.Utc(Driver.T0);
        var appraising = d.InState(DossierStatus.Appraising);
        var chain = d.InState(DossierStatus.InterAgencyProcessing);
        var chainDone = d.InState(DossierStatus.InterAgencyProcessing, ReturnFromInterAgency);

        Assert.DoesNotContain(RecordOpinion, appraising.AllowedTriggers(DossierActorRole.HandlingOfficer, now));
        Assert.Equal(
            (true, false),
            (chain.AllowedTriggers(DossierActorRole.HandlingOfficer, now).Contains(CompleteInterAgencyStep),
             chain.AllowedTriggers(DossierActorRole.HandlingOfficer, now).Contains(ReturnFromInterAgency)));
        Assert.Equal(
            (false, true),
            (chainDone.AllowedTriggers(DossierActorRole.HandlingOfficer, now).Contains(CompleteInterAgencyStep),
             chainDone.AllowedTriggers(DossierActorRole.HandlingOfficer, now).Contains(ReturnFromInterAgency)));
    }
}
