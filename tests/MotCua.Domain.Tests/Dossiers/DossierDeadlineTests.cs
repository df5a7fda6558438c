using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Tests.Calendar;
using static MotCua.Domain.Dossiers.DossierTrigger;

namespace MotCua.Domain.Tests.Dossiers;

public class DossierDeadlineTests
{
    private static Driver FiveDays(
        SupplementClockPolicy supplement = SupplementClockPolicy.SupplementRestart, DeadlinePolicy policy = DeadlinePolicy.CalendarDayEnd,
        bool financialPause = false) =>
        new(Driver.MakeTerms(5, ProcessingTimeUnit.WorkingDay, policy, supplement, financialPause, Driver.SimpleSteps));

    private static Dossier Appraising(Driver d, string receivedAt, string appraisalAt)
    {
        var dossier = d.Counter(receivedAt);
        d.Fire(dossier, Transfer, appraisalAt);
        d.Fire(dossier, Assign, appraisalAt);
        d.Fire(dossier, StartAppraisal, appraisalAt);
        return dossier;
    }

    private static string Local(DateTime? utc) => Vn.Format(utc!.Value);

    [Fact]
    public void ReceiveAtCounter_BeforeTet_AppointmentSkipsTheHoliday()
    {
        var dossier = FiveDays().Counter("2026-02-12 10:00");

        // Appendix B.2: Fri 13 (1); 14–22 off; Mon 23 (2) … Thu 26 (5).
        Assert.Equal("2026-02-26 17:00", Local(dossier.OriginalAppointmentAt));
        Assert.Equal(dossier.OriginalAppointmentAt, dossier.CurrentAppointmentAt);
        Assert.Equal("2026-02-12 10:00", Local(dossier.ReceivedAt));
        Assert.Equal(DeadlinePolicy.CalendarDayEnd, dossier.DeadlinePolicy);
        Assert.Equal(SupplementClockPolicy.SupplementRestart, dossier.SupplementPolicy);
        Assert.Equal("B2-2026", dossier.CalendarVersion);
        Assert.Equal((5m, ProcessingTimeUnit.WorkingDay), (dossier.TimeLimitValue, dossier.TimeLimitUnit));
        Assert.Equal("000.00.01.H26-260212-0001", dossier.Code!.Value.Format());
    }

    [Fact]
    public void Accept_PostalWithHandoverRecord_ReceiptIsTheSigningMoment()
    {
        var d = FiveDays();
        var dossier = d.Submit("2026-02-09 08:00", DossierChannel.Postal);
        var signed = Vn.Utc("2026-02-10 16:00");

        d.Fire(dossier, new AcceptCommand(Driver.CodeFor(signed), signed), "2026-02-11 10:00");

        // QĐ 45/2016 Art. 7(4). Wed 11 (1), Thu 12 (2), Fri 13 (3), Tết, Mon 23 (4), Tue 24 (5).
        Assert.Equal("2026-02-10 16:00", Local(dossier.ReceivedAt));
        Assert.Equal("2026-02-24 17:00", Local(dossier.OriginalAppointmentAt));
        Assert.Equal(new DateOnly(2026, 2, 10), dossier.Code!.Value.Date);
    }

    [Fact]
    public void Accept_CodeDatedOnAnotherDay_CodeDateMismatchAndNothingChanges()
    {
        var d = FiveDays();
        var dossier = d.Submit("2026-02-09 08:00", DossierChannel.Postal);
        var signed = Vn.Utc("2026-02-10 16:00");

        var result = d.Try(dossier, new AcceptCommand(Driver.CodeFor(Vn.Utc("2026-02-11 10:00")), signed), "2026-02-11 10:00");

        var error = Assert.IsType<DossierCodeDateMismatch>(result.Error);
        Assert.Equal(new DateOnly(2026, 2, 10), error.ReceptionDate);
        Assert.Equal(DossierStatus.OnlineSubmitted, dossier.Status);
        Assert.Null(dossier.Code);
        Assert.Single(dossier.History);
    }

