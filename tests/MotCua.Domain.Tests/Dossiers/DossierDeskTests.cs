using MotCua.Domain.Catalogue;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Tests.Calendar;
using static MotCua.Domain.Dossiers.DossierTrigger;

namespace MotCua.Domain.Tests.Dossiers;

/// <summary>The desk's rules of issue 8: checklist, applicant formats, one desk completion request, postal return and
/// applicant correction.</summary>
public class DossierDeskTests
{
    private static readonly IReadOnlyList<RequiredDocument> Required =
    [
        new("Tờ khai đăng ký khai sinh", 1, DocumentForms.Original, null, null),
        new("Giấy chứng sinh", 1, DocumentForms.Original | DocumentForms.CertifiedCopy, null, null),
    ];

    [Fact]
    public void Checklist_Ticks_FollowTheProcedureOrderWithItsNames()
    {
        var built = Driver.Ok(DossierChecklist.Build(Required, [new ChecklistTick(1, DocumentForms.CertifiedCopy, 2), new ChecklistTick(0, DocumentForms.Original, 1)]));

        Assert.Equal(
            [new ChecklistItem(0, "Tờ khai đăng ký khai sinh", DocumentForms.Original, 1), new ChecklistItem(1, "Giấy chứng sinh", DocumentForms.CertifiedCopy, 2)],
            built);
    }

    [Theory]
    [InlineData(2, DocumentForms.Original, 1)]            // not a document of the procedure
    [InlineData(0, DocumentForms.Copy, 1)]                // a form the procedure does not accept for it
    [InlineData(1, DocumentForms.Original | DocumentForms.CertifiedCopy, 1)] // not exactly one form
    [InlineData(0, DocumentForms.Original, 0)]            // no copy
    [InlineData(0, DocumentForms.Original, 100)]          // beyond the bound
    public void Checklist_ImpossibleTick_IsRefused(int index, DocumentForms form, int copies)
    {
        var built = DossierChecklist.Build(Required, [new ChecklistTick(index, form, copies)]);

        Assert.Equal("dossier.invalid_checklist", built.Error.Code);
    }

    [Fact]
    public void Checklist_SameDocumentTwice_IsRefused() =>
        Assert.Equal("dossier.invalid_checklist",
            DossierChecklist.Build(Required, [new ChecklistTick(0, DocumentForms.Original, 1), new ChecklistTick(0, DocumentForms.Original, 1)]).Error.Code);

    [Theory]
    [InlineData("034095001234", true)]   // CCCD: 12 digits
    [InlineData("0101234567", true)]     // enterprise code
    [InlineData("0101234567-001", true)] // branch
    [InlineData("034095001", false)]     // the old 9-digit card
    [InlineData("03409500123A", false)]
    [InlineData("0340950012345", false)]
    public void IdentityNumber_Format(string text, bool valid) => Assert.Equal(valid, ApplicantRules.IsIdentityNumber(text));

