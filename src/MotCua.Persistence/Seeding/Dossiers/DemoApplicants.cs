using MotCua.Domain.Dossiers;

namespace MotCua.Persistence.Seeding.Dossiers;

/// <summary>Made-up applicants (Sơn La names, demo identity numbers that are not real).</summary>
public static class DemoApplicants
{
    private static readonly string[] FamilyNames = ["Lò", "Cầm", "Quàng", "Nguyễn", "Trần", "Lê", "Hoàng", "Vì", "Điêu", "Tòng"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc"];
    private static readonly string[] GivenNames = ["An", "Bình", "Chiến", "Dung", "Hà", "Hùng", "Lan", "Mai", "Nam", "Phương", "Quân", "Sơn", "Thảo", "Tuấn", "Xuân"];
    private static readonly string[] Places = ["Tô Hiệu", "Chiềng Lề", "Chiềng Sinh", "Quyết Thắng", "Mộc Châu", "Mai Sơn", "Thuận Châu", "Yên Châu"];

    /// <summary>A deterministic applicant for draw <paramref name="n"/>.</summary>
    public static Applicant Pick(Random random, long n)
    {
        ArgumentNullException.ThrowIfNull(random);
        var name = $"{FamilyNames[random.Next(FamilyNames.Length)]} {MiddleNames[random.Next(MiddleNames.Length)]} {GivenNames[random.Next(GivenNames.Length)]}";
        var id = $"0141{(n % 100_000_000):D8}";
        return new Applicant(name, id, $"09{random.Next(10_000_000, 99_999_999)}", null, $"{Places[random.Next(Places.Length)]}, Sơn La");
    }
}
