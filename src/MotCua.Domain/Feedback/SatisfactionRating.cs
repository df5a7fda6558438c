using System.Linq.Expressions;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Feedback;

/// <summary>The applicant's answers on the evaluation sheet: overall satisfaction and the criteria of ND 61/2018
/// Art. 31(1) that feed the TT 01/2018 Art. 13 indices (domain.md §7.2, §7.4, §9.2).</summary>
/// <param name="Overall">Overall satisfaction with the receipt and handling of the dossier.</param>
/// <param name="TimesContacted">Times the applicant had to come back to the receiving point to complete the dossier,
/// online included (TT 01/2018 index 3).</param>
/// <param name="AgenciesContacted">Agencies or organisations the applicant had to contact to complete it (index 4).</param>
/// <param name="StaffAttitude">The staff's attitude (ND 61 Art. 31(1)(đ)).</param>
/// <param name="UnofficialCost">Whether the applicant paid anything beyond the published fees (Art. 31(1)(e)).</param>
/// <param name="Comment">Free text.</param>
public sealed record RatingAnswers(
    Satisfaction Overall, int? TimesContacted = null, int? AgenciesContacted = null, Satisfaction? StaffAttitude = null,
    bool? UnofficialCost = null, string? Comment = null);

/// <summary>One applicant's rating of one dossier (đánh giá mức độ hài lòng), given once, from any channel, after the
/// dossier ended: result returned, withdrawn, refused or stopped.</summary>
/// <remarks>The rater's identity is not kept (ND 61/2018 Art. 27: evaluators' identities are confidential): staff see
/// the answers and the channel, never who answered. The rating is attributed to the dossier's receiving and competent
/// units and to the staff who acted on it (<see cref="SatisfactionRatingOfficer"/>).</remarks>
public sealed class SatisfactionRating
{
    /// <summary>Longest comment kept.</summary>
    public const int MaxCommentLength = 2000;

    /// <summary>Largest count accepted for the contact questions (a sheet's "more than" box is typed as a number).</summary>
    public const int MaxCount = 99;

    /// <summary>The dossier states after which the applicant may rate: the dossier has ended for them.</summary>
    public static readonly IReadOnlySet<DossierStatus> RatableStates = new HashSet<DossierStatus>
    {
        DossierStatus.Returned, DossierStatus.Withdrawn, DossierStatus.RefusedAtReceipt, DossierStatus.RejectedAfterAppraisal,
        DossierStatus.Stopped,
    };