    [Theory]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("+84 912.345.678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("02123 852 111", "02123852111")]
    [InlineData("912345678", null)]
    [InlineData("09123", null)]
    public void Phone_Normalised(string text, string? expected) => Assert.Equal(expected, ApplicantRules.NormalisePhone(text));

    [Fact]
    public void Problems_NameEveryBadFieldInVietnamese()
    {
        var problems = ApplicantRules.Problems(new Applicant("", "12345", "12", "khong-phai-email", null));

        Assert.Equal(["email", "fullName", "identityNumber", "phone"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("12 chữ số", problems["identityNumber"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestDeskSupplement_SecondTimeAfterResubmission_IsRefusedAndNotListed()
    {
        var d = new Driver();
        var dossier = d.Submit(Driver.T0);
        d.Fire(dossier, RequestDeskSupplement, Driver.T0);
        d.Fire(dossier, Resubmit, "2026-03-10 09:00");

        var again = d.Try(dossier, new RequestSupplementCommand("Thiếu nữa", ["Giấy khác"], AtDesk: true), "2026-03-10 10:00");

        Assert.Equal("dossier.desk_supplement_already_requested", again.Error.Code);
        Assert.DoesNotContain(RequestDeskSupplement, dossier.AllowedTriggers(DossierActorRole.DeskOfficer, Vn.Utc("2026-03-10 10:00")));
        Assert.Contains(Accept, dossier.AllowedTriggers(DossierActorRole.DeskOfficer, Vn.Utc("2026-03-10 10:00")));
    }

    [Fact]
    public void RequestDeskSupplement_WithoutItems_IsRefused()
    {
        var d = new Driver();
        var dossier = d.Submit(Driver.T0);

        var result = d.Try(dossier, new RequestSupplementCommand("Thiếu giấy tờ", [" "], AtDesk: true), Driver.T0);

        Assert.Equal("dossier.field_required", result.Error.Code);
    }

    [Fact]
    public void Appointment_Preview_EqualsTheCounterReceipt()
    {
        var d = new Driver();
        var now = Vn.Utc("2026-03-09 10:15");

        var preview = Driver.Ok(Dossier.Appointment(now, d.Ctx(now, DossierActorRole.DeskOfficer)));
        var received = d.Counter("2026-03-09 10:15");

        Assert.Equal(received.OriginalAppointmentAt, preview);
    }

    [Fact]
    public void PostalReturn_WithoutAddress_IsRefusedAtCreation()
    {
        var d = new Driver();
        var data = Driver.Data(DossierChannel.Postal) with { ReturnMethod = ResultReturnMethod.Postal, ReturnAddress = " " };

        var created = Dossier.Submit(data, d.Ctx(Vn.Utc(Driver.T0), DossierActorRole.DeskOfficer));

        Assert.Equal("dossier.field_required", created.Error.Code);
    }

    [Fact]
    public void PostalReturn_NeedsTheShipment_ThenRecordsTheDelivery()
    {
        var d = new Driver();
        var dossier = Postal(d);
        var ready = dossier.Status;

        var bare = d.Try(dossier, new TriggerCommand(ReturnResult), "2026-03-20 09:00");
        var sent = d.Fire(dossier, new ReturnResultCommand("Bưu điện Sơn La", "EMS123456789VN", Vn.Utc("2026-03-20 08:30")), "2026-03-20 09:00");
        var early = d.Try(dossier, new RecordDeliveryCommand(Vn.Utc("2026-03-20 08:00")), "2026-03-21 09:00");
        var delivered = d.Fire(dossier, new RecordDeliveryCommand(Vn.Utc("2026-03-21 08:45")), "2026-03-21 09:00");

        Assert.Equal((DossierStatus.ResultAtDesk, "dossier.field_required"), (ready, bare.Error.Code));
        Assert.Equal(new ResultShipment("Bưu điện Sơn La", "EMS123456789VN", Vn.Utc("2026-03-20 08:30"), Vn.Utc("2026-03-21 08:45")), dossier.Shipment);
        Assert.Equal("EMS123456789VN", sent.DataText("trackingNumber"));
        Assert.Equal("dossier.invalid_return", early.Error.Code);
        Assert.Equal((DossierStatus.Returned, DossierStatus.Returned), (delivered.From, delivered.To));
        Assert.DoesNotContain(RecordDelivery, dossier.AllowedTriggers(DossierActorRole.DeskOfficer, Vn.Utc("2026-03-22 09:00")));
    }

    [Fact]
    public void ReturnAtDesk_WithShipmentData_IsRefused()
    {
        var d = new Driver();
        var dossier = d.InState(DossierStatus.ResultAtDesk);

        var result = d.Try(dossier, new ReturnResultCommand("Bưu điện", "EMS1"), "2026-03-20 09:00");

        Assert.Equal("dossier.invalid_return", result.Error.Code);
        Assert.DoesNotContain(RecordDelivery, dossier.AllowedTriggers(DossierActorRole.DeskOfficer, Vn.Utc("2026-03-20 09:00")));
    }

    [Fact]
    public void CorrectApplicant_RecordsOldAndNewInTheChainedHistory()
    {
        var d = new Driver();
        var dossier = d.Counter(Driver.T0);
        var corrected = dossier.Applicant with { IdentityNumber = "001090000009", Address = "Số 5 Tô Hiệu" };

        var entry = d.Fire(dossier, new CorrectApplicantCommand(corrected, "Gõ nhầm số CCCD"), "2026-03-09 10:00");

        Assert.Equal(corrected, dossier.Applicant);
        Assert.Equal((DossierStatus.Received, DossierStatus.Received), (entry.From, entry.To));
        Assert.Equal(
            """{"changes":{"address":{"from":"Hà Nội","to":"Số 5 Tô Hiệu"},"identityNumber":{"from":"001090000001","to":"001090000009"}},"reason":"Gõ nhầm số CCCD"}""",
            entry.Data);
        Assert.Null(DossierHistoryChain.Verify(dossier.History, dossier.HistoryHash));
    }

    [Theory]
    [InlineData("0012", "Sửa", "dossier.invalid_applicant_correction")] // bad CCCD
    [InlineData("001090000001", "Sửa", "dossier.invalid_applicant_correction")] // nothing changes
    [InlineData("001090000009", " ", "dossier.field_required")] // no reason
    public void CorrectApplicant_Refused(string identityNumber, string reason, string code)
    {
        var d = new Driver();
        var dossier = d.Counter(Driver.T0);

        var result = d.Try(dossier, new CorrectApplicantCommand(dossier.Applicant with { IdentityNumber = identityNumber }, reason), "2026-03-09 10:00");

        Assert.Equal(code, result.Error.Code);
        Assert.Equal(1, dossier.Version);
    }

    private static Dossier Postal(Driver d)
    {
        var data = Driver.Data(DossierChannel.Postal) with { ReturnMethod = ResultReturnMethod.Postal, ReturnAddress = "Bản Hụm, Chiềng Đen" };
        var dossier = Driver.Ok(Dossier.Submit(data, d.Ctx(Vn.Utc(Driver.T0), DossierActorRole.DeskOfficer)));
        foreach (var trigger in new[] { Accept, Transfer, Assign, StartAppraisal, SubmitForApproval, Approve })
        {
            d.Fire(dossier, trigger, Driver.T0);
        }

        return dossier;
    }
}
