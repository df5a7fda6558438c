using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Tests.Calendar;
using static MotCua.Domain.Dossiers.DossierTrigger;

namespace MotCua.Domain.Tests.Dossiers;

public class DossierApologyTests
{
    private static Driver FiveDays(ApologyRules? rules = null) =>
        new(Driver.MakeTerms(5, ProcessingTimeUnit.WorkingDay, steps: Driver.SimpleSteps), rules);

    // Received Mon 09/03/2026 09:00, 5 working days: due Mon 16/03/2026 17:00.
    private static Dossier Appraising(Driver d, string receivedAt = "2026-03-09 09:00")
    {
        var dossier = d.Counter(receivedAt);
        d.Fire(dossier, Transfer, receivedAt);
        d.Fire(dossier, Assign, receivedAt);
        d.Fire(dossier, StartAppraisal, receivedAt);
        return dossier;
    }

    private static IssueApologyCommand Apology(string newAppointment, string reason = "Cần xác minh thực địa", string signer = "Trần Văn B") =>
        new(reason, Vn.Utc(newAppointment), signer);

    [Fact]
    public void IssueApology_InTime_MovesCurrentAppointmentOnly()
    {
        var d = FiveDays();
        var dossier = Appraising(d);
        var original = dossier.OriginalAppointmentAt;

        var entry = d.Fire(dossier, Apology("2026-03-20 17:00"), "2026-03-13 10:00");

        Assert.Equal(DossierStatus.Appraising, dossier.Status);
        Assert.Equal(original, dossier.OriginalAppointmentAt);
        Assert.Equal(Vn.Utc("2026-03-20 17:00"), dossier.CurrentAppointmentAt);
        Assert.Equal(1, dossier.ExtensionCount);
        Assert.Equal(new Apology("Cần xác minh thực địa", original!.Value, Vn.Utc("2026-03-20 17:00"), "Trần Văn B", Vn.Utc("2026-03-13 10:00"), false), dossier.Apology);
        Assert.Equal((DossierStatus.Appraising, DossierStatus.Appraising), (entry.From!.Value, entry.To));
        Assert.Equal(Vn.Utc("2026-03-20 17:00"), entry.CurrentAppointmentAt);
    }

    [Fact]
    public void IssueApology_Second_ExtensionAlreadyUsed()
    {
        var d = FiveDays();
        var dossier = Appraising(d);
        d.Fire(dossier, Apology("2026-03-20 17:00"), "2026-03-13 10:00");
        var version = dossier.Version;

        var result = d.Try(dossier, Apology("2026-03-27 17:00"), "2026-03-17 10:00");

        Assert.Equal("dossier.extension_already_used", Assert.IsType<ExtensionAlreadyUsed>(result.Error).Code);
        Assert.Equal(Vn.Utc("2026-03-20 17:00"), dossier.CurrentAppointmentAt);
        Assert.Equal(version, dossier.Version);
    }

    [Theory]
    [InlineData("2026-03-15 23:59", true)]  // the calendar day before Mon 16/03
    [InlineData("2026-03-16 08:00", false)] // on the due date
    [InlineData("2026-03-17 08:00", false)] // after it
    public void IssueApology_DefaultRule_LatestOneCalendarDayBeforeDueDate(string issuedAt, bool allowed)
    {
        var d = FiveDays();
        var dossier = Appraising(d);

        var result = d.Try(dossier, Apology("2026-03-25 17:00"), issuedAt);

        Assert.Equal(allowed, result.IsSuccess);
        if (!allowed)
        {
            var error = Assert.IsType<ApologyTooLate>(result.Error);
            Assert.Equal((new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 15)), (error.DueDate, error.LatestDate));
            Assert.Equal(0, dossier.ExtensionCount);
            Assert.Null(dossier.Apology);
        }
    }

    [Theory]
    [InlineData("2026-03-13 16:00", true)]  // Friday, the working day before Mon 16/03
    [InlineData("2026-03-14 09:00", false)] // Saturday: too late when counting working days
    public void IssueApology_WorkingDayRule_LatestThePreviousWorkingDay(string issuedAt, bool allowed)
    {
        var d = FiveDays(new ApologyRules { CountWorkingDays = true });
        var dossier = Appraising(d);

        var result = d.Try(dossier, Apology("2026-03-25 17:00"), issuedAt);

        Assert.Equal(allowed, result.IsSuccess);
        if (!allowed)
        {
            Assert.Equal(new DateOnly(2026, 3, 13), Assert.IsType<ApologyTooLate>(result.Error).LatestDate);
        }
    }

    [Theory]
    [InlineData(false, "2026-02-13 10:00", true)]  // calendar rule: latest Sun 22/02, inside Tết
    [InlineData(false, "2026-02-22 10:00", true)]
    [InlineData(true, "2026-02-13 16:00", true)]   // working-day rule: latest Fri 13/02, before Tết
    [InlineData(true, "2026-02-22 10:00", false)]
    public void IssueApology_DueRightAfterTet_LatestDateFollowsTheRule(bool workingDays, string issuedAt, bool allowed)
    {
        var d = FiveDays(new ApologyRules { CountWorkingDays = workingDays });
        var dossier = Appraising(d, "2026-02-09 09:00"); // due Mon 23/02/2026
        Assert.Equal(Vn.Utc("2026-02-23 17:00"), dossier.CurrentAppointmentAt);

        Assert.Equal(allowed, d.Try(dossier, Apology("2026-03-02 17:00"), issuedAt).IsSuccess);
    }

    [Fact]
    public void IssueApology_LateUnderWarnRule_AcceptedWithWarning()
    {
        var d = FiveDays(new ApologyRules { LateApology = LateApologyHandling.Warn });
        var dossier = Appraising(d);

        var entry = d.Fire(dossier, Apology("2026-03-25 17:00"), "2026-03-16 10:00");

        Assert.Contains("apology.late", entry.Data, StringComparison.Ordinal);
        Assert.True(dossier.Apology!.IssuedLate);
        Assert.Equal(Vn.Utc("2026-03-25 17:00"), dossier.CurrentAppointmentAt);
    }

    [Theory]
    [InlineData("", "Trần Văn B")]
    [InlineData("  ", "Trần Văn B")]
    [InlineData("Chờ xác minh", "")]
    public void IssueApology_MissingReasonOrSigner_FieldRequired(string reason, string signer)
    {
        var d = FiveDays();
        var dossier = Appraising(d);

        Assert.IsType<FieldRequired>(d.Try(dossier, Apology("2026-03-25 17:00", reason, signer), "2026-03-12 10:00").Error);
        Assert.Equal(0, dossier.ExtensionCount);
    }

    [Theory]
    [InlineData("2026-03-16 17:00")] // equal
    [InlineData("2026-03-16 09:00")] // earlier
    public void IssueApology_NewDateNotLater_NewAppointmentNotLater(string newAppointment)
    {
        var d = FiveDays();
        var dossier = Appraising(d);

        Assert.IsType<NewAppointmentNotLater>(d.Try(dossier, Apology(newAppointment), "2026-03-12 10:00").Error);
        Assert.Equal(Vn.Utc("2026-03-16 17:00"), dossier.CurrentAppointmentAt);
    }

    [Fact]
    public void IssueApology_BeforeReceipt_TransitionNotAllowed()
    {
        var d = FiveDays();
        var dossier = d.Submit("2026-03-09 09:00");
        Assert.IsType<TransitionNotAllowed>(d.Try(dossier, Apology("2026-03-25 17:00"), "2026-03-10 09:00").Error);
    }
}