    private SatisfactionRating()
    {
        Comment = null;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    /// <summary>The receiving unit (its desk), for the rates per unit.</summary>
    public Guid ReceivingUnitId { get; private set; }

    /// <summary>The competent unit, whose head follows up a dissatisfied rating.</summary>
    public Guid CompetentUnitId { get; private set; }

    public RatingChannel Channel { get; private set; }

    public Satisfaction Overall { get; private set; }

    public int? TimesContacted { get; private set; }

    public int? AgenciesContacted { get; private set; }

    public Satisfaction? StaffAttitude { get; private set; }

    public bool? UnofficialCost { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>The state the dossier had ended in.</summary>
    public DossierStatus DossierStatus { get; private set; }

    /// <summary>When the dossier's processing ended (<see cref="Dossier.ProcessingEndedAt"/>, set once and never moved);
    /// null when it ended for the applicant without being received. 766 §5.4 counts a dislike in the period the dossier
    /// ended in: kept here so the rates read the ratings alone, not a join to every ended dossier.</summary>
    public DateTime? DossierEndedAt { get; private set; }

    /// <summary>Whether the dossier ended late by DVCQG's test (<see cref="Dossier.IsOnTimeForDvcqg"/> false), fixed once
    /// processing ended: 766 §5.4 counts a late dossier with a dislike once in its list.</summary>
    public bool DossierLateForDvcqg { get; private set; }

    public DateTime RatedAt { get; private set; }

    /// <summary>The staff account that typed a paper or phone rating in, or opened the kiosk screen; null when the
    /// applicant rated on the portal or by code.</summary>
    public Guid? RecordedById { get; private set; }

    /// <summary>A "dislike" in 766 §5.4 (domain.md §8.2 group 6): overall dissatisfied or very dissatisfied.</summary>
    public bool IsDislike => Overall <= Satisfaction.Dissatisfied;

    /// <summary><see cref="IsDislike"/> as a query predicate. Enums are stored as names, so it compares by value, not
    /// by order.</summary>
    public static readonly Expression<Func<SatisfactionRating, bool>> Disliked = r =>
        r.Overall == Satisfaction.VeryDissatisfied || r.Overall == Satisfaction.Dissatisfied;

    /// <summary>Whether the competent unit's head must follow the rating up: a dislike, a dissatisfied answer on the
    /// staff's attitude, or an unofficial cost reported.</summary>
    public bool NeedsFollowUp => IsDislike || StaffAttitude <= Satisfaction.Dissatisfied || UnofficialCost == true;

    /// <summary>TT 01/2018 Art. 13 index 3 for this dossier: 2 when the applicant never had to come back, 1 once,
    /// 0 more often; null when not answered.</summary>
    public int? Index3Score => TimesContacted switch { null => null, 0 => 2, 1 => 1, _ => 0 };

    /// <summary>TT 01/2018 Art. 13 index 4: 2 when no agency beyond the desk, 1 for one, 0 for more; null when not
    /// answered.</summary>
    public int? Index4Score => AgenciesContacted switch { null => null, 0 => 2, 1 => 1, _ => 0 };

    /// <summary>Whether a dossier in <paramref name="status"/> has ended for the applicant and can be rated.</summary>
    public static bool IsRatable(DossierStatus status) => RatableStates.Contains(status);

    /// <summary>A rating of <paramref name="dossier"/>, or why it cannot be given.</summary>
    public static Result<SatisfactionRating> Create(
        Guid id, Dossier dossier, RatingChannel channel, RatingAnswers answers, DateTime ratedAtUtc, Guid? recordedById)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(answers);
        if (!RatableStates.Contains(dossier.Status))
        {
            return new RatingNotYetOpen(dossier.Status);
        }

        if (!Enum.IsDefined(channel))
        {
            return new RatingInvalid("channel", new FieldMessage("rating.unknown_channel", "kênh đánh giá không tồn tại"));
        }

        if (!Enum.IsDefined(answers.Overall))
        {
            return new RatingInvalid("overall", new FieldMessage("rating.overall_range", "mức hài lòng chung phải từ 1 đến 5"));
        }

        if (answers.StaffAttitude is { } attitude && !Enum.IsDefined(attitude))
        {
            return new RatingInvalid("staffAttitude", new FieldMessage("rating.attitude_range", "mức hài lòng về thái độ phải từ 1 đến 5"));
        }

        if (answers.TimesContacted is < 0 or > MaxCount)
        {
            return new RatingInvalid("timesContacted", new FieldMessage("rating.times_range", "số lần phải liên hệ phải từ 0 đến {0}", MaxCount));
        }

        if (answers.AgenciesContacted is < 0 or > MaxCount)
        {
            return new RatingInvalid("agenciesContacted", new FieldMessage("rating.agencies_range", "số cơ quan phải liên hệ phải từ 0 đến {0}", MaxCount));
        }

        var comment = string.IsNullOrWhiteSpace(answers.Comment) ? null : answers.Comment.Trim();
        if (comment is { Length: > MaxCommentLength })
        {
            return new RatingInvalid("comment", new FieldMessage("rating.comment_too_long", "ý kiến dài quá {0} ký tự", MaxCommentLength));
        }

        if (comment is not null && FreeText.HasControlCharacters(comment))
        {
            return new RatingInvalid("comment", new FieldMessage("rating.comment_control", "ý kiến chứa ký tự điều khiển"));
        }

        return new SatisfactionRating
        {
            Id = id,
            DossierId = dossier.Id,
            ReceivingUnitId = dossier.ReceivingUnitId,
            CompetentUnitId = dossier.CompetentUnitId,
            Channel = channel,
            Overall = answers.Overall,
            TimesContacted = answers.TimesContacted,
            AgenciesContacted = answers.AgenciesContacted,
            StaffAttitude = answers.StaffAttitude,
            UnofficialCost = answers.UnofficialCost,
            Comment = comment,
            DossierStatus = dossier.Status,
            DossierEndedAt = dossier.ProcessingEndedAt,
            DossierLateForDvcqg = dossier.IsOnTimeForDvcqg() == false,
            RatedAt = ratedAtUtc,
            RecordedById = recordedById,
        };
    }
}

/// <summary>A staff member the rating is attributed to: one who acted on the dossier (its history).</summary>
public sealed record SatisfactionRatingOfficer(Guid RatingId, Guid OfficerId);

/// <summary>The dossier has not ended yet (<c>rating.not_open</c>).</summary>
public sealed record RatingNotYetOpen(DossierStatus Status)
    : Error("rating.not_open", "Chỉ đánh giá được hồ sơ đã trả kết quả, đã rút, bị từ chối hoặc dừng xử lý.");

/// <summary>The dossier was rated already (<c>rating.already_given</c>).</summary>
public sealed record RatingAlreadyGiven()
    : Error("rating.already_given", "Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.");

/// <summary>An answer is out of range (<c>rating.invalid</c>).</summary>
/// <param name="Field">The sheet's field.</param>
/// <param name="Reason">Why, as a clause (no capital, no full stop).</param>
public sealed record RatingInvalid(string Field, FieldMessage Reason)
    : TranslatableError(new FieldMessage("rating.invalid", "Phiếu đánh giá không hợp lệ: {0}.", Reason));
