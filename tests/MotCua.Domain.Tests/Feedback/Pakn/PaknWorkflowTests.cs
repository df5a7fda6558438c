using System.Runtime.CompilerServices;
using MotCua.Domain.Feedback.Pakn;
using static MotCua.Domain.Feedback.Pakn.PaknActorRole;
using static MotCua.Domain.Feedback.Pakn.PaknStatus;
using static MotCua.Domain.Feedback.Pakn.PaknTrigger;

namespace MotCua.Domain.Tests.Feedback.Pakn;

public class PaknWorkflowTests
{
    private static readonly PaknDriver D = new();

    // The expected table, written out independently of PaknWorkflow so that a change to either shows up. null: back to
    // the state the supplement was requested in.
    private static readonly Dictionary<(PaknStatus, PaknTrigger), PaknStatus?> Expected = new()
    {
        [(Received, Refuse)] = NotAccepted,
        [(Received, Forward)] = Forwarded,
        [(Received, Classify)] = Classified,
        [(Received, RequestSupplement)] = SupplementRequested,
        [(Forwarded, TransferIn)] = Received,
        [(Classified, RequestSupplement)] = SupplementRequested,
        [(Classified, StartHandling)] = InProgress,
        [(SupplementRequested, ProvideSupplement)] = null,
        [(SupplementRequested, Refuse)] = NotAccepted,
        [(InProgress, RequestSupplement)] = SupplementRequested,
        [(InProgress, RecordReview)] = InProgress,
        [(InProgress, DraftAnswer)] = InProgress,
        [(InProgress, Decide)] = Decided,
        [(Decided, ReturnForRevision)] = InProgress,
        [(Decided, SubmitForPublication)] = AwaitingPublication,
        [(AwaitingPublication, Publish)] = Published,
        [(Published, RecordReactions)] = Published,
        [(Published, ReplySatisfied)] = Published,
        [(Published, ReplyDissatisfied)] = InProgress,
    };

    private static readonly Dictionary<PaknTrigger, PaknActorRole[]> ExpectedRoles = new()
    {
        [Submit] = [Citizen, ReceptionOfficer, PaknActorRole.System],
        [Refuse] = [ReceptionOfficer],
        [Forward] = [ReceptionOfficer],
        [TransferIn] = [ReceptionOfficer, PaknActorRole.System],
        [Classify] = [ReceptionOfficer],
        [RequestSupplement] = [ReceptionOfficer, HandlingOfficer],
        [ProvideSupplement] = [Citizen, ReceptionOfficer, PaknActorRole.System],
        [StartHandling] = [HandlingOfficer],
        [RecordReview] = [HandlingOfficer],
        [DraftAnswer] = [HandlingOfficer],
        [Decide] = [Approver],
        [ReturnForRevision] = [Approver],
        [SubmitForPublication] = [HandlingOfficer, Approver],
        [Publish] = [Publisher, PaknActorRole.System],
        [RecordReactions] = [PaknActorRole.System],
        [ReplySatisfied] = [Citizen, ReceptionOfficer],
        [ReplyDissatisfied] = [Citizen, ReceptionOfficer],
    };

    public static TheoryData<PaknStatus, PaknTrigger> AllPairs()
    {
        var data = new TheoryData<PaknStatus, PaknTrigger>();
        foreach (var status in Enum.GetValues<PaknStatus>())
        {
            foreach (var trigger in Enum.GetValues<PaknTrigger>())
            {
                data.Add(status, trigger);
            }
        }

        return data;
    }

