using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;

namespace MotCua.Domain.Tests.Catalogue;

public class ProcedureTests
{
    private static IReadOnlyList<CatalogueError> Errors(ProcedureDraft draft)
    {
        var result = Procedure.Create(draft);
        Assert.True(result.IsFailure);
        return Assert.IsType<CatalogueRejected>(result.Error).Errors;
    }

    [Fact]
    public void Create_ValidDraft_CopiesEveryComponent()
    {
        var procedure = ADraft.Create();

        Assert.Equal("1.004873", procedure.Code.Value);
        Assert.Equal("Cấp Giấy xác nhận tình trạng hôn nhân", procedure.Name);
        Assert.Equal(new ProcessingTime(3, ProcessingTimeUnit.WorkingDay), procedure.ProcessingTime);
        Assert.Equal(4, procedure.InternalProcess.Count);
        Assert.Single(procedure.RequiredDocuments);
        Assert.Equal("CalendarDayEnd", procedure.DeadlinePolicy);
        Assert.Equal("SupplementRestart", procedure.SupplementPolicy);
        Assert.NotEqual(Guid.Empty, procedure.Id);
    }

    [Fact]
    public void Create_ValidDraft_BuildsFoldedSearchKey()
    {
        var procedure = ADraft.Create();
        Assert.Equal("1.004873 cap giay xac nhan tinh trang hon nhan ho tich", procedure.SearchKey);
    }

    [Fact]
    public void Create_EmptyName_ReportsNameRequired()
    {
        var error = Assert.Single(Errors(ADraft.Valid() with { Name = "  " }));
        Assert.Equal(new FieldRequired("1.004873", "name"), error);
    }

    [Fact]
    public void Create_UnknownSupplementPolicy_IsRejected()
    {
        var error = Assert.IsType<FieldInvalid>(Assert.Single(Errors(ADraft.Valid() with { SupplementPolicy = "SupplementForever" })));
        Assert.Equal("supplementPolicy", error.Field);
    }

    [Fact]
    public void Create_PaymentPauseWithoutAnythingToPay_IsRejected()
    {
        var error = Assert.IsType<FieldInvalid>(Assert.Single(Errors(ADraft.Valid() with { FinancialObligationPausesClock = true })));
        Assert.Equal("financialObligationPausesClock", error.Field);
        Assert.True(Procedure.Create(ADraft.Valid() with { FinancialObligationPausesClock = true, FinancialObligation = true }).Value.FinancialObligationPausesClock);
    }

    [Fact]
    public void Create_ZeroCopies_ReportsTheDocumentField()
    {
        var draft = ADraft.Valid() with { RequiredDocuments = [new RequiredDocument("Tờ khai", 0, DocumentForms.Original, null, null)] };
        var error = Assert.IsType<FieldInvalid>(Assert.Single(Errors(draft)));
        Assert.Equal("requiredDocuments[0].copies", error.Field);
    }

    [Fact]
    public void Create_NegativeTime_ReportsValueAndMismatch()
    {
        var draft = ADraft.Valid() with { ProcessingTime = new ProcessingTime(-3, ProcessingTimeUnit.WorkingDay) };
        var errors = Errors(draft);
        Assert.Contains(errors, e => e is FieldInvalid { Field: "processingTime.value" });
        Assert.Contains(errors, e => e is SlicesDoNotSumToLimit { SliceTotal: 3m, Limit: -3m });
    }

