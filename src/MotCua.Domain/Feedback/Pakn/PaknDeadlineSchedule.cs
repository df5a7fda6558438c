using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>The versions of <see cref="PaknDeadlineSettings"/>, and the choice of the one in force on a clock-start
/// date (domain.md §10.3).</summary>
/// <remarks>A case keeps the version in force on the day its clock started, so a new version never moves an existing
/// case's deadlines (as dossier appointments, domain.md §5.3). Immutable and thread-safe.</remarks>
public sealed class PaknDeadlineSchedule
{
    /// <summary>The largest limit accepted, in working days (a year and a half of working days; anything above is a typo).</summary>
    public const int MaxWorkingDays = 365;

    private readonly PaknDeadlineSettings[] _versions;

    private PaknDeadlineSchedule(PaknDeadlineSettings[] versions) => _versions = versions;

    /// <summary>The built-in schedule: C1's values under QĐ 31/2021/QĐ-TTg, and a version from 20/07/2026 for
    /// QĐ 29/2026/QĐ-TTg that repeats them.</summary>
    public static PaknDeadlineSchedule Default { get; } = Create(
    [
        // C1's values (domain.md §10.3) for the regulation of QĐ 31/2021/QĐ-TTg. Its own effective date was not
        // checked; as the first version it covers every earlier clock start. Forwarding: ND 20/2008 Art. 9(1)(d)(iv).
        new PaknDeadlineSettings
        {
            EffectiveFrom = DateOnly.MinValue,
            Source = "QĐ 31/2021/QĐ-TTg (giá trị theo tài liệu cách tính 766 của Cổng DVCQG); NĐ 20/2008 Điều 9(1)(d)(iv)",
            RefusalWorkingDays = 2,
            FirstSupplementWorkingDays = 5,
            HandlingWorkingDays = 15,
            PublicationWorkingDays = 2,
            ForwardWorkingDays = 5,
        },

        // QĐ 29/2026/QĐ-TTg replaces QĐ 31/2021 from 20/07/2026 (domain.md §10.3). Its values were NOT checked: this
        // version carries the same numbers so that the switch date exists; correct it once the text has been read.
        new PaknDeadlineSettings
        {
            EffectiveFrom = new DateOnly(2026, 7, 20),
            Source = "QĐ 29/2026/QĐ-TTg (CHƯA ĐỐI CHIẾU: tạm giữ giá trị của QĐ 31/2021); NĐ 20/2008 Điều 9(1)(d)(iv)",
            RefusalWorkingDays = 2,
            FirstSupplementWorkingDays = 5,
            HandlingWorkingDays = 15,
            PublicationWorkingDays = 2,
            ForwardWorkingDays = 5,
        },
    ]).Value;

    /// <summary>The versions, by <see cref="PaknDeadlineSettings.EffectiveFrom"/>.</summary>
    public IReadOnlyList<PaknDeadlineSettings> Versions => _versions;

    /// <summary>A schedule from a list (as bound from configuration), or an <see cref="InvalidPaknDeadlineSettings"/>
    /// naming the first problem: no version, two versions from one date, or a limit outside 1–<see cref="MaxWorkingDays"/>.</summary>
    public static Result<PaknDeadlineSchedule> Create(IEnumerable<PaknDeadlineSettings>? versions)
    {
        var sorted = (versions ?? []).OrderBy(v => v?.EffectiveFrom ?? DateOnly.MinValue).ToArray();
        if (sorted.Length == 0)
        {
            return new InvalidPaknDeadlineSettings("phải có ít nhất một phiên bản");
        }

        for (var i = 0; i < sorted.Length; i++)
        {
            var version = sorted[i];
            if (version is null)
            {
                return new InvalidPaknDeadlineSettings("có phiên bản rỗng");
            }

            if (i > 0 && sorted[i - 1].EffectiveFrom == version.EffectiveFrom)
            {
                return new InvalidPaknDeadlineSettings($"hai phiên bản cùng áp dụng từ ngày {version.EffectiveFrom:dd/MM/yyyy}");
            }

            foreach (var (name, value) in Limits(version))
            {
                if (value is < 1 or > MaxWorkingDays)
                {
                    return new InvalidPaknDeadlineSettings(
                        $"phiên bản từ ngày {version.EffectiveFrom:dd/MM/yyyy}: thời hạn {name} phải từ 1 đến {MaxWorkingDays} ngày làm việc");
                }
            }
        }

        return new PaknDeadlineSchedule(sorted);
    }

    /// <summary>The version in force on <paramref name="clockStartDate"/>: the latest whose
    /// <see cref="PaknDeadlineSettings.EffectiveFrom"/> is on or before it.</summary>
    public Result<PaknDeadlineSettings> For(DateOnly clockStartDate)
    {
        for (var i = _versions.Length - 1; i >= 0; i--)
        {
            if (_versions[i].EffectiveFrom <= clockStartDate)
            {
                return _versions[i];
            }
        }

        return new PaknDeadlineSettingsMissing(clockStartDate);
    }

    private static (string Name, int Value)[] Limits(PaknDeadlineSettings s) =>
    [
        ("từ chối tiếp nhận", s.RefusalWorkingDays),
        ("yêu cầu bổ sung lần đầu", s.FirstSupplementWorkingDays),
        ("xử lý", s.HandlingWorkingDays),
        ("công khai", s.PublicationWorkingDays),
        ("chuyển đơn vị khác", s.ForwardWorkingDays),
    ];
}