    public static TheoryData<PaknStatus, PaknTrigger, PaknActorRole> AllowedPairsWithEveryRole()
    {
        var data = new TheoryData<PaknStatus, PaknTrigger, PaknActorRole>();
        foreach (var (status, trigger) in Expected.Keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2))
        {
            foreach (var role in Enum.GetValues<PaknActorRole>())
            {
                data.Add(status, trigger, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Fire_EveryStateAndTrigger_MovesToTheTableStateOrIsRefused(PaknStatus from, PaknTrigger trigger)
    {
        var pakn = D.InState(from);
        var (version, historyCount) = (pakn.Version, pakn.History.Count);

        var result = D.Try(pakn, PaknDriver.Sample(trigger));

        if (Expected.TryGetValue((from, trigger), out var to))
        {
            // The driver asks for supplements at receipt, so a provided supplement goes back to Received.
            var expected = to ?? Received;
            Assert.True(result.IsSuccess, result.IsFailure ? result.Error.Code : null);
            Assert.Equal(expected, pakn.Status);
            Assert.Equal((version + 1, historyCount + 1), (pakn.Version, pakn.History.Count));
            Assert.Equal((from, expected, trigger), (result.Value.From, result.Value.To, result.Value.Trigger));
            Assert.Equal(version, result.Value.Sequence);
        }
        else
        {
            var error = Assert.IsType<PaknTransitionNotAllowed>(result.Error);
            Assert.Equal("pakn.transition_not_allowed", error.Code);
            Assert.Equal((from, trigger), (error.From, error.Trigger));
            Assert.Equal((from, version, historyCount), (pakn.Status, pakn.Version, pakn.History.Count));
        }
    }

    [Theory]
    [MemberData(nameof(AllowedPairsWithEveryRole))]
    public void Fire_AllowedPairWithEachRole_SucceedsOnlyForAllowedRoles(PaknStatus from, PaknTrigger trigger, PaknActorRole role)
    {
        var pakn = D.InState(from);
        var version = pakn.Version;

        var result = D.Try(pakn, PaknDriver.Sample(trigger), role: role);

        if (ExpectedRoles[trigger].Contains(role))
        {
            Assert.True(result.IsSuccess, result.IsFailure ? result.Error.Code : null);
            Assert.Equal(role, result.Value.ActorRole);
        }
        else
        {
            var error = Assert.IsType<PaknRoleNotAllowed>(result.IsFailure ? result.Error : null);
            Assert.Equal("pakn.role_not_allowed", error.Code);
            Assert.Equal((role, trigger), (error.Role, error.Trigger));
            Assert.Equal((from, version), (pakn.Status, pakn.Version));
        }
    }

    [Fact]
    public void Transitions_TableAndIndependentExpectation_AreIdentical() =>
        Assert.Equal(
            Expected.OrderBy(e => e.Key).Select(e => $"{e.Key}->{e.Value}"),
            PaknWorkflow.Transitions.OrderBy(e => e.Key).Select(e => $"{e.Key}->{e.Value}"));

    [Fact]
    public void Roles_EveryTrigger_HasTheExpectedRoles()
    {
        foreach (var trigger in Enum.GetValues<PaknTrigger>())
        {
            Assert.Equal(ExpectedRoles[trigger].Order(), PaknWorkflow.Roles[trigger].Order());
        }
    }

    [Theory]
    [InlineData(Classified)]
    [InlineData(InProgress)]
    public void ProvideSupplement_RequestedDuringHandling_ReturnsToThatState(PaknStatus origin)
    {
        var pakn = D.InState(origin);
        D.Fire(pakn, RequestSupplement);
        Assert.Equal((SupplementRequested, origin), (pakn.Status, pakn.SupplementRequestedFrom));

        D.Fire(pakn, ProvideSupplement);

        Assert.Equal(origin, pakn.Status);
        Assert.Null(pakn.SupplementRequestedFrom);
        Assert.Null(pakn.PendingSupplementRequest);
    }

    [Fact]
    public void AllowedTriggers_EveryStateAndRole_AreExactlyTheTriggersThatSucceed()
    {
        foreach (var status in Enum.GetValues<PaknStatus>())
        {
            foreach (var role in Enum.GetValues<PaknActorRole>())
            {
                var allowed = D.InState(status).AllowedTriggers(role);
                var succeeding = Enum.GetValues<PaknTrigger>()
                    .Where(t => D.Try(D.InState(status), PaknDriver.Sample(t), role: role).IsSuccess);
                Assert.Equal(succeeding, allowed);
            }
        }
    }

    [Fact]
    public void AllowedTriggers_SupplementAskedDuringHandling_NoRefusal()
    {
        var pakn = D.InState(Classified);
        D.Fire(pakn, RequestSupplement);

        Assert.Equal([Refuse, ProvideSupplement], PaknWorkflow.AllowedTriggers(SupplementRequested, ReceptionOfficer));
        Assert.Equal([ProvideSupplement], pakn.AllowedTriggers(ReceptionOfficer));
        var refusal = D.Try(pakn, PaknDriver.Sample(Refuse));
        Assert.Equal("pakn.refusal_after_acceptance", refusal.Error.Code);
    }

    [Fact]
    public void Fire_SubmitOnExistingCase_IsNotAllowed()
    {
        foreach (var status in Enum.GetValues<PaknStatus>())
        {
            var result = D.Try(D.InState(status), new PaknTriggerCommand(Submit), role: ReceptionOfficer);
            Assert.IsType<PaknTransitionNotAllowed>(result.Error);
        }
    }

    [Theory]
    [InlineData(Refuse, Received)]
    [InlineData(Forward, Received)]
    [InlineData(Classify, Received)]
    [InlineData(RequestSupplement, Classified)]
    [InlineData(ProvideSupplement, SupplementRequested)]
    [InlineData(RecordReview, InProgress)]
    [InlineData(DraftAnswer, InProgress)]
    [InlineData(ReturnForRevision, Decided)]
    [InlineData(SubmitForPublication, Decided)]
    [InlineData(Publish, AwaitingPublication)]
    [InlineData(RecordReactions, Published)]
    [InlineData(ReplyDissatisfied, Published)]
    public void Fire_PayloadTriggerWithBareCommand_PayloadMissingAndNothingChanges(PaknTrigger trigger, PaknStatus state)
    {
        var pakn = D.InState(state);
        var version = pakn.Version;

        var result = D.Try(pakn, new PaknTriggerCommand(trigger));

        Assert.Equal("pakn.payload_missing", result.Error.Code);
        Assert.Equal((state, version), (pakn.Status, pakn.Version));
    }

    [Fact]
    public void Next_ProvideSupplement_ResumesTheStateGivenAndNothingElse()
    {
        Assert.Equal(Classified, PaknWorkflow.Next(SupplementRequested, ProvideSupplement, Classified));
        Assert.Null(PaknWorkflow.Next(SupplementRequested, ProvideSupplement));
        Assert.Null(PaknWorkflow.Next(Received, ProvideSupplement, Classified));
        Assert.Equal(InProgress, PaknWorkflow.Next(Published, ReplyDissatisfied));
        Assert.Equal(PaknWorkflow.SupplementOrigins.Order(),
            PaknWorkflow.Transitions.Where(t => t.Value == SupplementRequested).Select(t => t.Key.From).Order());
    }

    [Fact]
    public void Stage_EveryState_FollowsTheDvcqgGroups()
    {
        Assert.Equal(PaknStage.WaitingForReception, PaknWorkflow.Stage(Received));
        Assert.All([Classified, InProgress, Decided], s => Assert.Equal(PaknStage.Processing, PaknWorkflow.Stage(s)));
        Assert.All([NotAccepted, Forwarded, SupplementRequested, AwaitingPublication, Published],
            s => Assert.Equal(PaknStage.Processed, PaknWorkflow.Stage(s)));
        Assert.True(PaknWorkflow.IsTerminal(NotAccepted));
        Assert.False(PaknWorkflow.IsTerminal(Published));
    }

    // To regenerate after a reviewed change to the table:
    //   MOTCUA_REGENERATE_GOLDEN=1 dotnet test tests/MotCua.Domain.Tests --filter "FullyQualifiedName~PaknWorkflowTests.Describe"
    // then review and commit the diff of pakn-transition-table.golden.txt.
    [Fact]
    public void Describe_Table_MatchesCommittedGoldenFile()
    {
        var path = Path.Combine(SourceDirectory(), "pakn-transition-table.golden.txt");
        var actual = PaknWorkflow.Describe();
        if (Environment.GetEnvironmentVariable("MOTCUA_REGENERATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    private static string SourceDirectory([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
