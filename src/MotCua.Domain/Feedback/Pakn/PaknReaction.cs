using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>What a reader thinks of a published answer.</summary>
public enum PaknReactionKind
{
    /// <summary>Thích.</summary>
    Like = 1,

    /// <summary>Không thích.</summary>
    Dislike = 2,
}

/// <summary>One reader's like or dislike of a published PAKN answer on this portal (issue 9 §2; domain.md §10.4
/// "RatedByCitizen"): many readers each give at most one, and may change or withdraw it.</summary>
/// <remarks>
/// <para>A reader is a key the web layer derives (<see cref="ReaderKey"/>): the account of a signed-in person, or a hash
/// of a random cookie for an anonymous one. The key is pseudonymous: it holds no name or address and cannot be turned
/// back into the cookie.</para>
/// <para>These are separate from <see cref="PaknCase.Likes"/> and <see cref="PaknCase.Dislikes"/>, the totals a national
/// system (DVCQG) reports for its own portal through <see cref="PaknTrigger.RecordReactions"/>: 766 §5.3 counts those
/// (domain.md §8.2), and a province that relays this portal's reactions to DVCQG would otherwise count them twice. The
/// web layer shows both.</para>
/// </remarks>
public sealed class PaknReaction
{
    /// <summary>Longest reader key: a one-letter kind, a colon and 64 hexadecimal digits.</summary>
    public const int ReaderKeyMaxLength = 66;

    private PaknReaction()
    {
        ReaderKey = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The case whose published answer is rated.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>Who reacted, pseudonymously; unique per case.</summary>
    public string ReaderKey { get; private set; }

    public PaknReactionKind Kind { get; private set; }

    /// <summary>When the reaction was given or last changed (UTC).</summary>
    public DateTime ReactedAt { get; private set; }

    /// <summary>A reader's first reaction to <paramref name="pakn"/>'s published answer.</summary>
    public static Result<PaknReaction> Create(Guid id, PaknCase pakn, string readerKey, PaknReactionKind kind, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(pakn);
        ArgumentException.ThrowIfNullOrWhiteSpace(readerKey);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(readerKey.Length, ReaderKeyMaxLength);
        if (Check(pakn, kind) is { } error)
        {
            return error;
        }

        return new PaknReaction { Id = id, CaseId = pakn.Id, ReaderKey = readerKey, Kind = kind, ReactedAt = nowUtc };
    }

    /// <summary>The reader changes their mind; the answer must still be published.</summary>
    public Result<PaknReaction> Change(PaknCase pakn, PaknReactionKind kind, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(pakn);
        if (pakn.Id != CaseId)
        {
            throw new ArgumentException("The reaction belongs to another case.", nameof(pakn));
        }

        if (Check(pakn, kind) is { } error)
        {
            return error;
        }

        Kind = kind;
        ReactedAt = nowUtc;
        return this;
    }

    // Only an answer the public can read is rated: a case reopened by a dissatisfied reply is out of the published list
    // until it is published again.
    private static Error? Check(PaknCase pakn, PaknReactionKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            return new PaknInvalidValue(PaknTrigger.RecordReactions, new FieldMessage("pakn.label.reaction", "ý kiến"),
                new FieldMessage("pakn.reason.like_or_dislike", "chỉ có thích hoặc không thích"));
        }

        return pakn.Status != PaknStatus.Published ? new PaknAnswerNotPublished() : null;
    }
}

/// <summary>A reaction to a case whose answer is not published now (<c>pakn.answer_not_published</c>).</summary>
public sealed record PaknAnswerNotPublished()
    : Error("pakn.answer_not_published", "Chỉ bày tỏ thích hoặc không thích với nội dung trả lời đang được công khai.");