    [Theory]
    [InlineData(DossierChannel.Online, "2026-02-10 16:00")]  // only postal dossiers have a handover record
    [InlineData(DossierChannel.Postal, "2026-02-11 11:00")]  // signed in the future
    [InlineData(DossierChannel.Postal, "2026-02-09 07:00")]  // before the dossier was logged
    public void Accept_ImpossibleHandoverTime_InvalidReceiptTime(DossierChannel channel, string handover)
    {
        var d = FiveDays();
        var dossier = d.Submit("2026-02-09 08:00", channel);
        var signed = Vn.Utc(handover);

        Assert.IsType<InvalidReceiptTime>(d.Try(dossier, new AcceptCommand(Driver.CodeFor(signed), signed), "2026-02-11 10:00").Error);
        Assert.Null(dossier.ReceivedAt);
    }

    [Fact]
    public void CompleteSupplement_RestartAcrossTet_AppointmentRecomputedFromCompletion()
    {
        var d = FiveDays(SupplementClockPolicy.SupplementRestart);
        var dossier = Appraising(d, "2026-02-09 09:00", "2026-02-09 10:00");
        Assert.Equal("2026-02-23 17:00", Local(dossier.OriginalAppointmentAt)); // Tue 10 … Fri 13 (4), Mon 23 (5)
        d.Fire(dossier, new RequestSupplementCommand("Thiếu bản vẽ", ["Bản vẽ"]), "2026-02-11 10:00");

        d.Fire(dossier, new TriggerCommand(CompleteSupplement), "2026-02-24 09:00");

        // ND 61/2018 Art. 19(4): Wed 25 (1), Thu 26 (2), Fri 27 (3), Mon 02/03 (4), Tue 03/03 (5).
        Assert.Equal("2026-02-24 09:00", Local(dossier.ClockStartedAt));
        Assert.Equal("2026-03-03 17:00", Local(dossier.OriginalAppointmentAt));
        Assert.Equal("2026-03-03 17:00", Local(dossier.CurrentAppointmentAt));
        Assert.Equal("2026-02-09 09:00", Local(dossier.ReceivedAt));
        Assert.Equal("2026-02-24 09:00", Local(dossier.Supplements.Single().CompletedAt));
    }

    [Fact]
    public void CompleteSupplement_PauseAcrossTet_ShiftsByWorkingDaysNotHolidays()
    {
        var d = FiveDays(SupplementClockPolicy.SupplementPause);
        var dossier = Appraising(d, "2026-02-09 09:00", "2026-02-09 10:00");
        d.Fire(dossier, new RequestSupplementCommand("Thiếu bản vẽ", ["Bản vẽ"]), "2026-02-11 10:00");

        d.Fire(dossier, new TriggerCommand(CompleteSupplement), "2026-02-24 09:00");

        // Paused working days in (Wed 11, Tue 24]: Thu 12, Fri 13, Mon 23, Tue 24 = 4; Mon 23 + 4 = Fri 27.
        Assert.Equal("2026-02-27 17:00", Local(dossier.OriginalAppointmentAt));
        Assert.Equal("2026-02-27 17:00", Local(dossier.CurrentAppointmentAt));
        Assert.Equal("2026-02-09 09:00", Local(dossier.ClockStartedAt));
        Assert.False(dossier.MarkedLateByRepeatedSupplement);
    }

