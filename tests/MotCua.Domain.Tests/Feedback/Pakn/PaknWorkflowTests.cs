using System.Runtime.CompilerServices;
using MotCua.Domain.Feedback.Pakn;
using static MotCua.Domain.Feedback.Pakn.PaknActorRole;
using static MotCua.Domain.Feedback.Pakn.PaknStatus;
using static MotCua.Domain.Feedback.Pakn.PaknTrigger;

namespace MotCua.Domain.Tests.Feedback.Pakn;

public class PaknWorkflowTests
{
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
