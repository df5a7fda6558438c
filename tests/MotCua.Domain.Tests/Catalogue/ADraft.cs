using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;

namespace MotCua.Domain.Tests.Catalogue;

/// <summary>Valid drafts with every field defaulted; tests change only what matters with <c>with</c>.</summary>
internal static class ADraft
{
    public static ProcedureDraft Valid(string code = "1.004873", int version = 1, DateOnly? from = null, DateOnly? to = null) => new()
    {
        Code = code,
        Version = version,
        ValidFrom = from ?? new DateOnly(2025, 7, 1),
        ValidTo = to,
        Name = "Cấp Giấy xác nhận tình trạng hôn nhân",
        Sector = new Sector("HOTICH", "Hộ tịch"),
        Level = ProcedureLevel.Commune,
        OnlineLevel = OnlineLevel.Full,
        Channels = ProcedureChannels.InPerson | ProcedureChannels.Online,
        Subjects = SubjectKinds.Individual,
        Agency = new CompetentAgency("Ủy ban nhân dân cấp xã", ProcedureLevel.Commune),
        Sequence = "Bước 1: nộp hồ sơ. Bước 2: nhận kết quả.",
        RequiredDocuments = [new RequiredDocument("Tờ khai", 1, DocumentForms.Original | DocumentForms.Scan, "Mẫu tờ khai", null)],
        ProcessingTime = new ProcessingTime(3, ProcessingTimeUnit.WorkingDay),
        Result = "Giấy xác nhận tình trạng hôn nhân",
        InternalProcess =
        [
            new ProcessStep(1, "Tiếp nhận", PerformerRole.DeskOfficer, null, 0.5m),
            new ProcessStep(2, "Thẩm định", PerformerRole.HandlingOfficer, null, 1.5m),
            new ProcessStep(3, "Ký duyệt", PerformerRole.AgencyHead, null, 0.5m),
            new ProcessStep(4, "Trả kết quả", PerformerRole.Clerk, null, 0.5m),
        ],
        LegalBasis = [new LegalReference("Nghị định số 123/2015/NĐ-CP", "Điều 22")],
        Provenance = new Provenance(ProvenanceConfidence.Recalled, "test", CodeConfirmed: false),
    };

    public static Procedure Create(string code = "1.004873", int version = 1, DateOnly? from = null, DateOnly? to = null)
    {
        var result = Procedure.Create(Valid(code, version, from, to));
        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.Message : null);
        return result.Value;
    }
}