    [Fact]
    public void CompleteSupplement_PauseUnderWorkingHours_ShiftsByWorkingTimeToTheMinute()
    {
        var d = FiveDays(SupplementClockPolicy.SupplementPause, DeadlinePolicy.WorkingHours);
        var dossier = Appraising(d, "2026-02-09 09:00", "2026-02-09 10:00");

        // 40 h from Mon 09 09:00: 6.5 + 8 × 4 = 38.5 h by Fri 13 close, 1.5 h on Mon 23 → 09:00.
        Assert.Equal("2026-02-23 09:00", Local(dossier.OriginalAppointmentAt));
        d.Fire(dossier, new RequestSupplementCommand("Thiếu bản vẽ", ["Bản vẽ"]), "2026-02-11 10:00");

        d.Fire(dossier, new TriggerCommand(CompleteSupplement), "2026-02-24 09:00");

        // Paused: Wed 11 5.5 h + Thu 8 + Fri 8 + Mon 23 8 + Tue 24 1.5 = 31 h. From Mon 23 09:00: 6.5 + 8 + 8 + 8 = 30.5
        // by Thu 26 close, 0.5 h on Fri 27 → 08:00.
        Assert.Equal("2026-02-27 08:00", Local(dossier.OriginalAppointmentAt));
    }

    [Fact]
    public void RequestSupplement_SecondAgencyRequestUnderPause_MarksLateForDvcqg()
    {
        var d = FiveDays(SupplementClockPolicy.SupplementPause);
        var dossier = Appraising(d, "2026-03-09 09:00", "2026-03-09 10:00");
        d.Fire(dossier, new RequestSupplementCommand("Thiếu A", ["A"]), "2026-03-09 11:00");
        d.Fire(dossier, new TriggerCommand(CompleteSupplement), "2026-03-10 09:00");

        var second = d.Fire(dossier, new RequestSupplementCommand("Thiếu B", ["B"]), "2026-03-10 10:00");
        d.Fire(dossier, new TriggerCommand(CompleteSupplement), "2026-03-10 11:00");
        d.Fire(dossier, SubmitForApproval, "2026-03-10 14:00");
        d.Fire(dossier, Approve, "2026-03-10 15:00");

        Assert.True(dossier.MarkedLateByRepeatedSupplement);
        Assert.Contains("supplement.repeated_marks_late", second.Data, StringComparison.Ordinal);
        Assert.False(dossier.IsOnTimeForDvcqg());
        Assert.Equal(Timeliness.Early, dossier.Classify()); // TT 01/2018 Index 1 has no such rule
    }

