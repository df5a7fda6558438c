using MotCua.Domain.Access;
using MotCua.Domain.Units;

namespace MotCua.Persistence.Seeding;

/// <summary>
/// The demo preset: tỉnh Sơn La after the 2025 reorganisation, with its departments, the provincial service centre,
/// twelve communes/wards with their centres, four former districts and one login per role.
/// </summary>
/// <remarks>
/// Unit names follow the 2025 arrangement as publicly reported; the identifier codes (H56 and the numbering) are
/// DEMO VALUES with the right shape, not codes from the national register. Start dates of the former districts
/// are the start of the demo history, not founding dates. Each former district links to one successor commune
/// (the one at its former seat); in reality its work was split between the province and several communes.
/// </remarks>
public static class DemoData
{
    /// <summary>The one password of every demo account. Development and demos only.</summary>
    public const string Password = "MotCua@2026";

    public const string Preset = "demo";

    public static readonly DateOnly ReformDay = new(2025, 7, 1);

    private static readonly DateOnly DistrictHistoryStart = new(2020, 1, 1);

    public static string ProvinceCode => "000.00.00.H56";

    public static Guid UnitId(string identifierCode) => DeterministicGuid.Create("unit:" + identifierCode);

    public static Guid DeskId(string identifierCode) => DeterministicGuid.Create("desk:" + identifierCode);

    public static Guid UserId(string email) => DeterministicGuid.Create("user:" + email);

    public static Guid RoleId(StaffRole role) => DeterministicGuid.Create("role:" + role);

    /// <summary>The identifier codes of the twelve current communes and wards (declared before <see cref="Units"/>, which
    /// uses them: static initialisers run in order).</summary>
    public static IReadOnlyList<string> CommuneCodes { get; } = [.. Enumerable.Range(41, 12).Select(i => $"000.00.{i}.H56")];

    /// <summary>Province, departments, communes (current) and districts (historical), parents before children.</summary>
    public static IReadOnlyList<DemoUnit> Units { get; } = BuildUnits();

    /// <summary>One demo login per role.</summary>
    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("admin@motcua.local", "Quản trị hệ thống", StaffRole.Administrator, ProvinceCode, IncludeDescendants: true),
        new("tiepnhan@motcua.local", "Nguyễn Thị Hoa", StaffRole.DeskOfficer, "000.00.41.H56", IncludeDescendants: false),
        // The provincial public-service centre's counter receives province-level procedures (ProcedureReception).
        new("tiepnhan.tinh@motcua.local", "Đinh Thị Thảo", StaffRole.DeskOfficer, ProvinceCode, IncludeDescendants: false),
        new("chuyenvien@motcua.local", "Trần Văn Minh", StaffRole.HandlingOfficer, "000.00.03.H56", IncludeDescendants: false),
        new("lanhdao@motcua.local", "Lò Văn Khánh", StaffRole.AgencyHead, "000.00.03.H56", IncludeDescendants: false),
        new("noivu@motcua.local", "Cầm Thị Phương", StaffRole.HomeAffairsAppraiser, ProvinceCode, IncludeDescendants: true),
        new("congdan@motcua.local", "Lê Văn An", StaffRole.Citizen, UnitCode: null, IncludeDescendants: false),
    ];

    /// <summary>The account <c>motcua bench dossiers</c> receives with: a desk officer of every commune (the province and
    /// its descendants), so that receipts spread over the units as they do in a province. Created by the scale preset only,
    /// never by the demo.</summary>
    public static DemoUser BenchDeskUser { get; } =
        new("bench.tiepnhan@motcua.local", "Cán bộ một cửa (đo hiệu năng)", StaffRole.DeskOfficer, ProvinceCode, IncludeDescendants: true);

    private static List<DemoUnit> BuildUnits()
    {
        var units = new List<DemoUnit>
        {
            new(ProvinceCode, "Ủy ban nhân dân tỉnh Sơn La", "UBND tỉnh Sơn La", UnitLevel.Province, null, new DateOnly(2004, 1, 1), null, null,
                new DemoDesk("Trung tâm Phục vụ hành chính công tỉnh Sơn La", OneStopDeskKind.ProvincialServiceCentre, ReformDay, null)),
        };

        string[] departments =
        [
            "Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Xây dựng",
            "Sở Nông nghiệp và Môi trường", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Công Thương",
            "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo",
        ];
        for (var i = 0; i < departments.Length; i++)
        {
            var shortName = departments[i].Replace("Ủy ban nhân dân", "UBND", StringComparison.Ordinal);
            var fullName = departments[i].StartsWith("Văn phòng", StringComparison.Ordinal) ? $"{departments[i]} Sơn La" : $"{departments[i]} tỉnh Sơn La";
            units.Add(new($"000.00.{i + 1:00}.H56", fullName, shortName, UnitLevel.ProvincialDepartment, ProvinceCode, ReformDay, null, null, null));
        }

        (string Name, bool Ward)[] communes =
        [
            ("Tô Hiệu", true), ("Chiềng An", true), ("Chiềng Cơi", true), ("Chiềng Sinh", true), ("Mộc Châu", true), ("Thảo Nguyên", true),
            ("Mai Sơn", false), ("Yên Châu", false), ("Thuận Châu", false), ("Mường La", false), ("Phù Yên", false), ("Sông Mã", false),
        ];
        for (var i = 0; i < communes.Length; i++)
        {
            var kind = communes[i].Ward ? "phường" : "xã";
            var title = $"{(communes[i].Ward ? "Phường" : "Xã")} {communes[i].Name}";
            units.Add(new(CommuneCodes[i], $"Ủy ban nhân dân {kind} {communes[i].Name}", title, UnitLevel.Commune, ProvinceCode, ReformDay, null, null,
                new DemoDesk($"Trung tâm Phục vụ hành chính công {kind} {communes[i].Name}", OneStopDeskKind.CommuneServiceCentre, ReformDay, null)));
        }

        (string Name, string Successor)[] districts =
        [
            ("thành phố Sơn La", "000.00.41.H56"), ("huyện Thuận Châu", "000.00.49.H56"), ("huyện Mai Sơn", "000.00.47.H56"), ("huyện Yên Châu", "000.00.48.H56"),
        ];
        var lastDay = OrganisationalUnit.LastDayOfDistricts;
        for (var i = 0; i < districts.Length; i++)
        {
            var name = districts[i].Name;
            units.Add(new($"000.00.{31 + i}.H56", $"Ủy ban nhân dân {name}", "UBND " + name, UnitLevel.District, ProvinceCode, DistrictHistoryStart, lastDay, districts[i].Successor,
                new DemoDesk($"Bộ phận Tiếp nhận và Trả kết quả {name}", OneStopDeskKind.DistrictReceptionDesk, DistrictHistoryStart, lastDay)));
        }

        return units;
    }
}

/// <summary>A demo unit; <paramref name="ParentCode"/> and <paramref name="SuccessorCode"/> are identifier codes.</summary>
public sealed record DemoUnit(string Code, string Name, string ShortName, UnitLevel Level, string? ParentCode, DateOnly ValidFrom, DateOnly? ValidTo, string? SuccessorCode, DemoDesk? Desk);

/// <summary>The one-stop desk hosted by a demo unit.</summary>
public sealed record DemoDesk(string Name, OneStopDeskKind Kind, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>A demo login: e-mail (also the user name), display name, role and the unit the role applies to.</summary>
public sealed record DemoUser(string Email, string FullName, StaffRole Role, string? UnitCode, bool IncludeDescendants);
