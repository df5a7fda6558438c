using MotCua.Domain.Dossiers;
using MotCua.Domain.Feedback;
using MotCua.Domain.Tests.Dossiers;

namespace MotCua.Domain.Tests.Feedback;

/// <summary>Per-dossier ratings (ND 61/2018 Art. 29, 31; TT 01/2018 Art. 13; domain.md §9.2): when a dossier may be
/// rated, what counts as a dislike for 766 §5.4, what opens a follow-up, the index 3 and 4 scores, and the follow-up's
/// closing rules.</summary>
public sealed class SatisfactionRatingTests
{
    private static readonly DateTime Now = new(2026, 3, 20, 3, 0, 0, DateTimeKind.Utc);

    public static TheoryData<DossierStatus> AllStates() => [.. Enum.GetValues<DossierStatus>()];

    [Theory, MemberData(nameof(AllStates))]
    public void Create_OnlyOnceTheDossierHasEnded(DossierStatus state)
    {
        var dossier = new Driver().InState(state);

        var rating = SatisfactionRating.Create(Guid.NewGuid(), dossier, RatingChannel.Portal, new RatingAnswers(Satisfaction.Satisfied), Now, null);

        var ended = state is DossierStatus.Returned or DossierStatus.Withdrawn or DossierStatus.RefusedAtReceipt
            or DossierStatus.RejectedAfterAppraisal or DossierStatus.Stopped;
        Assert.Equal(ended, rating.IsSuccess);
        if (!ended)
        {
            Assert.IsType<RatingNotYetOpen>(rating.Error);
        }
        else
        {
            Assert.Equal(dossier.CompetentUnitId, rating.Value.CompetentUnitId);
            Assert.Equal(dossier.ReceivingUnitId, rating.Value.ReceivingUnitId);
            Assert.Equal(state, rating.Value.DossierStatus);
        }
    }

    [Theory]
    [InlineData(Satisfaction.VeryDissatisfied, null, null, true, true)]
    [InlineData(Satisfaction.Dissatisfied, null, null, true, true)]
    [InlineData(Satisfaction.Neutral, null, null, false, false)]
    [InlineData(Satisfaction.VerySatisfied, null, null, false, false)]
    [InlineData(Satisfaction.Satisfied, Satisfaction.Dissatisfied, null, false, true)]
    [InlineData(Satisfaction.Satisfied, Satisfaction.Neutral, false, false, false)]
    [InlineData(Satisfaction.VerySatisfied, Satisfaction.VerySatisfied, true, false, true)]
    public void Dislike_IsTheOverallAnswer_FollowUpAlsoCoversAttitudeAndUnofficialCost(
        Satisfaction overall, Satisfaction? attitude, bool? unofficialCost, bool dislike, bool followUp)
    {
        var rating = Rate(new RatingAnswers(overall, StaffAttitude: attitude, UnofficialCost: unofficialCost));

        Assert.Equal(dislike, rating.IsDislike);
        Assert.Equal(followUp, rating.NeedsFollowUp);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(0, 2)]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    [InlineData(99, 0)]
    public void Indices3And4_ScoreTheContactCounts_AsTT01Article13(int? count, int? score)
    {
        var rating = Rate(new RatingAnswers(Satisfaction.Satisfied, TimesContacted: count, AgenciesContacted: count));

        Assert.Equal(score, rating.Index3Score);
        Assert.Equal(score, rating.Index4Score);
    }

    [Theory]
    [InlineData(0, null, null, null, "overall")]
    [InlineData(6, null, null, null, "overall")]
    [InlineData(4, -1, null, null, "timesContacted")]
    [InlineData(4, 100, null, null, "timesContacted")]
    [InlineData(4, null, 100, null, "agenciesContacted")]
    [InlineData(4, null, null, 9, "staffAttitude")]
    public void Create_OutOfRangeAnswer_IsRefusedNamingTheField(int overall, int? times, int? agencies, int? attitude, string field)
    {
        var answers = new RatingAnswers((Satisfaction)overall, times, agencies, (Satisfaction?)attitude);

        var rating = SatisfactionRating.Create(Guid.NewGuid(), Returned(), RatingChannel.Kiosk, answers, Now, Guid.NewGuid());

        Assert.Equal(field, Assert.IsType<RatingInvalid>(rating.Error).Field);
    }

    [Fact]
    public void Create_Comment_TrimmedBlankDroppedLongOrControlRefused()
    {
        Assert.Equal("Nhanh, gọn.", Rate(new RatingAnswers(Satisfaction.Satisfied, Comment: "  Nhanh, gọn. \n")).Comment);
        Assert.Null(Rate(new RatingAnswers(Satisfaction.Satisfied, Comment: "   ")).Comment);
        Assert.Equal("Dòng 1\nDòng 2", Rate(new RatingAnswers(Satisfaction.Satisfied, Comment: "Dòng 1\nDòng 2")).Comment);

        foreach (var bad in new[] { new string('a', SatisfactionRating.MaxCommentLength + 1), "a\u0000b" })
        {
            var rating = SatisfactionRating.Create(Guid.NewGuid(), Returned(), RatingChannel.Portal, new RatingAnswers(Satisfaction.Satisfied, Comment: bad), Now, null);
            Assert.Equal("comment", Assert.IsType<RatingInvalid>(rating.Error).Field);
        }
    }

    [Fact]
    public void FollowUp_ClosesOnceWithAnAccount_AndIsLateOnlyPastItsDueTime()
    {
        var rating = Rate(new RatingAnswers(Satisfaction.VeryDissatisfied));
        var followUp = RatingFollowUp.Open(Guid.NewGuid(), rating, Now.AddDays(7));
        var head = Guid.NewGuid();

        Assert.True(followUp.IsOpen);
        Assert.Equal(rating.CompetentUnitId, followUp.UnitId);
        Assert.False(followUp.IsLateAt(Now.AddDays(7)));
        Assert.True(followUp.IsLateAt(Now.AddDays(8)));
        Assert.IsType<FollowUpResolutionRequired>(followUp.Close(" ngắn ", head, Now.AddDays(1)).Error);
        Assert.IsType<FollowUpResolutionInvalid>(followUp.Close(new string('x', RatingFollowUp.MaxResolutionLength + 1), head, Now.AddDays(1)).Error);
        Assert.True(followUp.IsOpen);
        Assert.Equal(1, followUp.Version);

        var closed = followUp.Close("Đã gặp công dân, xin lỗi và nhắc nhở cán bộ.", head, Now.AddDays(2));

        Assert.True(closed.IsSuccess);
        Assert.False(followUp.IsOpen);
        Assert.Equal(2, followUp.Version);
        Assert.Equal(head, followUp.ClosedById);
        Assert.False(followUp.IsLateAt(Now.AddDays(30)));
        Assert.IsType<FollowUpAlreadyClosed>(followUp.Close("Đóng lần thứ hai, không được.", head, Now.AddDays(3)).Error);
    }

    private static Dossier Returned() => new Driver().InState(DossierStatus.Returned);

    private static SatisfactionRating Rate(RatingAnswers answers) =>
        SatisfactionRating.Create(Guid.NewGuid(), Returned(), RatingChannel.Portal, answers, Now, null).Value;
}