    [Fact]
    public void RequestSupplement_SecondAgencyRequestUnderRestart_NotMarkedLate()
    {
        var d = FiveDays(SupplementClockPolicy.SupplementRestart);
        var dossier = Appraising(d, "2026-03-09 09:00", "2026-03-09 10:00");
        d.Fire(dossier, new RequestSupplementCommand("Thiếu A", ["A"]), "2026-03-09 11:00");
        d.Fire(dossier, new TriggerCommand(CompleteSupplement), "2026-03-10 09:00");

        var second = d.Fire(dossier, new RequestSupplementCommand("Thiếu B", ["B"]), "2026-03-10 10:00");

        Assert.False(dossier.MarkedLateByRepeatedSupplement);
        Assert.DoesNotContain("repeated", second.Data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-09 09:00", "2026-03-12 10:00", 3, false)] // Tue, Wed, Thu
    [InlineData("2026-03-09 09:00", "2026-03-13 10:00", 4, true)]
    [InlineData("2026-02-12 10:00", "2026-02-24 10:00", 3, false)] // Fri 13, Tết, Mon 23, Tue 24
    [InlineData("2026-02-12 10:00", "2026-02-25 10:00", 4, true)]
    public void RequestSupplement_MoreThanThreeWorkingDaysAfterReceipt_WarnsButProceeds(string received, string requested, int days, bool warned)
    {
        var d = FiveDays();
        var dossier = Appraising(d, received, received);

        var entry = d.Fire(dossier, new RequestSupplementCommand("Thiếu", ["X"]), requested);

        Assert.Equal(DossierStatus.SupplementRequested, dossier.Status);
        Assert.Contains($"\"workingDaysSinceReceipt\":{days}", entry.Data, StringComparison.Ordinal);
        Assert.Equal(warned, entry.Data!.Contains("supplement.requested_after_3_working_days", StringComparison.Ordinal));
    }

    [Fact]
    public void RequestSupplement_NoReason_FieldRequiredAndNoRecord()
    {
        var d = FiveDays();
        var dossier = Appraising(d, "2026-03-09 09:00", "2026-03-09 10:00");

        Assert.IsType<FieldRequired>(d.Try(dossier, new RequestSupplementCommand(" ", ["X"]), "2026-03-09 11:00").Error);
        Assert.Empty(dossier.Supplements);
    }

    [Theory]
    [InlineData(true, "2026-03-19 17:00")]  // paused Thu 12, Fri 13, Mon 16 = 3 working days
    [InlineData(false, "2026-03-16 17:00")]
    public void ConfirmPayment_FinancialPauseFlag_ShiftsAppointmentOnlyWhenSet(bool pause, string expected)
    {
        var d = FiveDays(financialPause: pause);
        var dossier = Appraising(d, "2026-03-09 09:00", "2026-03-09 10:00");
        Assert.Equal("2026-03-16 17:00", Local(dossier.OriginalAppointmentAt));
        d.Fire(dossier, new RequestFinancialObligationCommand(1_200_000m, "Lệ phí trước bạ"), "2026-03-11 10:00");

        d.Fire(dossier, new ConfirmPaymentCommand("BL-77"), "2026-03-16 10:00");

        Assert.Equal(expected, Local(dossier.OriginalAppointmentAt));
        Assert.Equal(expected, Local(dossier.CurrentAppointmentAt));
        Assert.Equal("2026-03-16 10:00", Local(dossier.FinancialObligation!.PaidAt));
        Assert.Equal("BL-77", dossier.FinancialObligation.ReceiptNumber);
    }

    [Fact]
    public void RequestFinancialObligation_ZeroAmount_InvalidValue()
    {
        var d = FiveDays();
        var dossier = Appraising(d, "2026-03-09 09:00", "2026-03-09 10:00");
        Assert.IsType<InvalidValue>(d.Try(dossier, new RequestFinancialObligationCommand(0m), "2026-03-09 11:00").Error);
        Assert.Null(dossier.FinancialObligation);
    }

    [Theory]
    [InlineData("2026-03-13 10:00", Timeliness.Early)]
    [InlineData("2026-03-16 09:00", Timeliness.OnTime)]
    [InlineData("2026-03-16 18:00", Timeliness.OnTime)] // date granularity under CalendarDayEnd
    [InlineData("2026-03-17 08:00", Timeliness.Late)]
    public void Classify_CalendarDayEnd_ComparesDates(string approvedAt, Timeliness expected)
    {
        var d = FiveDays();
        var dossier = Appraising(d, "2026-03-09 09:00", "2026-03-09 10:00");
        d.Fire(dossier, SubmitForApproval, approvedAt);
        d.Fire(dossier, Approve, approvedAt);

        Assert.Equal(expected, dossier.Classify());
        Assert.Equal(Vn.Utc(approvedAt), dossier.ProcessingEndedAt);
    }

    [Theory]
    [InlineData("2026-03-16 08:59", Timeliness.Early)]
    [InlineData("2026-03-16 09:00", Timeliness.OnTime)]
    [InlineData("2026-03-16 09:01", Timeliness.Late)]
    public void Classify_WorkingHours_ComparesMinutes(string approvedAt, Timeliness expected)
    {
        var d = FiveDays(policy: DeadlinePolicy.WorkingHours);
        var dossier = Appraising(d, "2026-03-09 09:00", "2026-03-09 10:00");
        Assert.Equal("2026-03-16 09:00", Local(dossier.OriginalAppointmentAt));
        d.Fire(dossier, SubmitForApproval, approvedAt);
        d.Fire(dossier, Approve, approvedAt);

        Assert.Equal(expected, dossier.Classify());
    }

    [Fact]
    public void Classify_ReturnAfterApproval_EndIsTheResultAtDesk()
    {
        var d = FiveDays();
        var dossier = Appraising(d, "2026-03-09 09:00", "2026-03-09 10:00");
        d.Fire(dossier, SubmitForApproval, "2026-03-16 10:00");
        d.Fire(dossier, Approve, "2026-03-16 11:00");
        d.Fire(dossier, ReturnResult, "2026-03-18 09:00");

        // domain.md §3.4: "Đã xử lý xong" takes priority over "Đã trả kết quả".
        Assert.Equal(Vn.Utc("2026-03-16 11:00"), dossier.ProcessingEndedAt);
        Assert.Equal(Vn.Utc("2026-03-18 09:00"), dossier.ReturnedAt);
        Assert.Equal(Timeliness.OnTime, dossier.Classify());
        Assert.True(dossier.IsOnTimeForDvcqg());
    }

    [Fact]
    public void Classify_ExtendedByApologyButLateAgainstOriginal_InternallyLateDvcqgOnTime()
    {
        var d = FiveDays();
        var dossier = Appraising(d, "2026-03-09 09:00", "2026-03-09 10:00");
        d.Fire(dossier, new IssueApologyCommand("Chờ xác minh", Vn.Utc("2026-03-20 17:00"), "Trần Văn B"), "2026-03-13 10:00");
        d.Fire(dossier, SubmitForApproval, "2026-03-18 10:00");
        d.Fire(dossier, Approve, "2026-03-18 11:00");

        Assert.Equal(Timeliness.Late, dossier.Classify());
        Assert.True(dossier.IsOnTimeForDvcqg());
    }

    [Fact]
    public void Withdraw_AfterReceipt_EndsProcessingAtTheWithdrawal()
    {
        var d = FiveDays();
        var dossier = Appraising(d, "2026-03-09 09:00", "2026-03-09 10:00");
        d.Fire(dossier, new ReasonCommand(Withdraw, "Không có nhu cầu"), "2026-03-19 10:00");

        Assert.Equal(Vn.Utc("2026-03-19 10:00"), dossier.ProcessingEndedAt);
        Assert.Equal(Timeliness.Late, dossier.Classify());
        Assert.Contains("Không có nhu cầu", dossier.History[^1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public void CorrectResult_AfterReturn_KeepsTheFirstEndAndOpensAnUnscoredRow()
    {
        var d = FiveDays();
        var dossier = Appraising(d, "2026-03-09 09:00", "2026-03-09 10:00");
        d.Fire(dossier, SubmitForApproval, "2026-03-12 10:00");
        d.Fire(dossier, Approve, "2026-03-12 11:00");
        d.Fire(dossier, ReturnResult, "2026-03-13 09:00");

        d.Fire(dossier, new ReasonCommand(CorrectResult, "Sai tên trên giấy chứng nhận"), "2026-03-20 09:00");
        d.Fire(dossier, ReturnResult, "2026-03-20 15:00");

        Assert.Equal(Vn.Utc("2026-03-12 11:00"), dossier.ProcessingEndedAt);
        Assert.Equal(Vn.Utc("2026-03-13 09:00"), dossier.ReturnedAt);
        Assert.Equal(Timeliness.Early, dossier.Classify());
        var correction = dossier.Steps[^1];
        Assert.Equal((ProcessingStepKind.ReturnToDesk, (DateTime?)null, (Timeliness?)null), (correction.Kind, correction.Deadline, correction.Result));
        Assert.Equal(Vn.Utc("2026-03-20 15:00"), correction.CompletedAt);
    }

    [Fact]
    public void Withdraw_BeforeReceipt_NoEndAndNoClassification()
    {
        var d = FiveDays();
        var dossier = d.Submit("2026-03-09 09:00");
        d.Fire(dossier, new TriggerCommand(Withdraw), "2026-03-09 10:00");
        Assert.Null(dossier.ProcessingEndedAt);
        Assert.Null(dossier.Classify());
        Assert.Null(dossier.ClassifyAt(Vn.Utc("2026-03-31 23:59")));
    }

    [Fact]
    public void ClassifyAt_PeriodEnds_UsesTheStateAtEachPeriodEnd()
    {
        var d = FiveDays();
        var dossier = Appraising(d, "2026-03-09 09:00", "2026-03-09 10:00"); // due Mon 16/03
        d.Fire(dossier, SubmitForApproval, "2026-03-17 09:00");
        d.Fire(dossier, Approve, "2026-03-18 10:00");

        Assert.Null(dossier.ClassifyAt(Vn.Utc("2026-03-08 23:59")));
        Assert.Equal(new PeriodTimeliness(false, Timeliness.Early, Vn.Utc("2026-03-12 23:59")), dossier.ClassifyAt(Vn.Utc("2026-03-12 23:59")));
        Assert.Equal(new PeriodTimeliness(false, Timeliness.Late, Vn.Utc("2026-03-17 23:59")), dossier.ClassifyAt(Vn.Utc("2026-03-17 23:59")));
        Assert.Equal(new PeriodTimeliness(true, Timeliness.Late, Vn.Utc("2026-03-18 10:00")), dossier.ClassifyAt(Vn.Utc("2026-03-31 23:59")));
    }

    [Fact]
    public void ClassifyAt_PendingSupplementAtPeriodEnd_EndIsTheRequestTime()
    {
        var d = FiveDays(SupplementClockPolicy.SupplementPause);
        var dossier = Appraising(d, "2026-03-09 09:00", "2026-03-09 10:00");
        d.Fire(dossier, new RequestSupplementCommand("Thiếu", ["X"]), "2026-03-11 10:00");
        d.Fire(dossier, new TriggerCommand(CompleteSupplement), "2026-04-06 09:00");

        var atMarchEnd = dossier.ClassifyAt(Vn.Utc("2026-03-31 23:59"));

        // C1 §2.1: waiting for the applicant, the end time is the request; against the appointment then (16/03).
        Assert.Equal(new PeriodTimeliness(false, Timeliness.Early, Vn.Utc("2026-03-11 10:00")), atMarchEnd);
        Assert.NotEqual(dossier.OriginalAppointmentAt, dossier.History[^2].OriginalAppointmentAt);
    }

    [Theory]
    [InlineData("2026-03-13 10:00", OpenDeadlineStatus.NotDue)]   // 5.5 h + 8 h left
    [InlineData("2026-03-16 09:00", OpenDeadlineStatus.DueSoon)]  // 6.5 h left
    [InlineData("2026-03-13 17:00", OpenDeadlineStatus.DueSoon)]  // exactly 8 h left
    [InlineData("2026-03-16 17:30", OpenDeadlineStatus.Overdue)]
    public void DeadlineStatusAt_OneWorkingDayThreshold_SplitsNotDueDueSoonOverdue(string now, OpenDeadlineStatus expected)
    {
        var d = FiveDays();
        var dossier = Appraising(d, "2026-03-09 09:00", "2026-03-09 10:00");
        Assert.Equal(expected, dossier.DeadlineStatusAt(Vn.Utc(now), TimeSpan.FromHours(8), Driver.B2));
    }

    [Fact]
    public void DeadlineStatusAt_WaitingForSupplementOrEnded_PausedOrNull()
    {
        var d = FiveDays();
        var dossier = Appraising(d, "2026-03-09 09:00", "2026-03-09 10:00");
        d.Fire(dossier, new RequestSupplementCommand("Thiếu", ["X"]), "2026-03-10 10:00");
        Assert.Equal(OpenDeadlineStatus.Paused, dossier.DeadlineStatusAt(Vn.Utc("2026-03-30 10:00"), TimeSpan.FromHours(8), Driver.B2));

        d.Fire(dossier, new ReasonCommand(Stop, "Người nộp không bổ sung"), "2026-04-10 10:00");
        Assert.Null(dossier.DeadlineStatusAt(Vn.Utc("2026-04-10 11:00"), TimeSpan.FromHours(8), Driver.B2));
        Assert.Null(d.Submit("2026-03-09 09:00").DeadlineStatusAt(Vn.Utc("2026-04-10 11:00"), TimeSpan.FromHours(8), Driver.B2));
    }
}
