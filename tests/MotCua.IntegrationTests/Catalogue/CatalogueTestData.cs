using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.Catalogue;

internal static class CatalogueTestData
{
    /// <summary>A date on which the current (post-2025 reform) versions of the seed are in force.</summary>
    public static readonly DateOnly Today = new(2026, 11, 22);

    /// <summary>A migrated database with the embedded catalogue seeded.</summary>
    public static async Task<TestDatabase> SeededAsync(DatabaseProvider provider, CancellationToken ct)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var db = database.CreateContext();
        await CatalogueSeeder.SeedAsync(db, ct);
        return database;
    }

    /// <summary>A valid draft using every component, with non-default values everywhere a default could hide a bug.</summary>
    public static ProcedureDraft FullDraft(string code = "1.000948.H38", int version = 3, string name = "Cấp giấy phép xây dựng nhà ở riêng lẻ") => new()
    {
        Id = Guid.NewGuid(),
        Code = code,
        Version = version,
        ValidFrom = new DateOnly(2025, 7, 1),
        ValidTo = new DateOnly(2027, 12, 31),
        Name = name,
        Sector = new Sector("XAYDUNG", "Xây dựng"),
        Level = ProcedureLevel.Province,
        OnlineLevel = OnlineLevel.Partial,
        Channels = ProcedureChannels.InPerson | ProcedureChannels.Online | ProcedureChannels.Postal,
        Subjects = SubjectKinds.Individual | SubjectKinds.Organisation | SubjectKinds.Enterprise | SubjectKinds.Foreign,
        SubjectDescription = "Hộ gia đình, cá nhân có nhà ở riêng lẻ",
        Agency = new CompetentAgency("Sở Xây dựng", ProcedureLevel.Province),
        Sequence = "Bước 1: Nộp hồ sơ. Bước 2: Thẩm định. Bước 3: Nhận giấy phép.",
        RequiredDocuments =
        [
            new RequiredDocument("Đơn đề nghị cấp giấy phép xây dựng", 1, DocumentForms.Original | DocumentForms.Scan, "Mẫu số 01", null),
            new RequiredDocument("Giấy tờ về quyền sử dụng đất", 2, DocumentForms.CertifiedCopy | DocumentForms.Copy, null, "Bản sao có chứng thực hoặc bản sao kèm bản chính"),
            new RequiredDocument("Bản vẽ thiết kế", 2, DocumentForms.Original, null, null),
            new RequiredDocument("Bản cam kết an toàn", 1, DocumentForms.Original, null, "Khi có công trình liền kề"),
        ],
        Forms = [new FormTemplate("Mẫu số 01", "Nghị định 175/2024/NĐ-CP"), new FormTemplate("Mẫu số 02", null)],
        ProcessingTime = new ProcessingTime(15, ProcessingTimeUnit.CalendarDay),
        ExtendedProcessingTime = new ProcessingTime(30, ProcessingTimeUnit.CalendarDay),
        ProcessingTimeNote = "Kể từ ngày nhận đủ hồ sơ hợp lệ",
        Result = "Giấy phép xây dựng",
        Conditions = ["Phù hợp quy hoạch", "Bảo đảm an toàn cho công trình liền kề; \"chỉ giới\" xây dựng"],
        Fees = [new Fee("Lệ phí cấp giấy phép xây dựng", 75_000, "Theo Nghị quyết HĐND tỉnh"), new Fee("Phí thẩm định", 0, null)],
        InterAgency = true,
        FinancialObligation = true,
        DeadlinePolicy = "WorkingHours",
        SupplementPolicy = "SupplementPause",
        FinancialObligationPausesClock = true,
        InternalProcess =
        [
            new ProcessStep(1, "Tiếp nhận hồ sơ", PerformerRole.DeskOfficer, null, 1m),
            new ProcessStep(2, "Lấy ý kiến cơ quan phòng cháy", PerformerRole.OtherAgency, "Công an tỉnh", 4.5m),
            new ProcessStep(3, "Thẩm định", PerformerRole.HandlingOfficer, null, 6.375m),
            new ProcessStep(4, "Ký giấy phép", PerformerRole.AgencyHead, null, 2.125m),
            new ProcessStep(5, "Trả kết quả", PerformerRole.Clerk, null, 1m),
        ],
        LegalBasis = [new LegalReference("Luật Xây dựng số 50/2014/QH13", "Điều 102"), new LegalReference("Nghị định 175/2024/NĐ-CP", null)],
        Provenance = new Provenance(ProvenanceConfidence.Secondary, "sotay365.com; cần đối chiếu", CodeConfirmed: true),
    };

    public static Procedure Create(ProcedureDraft draft)
    {
        var result = Procedure.Create(draft);
        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.Message : null);
        return result.Value;
    }
}
