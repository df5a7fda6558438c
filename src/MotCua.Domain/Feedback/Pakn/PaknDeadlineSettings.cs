namespace MotCua.Domain.Feedback.Pakn;

/// <summary>One version of the PAKN handling deadlines, in working days, in force from <see cref="EffectiveFrom"/>
/// (domain.md §10.3).</summary>
/// <remarks>
/// <para>A settings object, not a constant: the values come from the DVCQG operating regulation, which changed
/// (QĐ 31/2021/QĐ-TTg, replaced by QĐ 29/2026/QĐ-TTg from 20/07/2026), and MotCua has them only from the portal's
/// scoring description (C1), not from the regulation's text. Init-only properties with a parameterless constructor so
/// that the web layer can bind a list of them from configuration; <see cref="PaknDeadlineSchedule.Create"/> validates.</para>
/// <para>Every limit counts from the clock start: submission, or the latest transfer in (§10.3); except
/// <see cref="PublicationWorkingDays"/>, which counts from reaching <see cref="PaknStatus.AwaitingPublication"/>.</para>
/// </remarks>
public sealed record PaknDeadlineSettings
{
    /// <summary>The first clock-start date (Vietnam) this version applies to.</summary>
    public DateOnly EffectiveFrom { get; init; }

    /// <summary>Where the values come from, shown next to every deadline computed with them.</summary>
    public string Source { get; init; } = "";

    /// <summary>Whether the values were checked against the regulation's text.</summary>
    public bool Verified { get; init; }

    /// <summary>Refusal (từ chối tiếp nhận) within this many working days (C1: 2).</summary>
    public int RefusalWorkingDays { get; init; }

    /// <summary>The first supplement request within this many working days (C1: 5).</summary>
    public int FirstSupplementWorkingDays { get; init; }

    /// <summary>Handling completed, i.e. "chờ công khai" or "đã công khai" reached, within this many working days
    /// (C1: 15).</summary>
    public int HandlingWorkingDays { get; init; }

    /// <summary>Publication within this many working days of reaching "chờ công khai" (C1: 2).</summary>
    public int PublicationWorkingDays { get; init; }

    /// <summary>Forwarding outside the unit's competence within this many working days (ND 20/2008 Art. 9(1)(d)(iv): 5).</summary>
    public int ForwardWorkingDays { get; init; }
}
