using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback;

/// <summary>The competent unit head's follow-up of a dissatisfied rating (<see cref="SatisfactionRating.NeedsFollowUp"/>):
/// opened with the rating, due a number of working days later (<c>Feedback:FollowUpWorkingDays</c>; no legal source
/// sets it, so it is a setting), closed by the head with what was done.</summary>
public sealed class RatingFollowUp
{
    /// <summary>Shortest account of what was done that closes a follow-up.</summary>
    public const int MinResolutionLength = 10;

    /// <summary>Longest account kept.</summary>
    public const int MaxResolutionLength = 4000;

    private RatingFollowUp()
    {
        Resolution = null;
    }

    public Guid Id { get; private set; }

    public Guid RatingId { get; private set; }

    public Guid DossierId { get; private set; }

    /// <summary>The competent unit; its head closes the follow-up.</summary>
    public Guid UnitId { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public DateTime DueAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public Guid? ClosedById { get; private set; }

    public string? Resolution { get; private set; }

    /// <summary>Optimistic concurrency: two heads closing at once get one winner.</summary>
    public int Version { get; private set; }

    public bool IsOpen => ClosedAt is null;

    /// <summary>Closed after its due time, or still open past it.</summary>
    public bool IsLateAt(DateTime nowUtc) => (ClosedAt ?? nowUtc) > DueAt;

    public static RatingFollowUp Open(Guid id, SatisfactionRating rating, DateTime dueAtUtc)
    {
        ArgumentNullException.ThrowIfNull(rating);
        return new RatingFollowUp
        {
            Id = id,
            RatingId = rating.Id,
            DossierId = rating.DossierId,
            UnitId = rating.CompetentUnitId,
            OpenedAt = rating.RatedAt,
            DueAt = dueAtUtc,
            Version = 1,
        };
    }

    /// <summary>Closes the follow-up with <paramref name="resolution"/>: what the unit found and did.</summary>
    public Result<RatingFollowUp> Close(string? resolution, Guid headId, DateTime nowUtc)
    {
        if (!IsOpen)
        {
            return new FollowUpAlreadyClosed();
        }

        var text = resolution?.Trim() ?? "";
        if (text.Length < MinResolutionLength)
        {
            return new FollowUpResolutionRequired();
        }

        if (text.Length > MaxResolutionLength || FreeText.HasControlCharacters(text))
        {
            return new FollowUpResolutionInvalid();
        }

        ClosedAt = nowUtc;
        ClosedById = headId;
        Resolution = text;
        Version++;
        return this;
    }
}

/// <summary>The follow-up was closed already (<c>rating_follow_up.closed</c>).</summary>
public sealed record FollowUpAlreadyClosed()
    : Error("rating_follow_up.closed", "Việc xử lý đánh giá này đã được đóng.");

/// <summary>No account of what was done (<c>rating_follow_up.resolution_required</c>).</summary>
public sealed record FollowUpResolutionRequired()
    : Error("rating_follow_up.resolution_required",
        $"Phải ghi kết quả xử lý (ít nhất {RatingFollowUp.MinResolutionLength} ký tự): đơn vị đã xác minh và làm gì.");

/// <summary>The account is too long or holds control characters (<c>rating_follow_up.resolution_invalid</c>).</summary>
public sealed record FollowUpResolutionInvalid()
    : Error("rating_follow_up.resolution_invalid",
        $"Kết quả xử lý không hợp lệ: tối đa {RatingFollowUp.MaxResolutionLength} ký tự, không chứa ký tự điều khiển.");
