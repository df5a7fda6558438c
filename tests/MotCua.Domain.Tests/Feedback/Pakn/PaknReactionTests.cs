using MotCua.Domain.Feedback.Pakn;

namespace MotCua.Domain.Tests.Feedback.Pakn;

// Readers' likes and dislikes on this portal: only of an answer published now, changeable, never touching the totals
// synchronised from DVCQG that 766 §5.3 counts.
public class PaknReactionTests
{
    private static readonly DateTime Now = new(2026, 5, 4, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_OnAPublishedAnswer_ThenChanged_LeavesTheSynchronisedTotals()
    {
        var d = new PaknDriver();
        var pakn = d.InState(PaknStatus.Published);

        var reaction = PaknDriver.Ok(PaknReaction.Create(Guid.NewGuid(), pakn, "c:" + new string('a', 64), PaknReactionKind.Like, Now));
        Assert.Equal((pakn.Id, PaknReactionKind.Like, Now), (reaction.CaseId, reaction.Kind, reaction.ReactedAt));
        PaknDriver.Ok(reaction.Change(pakn, PaknReactionKind.Dislike, Now.AddMinutes(1)));

        Assert.Equal((PaknReactionKind.Dislike, Now.AddMinutes(1)), (reaction.Kind, reaction.ReactedAt));
        Assert.Equal((0, 0), (pakn.Likes, pakn.Dislikes));
    }

    [Theory]
    [InlineData(PaknStatus.Received)]
    [InlineData(PaknStatus.InProgress)]
    [InlineData(PaknStatus.AwaitingPublication)]
    public void Create_BeforePublication_IsRefused(PaknStatus status)
    {
        var pakn = new PaknDriver().InState(status);

        var result = PaknReaction.Create(Guid.NewGuid(), pakn, "a:reader", PaknReactionKind.Like, Now);

        Assert.IsType<PaknAnswerNotPublished>(result.Error);
    }

    [Fact]
    public void Change_AfterADissatisfiedReplyReopenedTheCase_IsRefusedAndKeepsTheReaction()
    {
        var d = new PaknDriver();
        var pakn = d.InState(PaknStatus.Published);
        var reaction = PaknDriver.Ok(PaknReaction.Create(Guid.NewGuid(), pakn, "a:reader", PaknReactionKind.Like, Now));
        d.Fire(pakn, PaknTrigger.ReplyDissatisfied);

        var result = reaction.Change(pakn, PaknReactionKind.Dislike, Now);

        Assert.IsType<PaknAnswerNotPublished>(result.Error);
        Assert.Equal(PaknReactionKind.Like, reaction.Kind);
    }

    [Fact]
    public void Create_UndefinedKind_IsRefused()
    {
        var pakn = new PaknDriver().InState(PaknStatus.Published);

        Assert.IsType<PaknInvalidValue>(PaknReaction.Create(Guid.NewGuid(), pakn, "a:reader", (PaknReactionKind)7, Now).Error);
    }
}

// The source identifier of an imported case: kept trimmed, bounded, never required.
public class PaknExternalIdTests
{
    [Fact]
    public void Submit_WithASourceIdentifier_KeepsItTrimmed_AndWithoutOne_KeepsNone()
    {
        var d = new PaknDriver();

        var imported = d.Submit(data: PaknDriver.Data(channel: PaknChannel.Import) with { ExternalId = "  DVCQG-2026-000123 " }, role: PaknActorRole.ReceptionOfficer);
        var portal = d.Submit();

        Assert.Equal("DVCQG-2026-000123", imported.ExternalId);
        Assert.Null(portal.ExternalId);
    }

    [Fact]
    public void Submit_SourceIdentifierTooLong_IsRefused()
    {
        var data = PaknDriver.Data(channel: PaknChannel.Import) with { ExternalId = new string('9', PaknFieldLimits.ExternalId + 1) };

        var result = PaknCase.Submit(data, new PaknDriver().Ctx(PaknDriver.T0, PaknActorRole.ReceptionOfficer));

        Assert.Equal("pakn.label.external_id", Assert.IsType<PaknInvalidValue>(result.Error).Field.Code);
    }
}