    [Fact]
    public void Create_SlicesShortOfLimit_NamesBothTotals()
    {
        var draft = ADraft.Valid() with { ProcessingTime = new ProcessingTime(5, ProcessingTimeUnit.WorkingDay) };
        var error = Assert.IsType<SlicesDoNotSumToLimit>(Assert.Single(Errors(draft)));
        Assert.Equal(3m, error.SliceTotal);
        Assert.Equal(5m, error.Limit);
        Assert.Equal("internalProcess", error.Field);
        Assert.Contains("3", error.Message, StringComparison.Ordinal);
        Assert.Contains("5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ImmediateWithValueOtherThanOne_IsRejected()
    {
        var draft = ADraft.Valid() with { ProcessingTime = new ProcessingTime(3, ProcessingTimeUnit.Immediate) };
        var error = Assert.IsType<FieldInvalid>(Assert.Single(Errors(draft)));
        Assert.Equal("processingTime.value", error.Field);
    }

    [Fact]
    public void Create_ImmediateWithFractionalSlices_IsAccepted()
    {
        var draft = ADraft.Valid() with
        {
            ProcessingTime = new ProcessingTime(1, ProcessingTimeUnit.Immediate),
            InternalProcess =
            [
                new ProcessStep(1, "Tiếp nhận", PerformerRole.DeskOfficer, null, 0.125m),
                new ProcessStep(2, "Thẩm định", PerformerRole.HandlingOfficer, null, 0.5m),
                new ProcessStep(3, "Ký", PerformerRole.AgencyHead, null, 0.375m),
            ],
        };
        Assert.True(Procedure.Create(draft).IsSuccess);
    }

    [Fact]
    public void Create_StepOrdersWithGap_IsRejected()
    {
        var draft = ADraft.Valid() with
        {
            InternalProcess =
            [
                new ProcessStep(1, "Tiếp nhận", PerformerRole.DeskOfficer, null, 1m),
                new ProcessStep(3, "Ký", PerformerRole.AgencyHead, null, 2m),
            ],
        };
        var error = Assert.IsType<FieldInvalid>(Assert.Single(Errors(draft)));
        Assert.Equal("internalProcess", error.Field);
    }

    [Fact]
    public void Create_OtherAgencyStepWithoutName_IsRejected()
    {
        var draft = ADraft.Valid() with
        {
            InterAgency = true,
            InternalProcess =
            [
                new ProcessStep(1, "Tiếp nhận", PerformerRole.DeskOfficer, null, 1m),
                new ProcessStep(2, "Liên thông", PerformerRole.OtherAgency, null, 2m),
            ],
        };
        var error = Assert.IsType<FieldInvalid>(Assert.Single(Errors(draft)));
        Assert.Equal("internalProcess[1].agency", error.Field);
    }

    [Fact]
    public void Create_InterAgencyFlagWithoutOtherAgencyStep_IsRejected()
    {
        var error = Assert.IsType<FieldInvalid>(Assert.Single(Errors(ADraft.Valid() with { InterAgency = true })));
        Assert.Equal("interAgency", error.Field);
    }

    [Fact]
    public void Create_OnlineLevelWithoutOnlineChannel_IsRejected()
    {
        var error = Assert.IsType<FieldInvalid>(Assert.Single(Errors(ADraft.Valid() with { Channels = ProcedureChannels.InPerson })));
        Assert.Equal("onlineLevel", error.Field);
    }

    [Theory]
    [InlineData("1.001193", true)]
    [InlineData("2.000635", true)]
    [InlineData("1.000948.H38", true)]
    [InlineData("2.002176.000.00.00.H38", true)]
    [InlineData("LOCAL.GPLX-DOI", true)]
    [InlineData("1.1193", false)]
    [InlineData("khai sinh", false)]
    [InlineData("1.001193.h26", false)]
    public void IsWellFormed_Code_MatchesNationalFormat(string code, bool expected)
    {
        Assert.Equal(expected, ProcedureCode.IsWellFormed(code));
    }

    [Fact]
    public void Create_MalformedCode_ReportsCode()
    {
        var error = Assert.IsType<FieldInvalid>(Assert.Single(Errors(ADraft.Valid() with { Code = "TT-001" })));
        Assert.Equal("code", error.Field);
    }

    [Fact]
    public void Create_NegativeFee_IsRejected()
    {
        var error = Assert.IsType<FieldInvalid>(Assert.Single(Errors(ADraft.Valid() with { Fees = [new Fee("Lệ phí", -1, null)] })));
        Assert.Equal("fees[0].amountVnd", error.Field);
    }

    [Fact]
    public void Create_ValidToBeforeValidFrom_IsRejected()
    {
        var draft = ADraft.Valid(from: new DateOnly(2025, 7, 1), to: new DateOnly(2025, 6, 30));
        var error = Assert.IsType<FieldInvalid>(Assert.Single(Errors(draft)));
        Assert.Equal("validTo", error.Field);
    }

    [Fact]
    public void Create_SeveralProblems_ReportsAll()
    {
        var draft = ADraft.Valid() with { Name = "", Result = "", LegalBasis = [] };
        var fields = Errors(draft).Select(e => e.Field).ToArray();
        Assert.Equal(["name", "result", "legalBasis"], fields);
    }

    [Fact]
    public void HasFees_OnlyZeroFees_IsFalse()
    {
        var zero = Procedure.Create(ADraft.Valid() with { Fees = [new Fee("Lệ phí", 0, "Miễn")] }).Value;
        var paid = Procedure.Create(ADraft.Valid() with { Fees = [new Fee("Lệ phí", 0, "Miễn"), new Fee("Phí", 10_000, null)] }).Value;
        Assert.False(zero.HasFees);
        Assert.True(paid.HasFees);
    }

    [Theory]
    [InlineData(2025, 6, 30, false)]
    [InlineData(2025, 7, 1, true)]
    [InlineData(2026, 6, 30, true)]
    [InlineData(2026, 7, 1, false)]
    public void IsInForceOn_InclusiveBounds(int year, int month, int day, bool expected)
    {
        var procedure = ADraft.Create(from: new DateOnly(2025, 7, 1), to: new DateOnly(2026, 6, 30));
        Assert.Equal(expected, procedure.IsInForceOn(new DateOnly(year, month, day)));
    }

    [Fact]
    public void ToDisplayText_WorkingDays_IsVietnamese()
    {
        Assert.Equal("03 ngày làm việc", new ProcessingTime(3, ProcessingTimeUnit.WorkingDay).ToDisplayText());
        Assert.Equal("15 ngày", new ProcessingTime(15, ProcessingTimeUnit.CalendarDay).ToDisplayText());
    }
}
