using System.Runtime.CompilerServices;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Tests.Calendar;
using static MotCua.Domain.Dossiers.DossierStatus;
using static MotCua.Domain.Dossiers.DossierTrigger;

namespace MotCua.Domain.Tests.Dossiers;

public class DossierWorkflowTests
{
    private static readonly Driver D = new();

    // The expected table, written out independently of DossierWorkflow so that a change to either shows up.
    private static readonly Dictionary<(DossierStatus, DossierTrigger), DossierStatus> Expected = BuildExpected();

    public static TheoryData<DossierStatus, DossierTrigger> AllPairs()
    {
        var data = new TheoryData<DossierStatus, DossierTrigger>();
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            foreach (var trigger in Enum.GetValues<DossierTrigger>())
            {
                data.Add(status, trigger);
            }
        }

        return data;
    }

    public static TheoryData<DossierStatus, DossierTrigger, DossierActorRole> AllowedPairsWithEveryRole()
    {
        var data = new TheoryData<DossierStatus, DossierTrigger, DossierActorRole>();
        foreach (var (status, trigger) in Expected.Keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2))
        {
            foreach (var role in Enum.GetValues<DossierActorRole>())
            {
                data.Add(status, trigger, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Fire_EveryStateAndTrigger_MovesToTheTableStateOrIsRefused(DossierStatus from, DossierTrigger trigger)
    {
        var dossier = D.InState(from, trigger);
        var version = dossier.Version;
        var historyCount = dossier.History.Count;

        var result = D.Try(dossier, Driver.Sample(trigger, Vn.Utc(Driver.T0), dossier), Driver.T0);

        if (Expected.TryGetValue((from, trigger), out var to))
        {
            Assert.True(result.IsSuccess, result.IsFailure ? result.Error.Code : null);
            Assert.Equal(to, dossier.Status);
            Assert.Equal(version + 1, dossier.Version);
            Assert.Equal(historyCount + 1, dossier.History.Count);
            Assert.Equal(from, result.Value.From);
            Assert.Equal(to, result.Value.To);
            Assert.Equal(trigger, result.Value.Trigger);
        }
        else
        {
            Assert.True(result.IsFailure);
            var error = Assert.IsType<TransitionNotAllowed>(result.Error);
            Assert.Equal("dossier.transition_not_allowed", error.Code);
            Assert.Equal(from, error.From);
            Assert.Equal(trigger, error.Trigger);
            Assert.Equal(from, dossier.Status);
            Assert.Equal(version, dossier.Version);
            Assert.Equal(historyCount, dossier.History.Count);
        }
    }

    [Theory]
    [MemberData(nameof(AllowedPairsWithEveryRole))]
    public void Fire_AllowedPairWithEachRole_SucceedsOnlyForAllowedRoles(DossierStatus from, DossierTrigger trigger, DossierActorRole role)
    {
        var dossier = D.InState(from, trigger);
        var version = dossier.Version;

        var result = D.Try(dossier, Driver.Sample(trigger, Vn.Utc(Driver.T0), dossier), Driver.T0, role);

        if (ExpectedRoles[trigger].Contains(role))
        {
            Assert.True(result.IsSuccess, result.IsFailure ? result.Error.Code : null);
            Assert.Equal(role, result.Value.ActorRole);
        }
        else
        {
            var error = Assert.IsType<RoleNotAllowed>(result.IsFailure ? result.Error : null);
            Assert.Equal("dossier.role_not_allowed", error.Code);
            Assert.Equal((role, trigger), (error.Role, error.Trigger));
            Assert.Equal(from, dossier.Status);
            Assert.Equal(version, dossier.Version);
        }
    }

    [Fact]
    public void Transitions_TableAndIndependentExpectation_AreIdentical()
    {
        Assert.Equal(
            Expected.OrderBy(e => e.Key).Select(e => $"{e.Key}->{e.Value}"),
            DossierWorkflow.Transitions.OrderBy(e => e.Key).Select(e => $"{e.Key}->{e.Value}"));
    }

    [Fact]
    public void Roles_EveryTrigger_HasTheExpectedRoles()
    {
        foreach (var trigger in Enum.GetValues<DossierTrigger>())
        {
            Assert.Equal(ExpectedRoles[trigger].Order(), DossierWorkflow.Roles[trigger].Order());
        }
    }

    [Theory]
    [InlineData(Submit)]
    [InlineData(ReceiveAtCounter)]
    [InlineData(RefuseAtCounter)]
    public void Fire_CreationTriggerOnExistingDossier_IsNotAllowed(DossierTrigger trigger)
    {
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            var dossier = D.InState(status);
            var result = D.Try(dossier, new TriggerCommand(trigger), Driver.T0, Driver.DefaultRole(trigger));
            Assert.IsType<TransitionNotAllowed>(result.Error);
        }
    }

    [Theory]
    [InlineData(DossierActorRole.Citizen, true)]
    [InlineData(DossierActorRole.DeskOfficer, true)]
    [InlineData(DossierActorRole.System, true)]
    [InlineData(DossierActorRole.HandlingOfficer, false)]
    [InlineData(DossierActorRole.AgencyHead, false)]
    public void Submit_EachRole_OnlyCitizenDeskAndSystem(DossierActorRole role, bool allowed)
    {
        var result = Dossier.Submit(Driver.Data(DossierChannel.Online), D.Ctx(Vn.Utc(Driver.T0), role));
        Assert.Equal(allowed, result.IsSuccess);
        if (!allowed)
        {
            Assert.IsType<RoleNotAllowed>(result.Error);
        }
    }

    [Theory]
    [InlineData(DossierActorRole.Citizen)]
    [InlineData(DossierActorRole.HandlingOfficer)]
    [InlineData(DossierActorRole.AgencyHead)]
    [InlineData(DossierActorRole.System)]
    public void ReceiveAtCounter_NotDeskOfficer_RoleNotAllowed(DossierActorRole role)
    {
        var now = Vn.Utc(Driver.T0);
        Assert.IsType<RoleNotAllowed>(Dossier.ReceiveAtCounter(Driver.Data(DossierChannel.InPerson), Driver.CodeFor(now), D.Ctx(now, role)).Error);
        Assert.IsType<RoleNotAllowed>(Dossier.RefuseAtCounter(Driver.Data(DossierChannel.InPerson), "x", D.Ctx(now, role)).Error);
    }

    [Fact]
    public void Creations_CounterAndOnline_StartInTheirStates()
    {
        var counter = D.Counter(Driver.T0);
        Assert.Equal(Received, counter.Status);
        Assert.Equal(1, counter.Version);
        Assert.NotNull(counter.Code);
        Assert.Equal(DossierChannel.InPerson, counter.Channel);

        var online = D.Submit(Driver.T0);
        Assert.Equal(OnlineSubmitted, online.Status);
        Assert.Null(online.Code);
        Assert.Null(online.ReceivedAt);
        Assert.Equal("Submitted", DossierWorkflow.ApiName(online.Status));

        var refused = Driver.Ok(Dossier.RefuseAtCounter(Driver.Data(DossierChannel.InPerson), "Không thuộc thẩm quyền", D.Ctx(Vn.Utc(Driver.T0), DossierActorRole.DeskOfficer)));
        Assert.Equal(RefusedAtReceipt, refused.Status);
        Assert.Contains("Không thuộc thẩm quyền", refused.History[0].Data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DossierChannel.InPerson)]
    public void Submit_InPersonChannel_InvalidValue(DossierChannel channel) =>
        Assert.IsType<InvalidValue>(Dossier.Submit(Driver.Data(channel), D.Ctx(Vn.Utc(Driver.T0), DossierActorRole.Citizen)).Error);

    [Theory]
    [InlineData(DossierChannel.Online)]
    [InlineData(DossierChannel.Postal)]
    public void ReceiveAtCounter_RemoteChannel_InvalidValue(DossierChannel channel)
    {
        var now = Vn.Utc(Driver.T0);
        Assert.IsType<InvalidValue>(Dossier.ReceiveAtCounter(Driver.Data(channel), Driver.CodeFor(now), D.Ctx(now, DossierActorRole.DeskOfficer)).Error);
    }

    [Fact]
    public void Fire_PayloadTriggerWithBareCommand_CommandPayloadMissing()
    {
        var dossier = D.InState(OnlineSubmitted);
        var result = D.Try(dossier, new TriggerCommand(Accept), Driver.T0);
        Assert.IsType<CommandPayloadMissing>(result.Error);
        Assert.Equal(1, dossier.Version);
    }

    [Theory]
    [InlineData(OnlineSubmitted, 1)]
    [InlineData(DeskSupplementPending, 5)]
    [InlineData(RefusedAtReceipt, 3)]
    [InlineData(Received, 2)]
    [InlineData(Transferred, 4)]
    [InlineData(Assigned, 4)]
    [InlineData(Appraising, 4)]
    [InlineData(Verifying, 4)]
    [InlineData(Consulting, 4)]
    [InlineData(InterAgencyProcessing, 4)]
    [InlineData(AwaitingSignature, 4)]
    [InlineData(SupplementRequested, 5)]
    [InlineData(AwaitingFinancialObligation, 6)]
    [InlineData(Withdrawn, 7)]
    [InlineData(RejectedAfterAppraisal, 8)]
    [InlineData(Stopped, 8)]
    [InlineData(ResultAtDesk, 9)]
    [InlineData(Returned, 10)]
    public void DvcqgStatusCode_EveryState_MatchesDomainSpec(DossierStatus status, int code) =>
        Assert.Equal(code, DossierWorkflow.DvcqgStatusCode(status));

    [Fact]
    public void DvcqgStatusCode_EveryStateListed_IsCovered() =>
        Assert.All(Enum.GetValues<DossierStatus>(), s => Assert.InRange(DossierWorkflow.DvcqgStatusCode(s), 1, 10));

    [Theory]
    [InlineData(DossierChannel.InPerson, 1)]
    [InlineData(DossierChannel.Online, 2)]
    [InlineData(DossierChannel.Postal, 3)]
    public void Channel_Values_AreDvcqgCodes(DossierChannel channel, int code) => Assert.Equal(code, (int)channel);

    [Fact]
    public void AllowedTriggers_AppraisingForHandlingOfficer_ListsTheOfficersMoves()
    {
        Assert.Equal(
            [RequestVerification, RequestConsultation, RecordOpinion, SendToInterAgency, RequestSupplement, RequestFinancialObligation,
             SubmitForApproval, Reject],
            DossierWorkflow.AllowedTriggers(Appraising, DossierActorRole.HandlingOfficer));
        Assert.Equal([Reject, IssueApology, Stop], DossierWorkflow.AllowedTriggers(Appraising, DossierActorRole.AgencyHead));
        Assert.Empty(DossierWorkflow.AllowedTriggers(Stopped, DossierActorRole.AgencyHead));
    }

    // To regenerate after a reviewed change to the table:
    //   MOTCUA_REGENERATE_GOLDEN=1 dotnet test tests/MotCua.Domain.Tests --filter "FullyQualifiedName~Describe_Table"
    // then review and commit the diff of transition-table.golden.txt.
    [Fact]
    public void Describe_Table_MatchesCommittedGoldenFile()
    {
        var path = Path.Combine(SourceDirectory(), "transition-table.golden.txt");
        var actual = DossierWorkflow.Describe();
        if (Environment.GetEnvironmentVariable("MOTCUA_REGENERATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    private static string SourceDirectory([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;

    private static readonly Dictionary<DossierTrigger, DossierActorRole[]> ExpectedRoles = new()
    {
        [Submit] = [DossierActorRole.Citizen, DossierActorRole.DeskOfficer, DossierActorRole.System],
        [ReceiveAtCounter] = [DossierActorRole.DeskOfficer],
        [RefuseAtCounter] = [DossierActorRole.DeskOfficer],
        [RequestDeskSupplement] = [DossierActorRole.DeskOfficer],
        [Resubmit] = [DossierActorRole.Citizen, DossierActorRole.System],
        [Accept] = [DossierActorRole.DeskOfficer],
        [RefuseAtReceipt] = [DossierActorRole.DeskOfficer],
        [Transfer] = [DossierActorRole.DeskOfficer, DossierActorRole.System],
        [Assign] = [DossierActorRole.AgencyHead],
        [StartAppraisal] = [DossierActorRole.HandlingOfficer],
        [RequestVerification] = [DossierActorRole.HandlingOfficer],
        [CompleteVerification] = [DossierActorRole.HandlingOfficer],
        [RequestConsultation] = [DossierActorRole.HandlingOfficer, DossierActorRole.DeskOfficer],
        [RecordOpinion] = [DossierActorRole.HandlingOfficer, DossierActorRole.DeskOfficer],
        [CompleteConsultation] = [DossierActorRole.HandlingOfficer],
        [SendToInterAgency] = [DossierActorRole.HandlingOfficer, DossierActorRole.DeskOfficer],
        [CompleteInterAgencyStep] = [DossierActorRole.HandlingOfficer, DossierActorRole.DeskOfficer, DossierActorRole.System],
        [ReturnFromInterAgency] = [DossierActorRole.HandlingOfficer, DossierActorRole.DeskOfficer],
        [RequestSupplement] = [DossierActorRole.HandlingOfficer, DossierActorRole.DeskOfficer],
        [CompleteSupplement] = [DossierActorRole.Citizen, DossierActorRole.DeskOfficer],
        [RequestFinancialObligation] = [DossierActorRole.HandlingOfficer],
        [ConfirmPayment] = [DossierActorRole.DeskOfficer, DossierActorRole.HandlingOfficer, DossierActorRole.System],
        [SubmitForApproval] = [DossierActorRole.HandlingOfficer],
        [RequestRevision] = [DossierActorRole.AgencyHead],
        [Approve] = [DossierActorRole.AgencyHead],
        [Reject] = [DossierActorRole.HandlingOfficer, DossierActorRole.AgencyHead],
        [IssueApology] = [DossierActorRole.AgencyHead],
        [ReturnResult] = [DossierActorRole.DeskOfficer, DossierActorRole.System],
        [Withdraw] = [DossierActorRole.Citizen, DossierActorRole.DeskOfficer],
        [Stop] = [DossierActorRole.AgencyHead],
        [CorrectResult] = [DossierActorRole.AgencyHead],
        [CorrectApplicant] = [DossierActorRole.DeskOfficer],
        [RecordDelivery] = [DossierActorRole.DeskOfficer, DossierActorRole.System],
    };

    private static Dictionary<(DossierStatus, DossierTrigger), DossierStatus> BuildExpected()
    {
        var t = new Dictionary<(DossierStatus, DossierTrigger), DossierStatus>
        {
            [(OnlineSubmitted, RequestDeskSupplement)] = DeskSupplementPending,
            [(OnlineSubmitted, Accept)] = Received,
            [(OnlineSubmitted, RefuseAtReceipt)] = RefusedAtReceipt,
            [(OnlineSubmitted, Withdraw)] = Withdrawn,
            [(DeskSupplementPending, Resubmit)] = OnlineSubmitted,
            [(DeskSupplementPending, RefuseAtReceipt)] = RefusedAtReceipt,
            [(DeskSupplementPending, Withdraw)] = Withdrawn,
            [(Received, Transfer)] = Transferred,
            [(Transferred, Assign)] = Assigned,
            [(Assigned, StartAppraisal)] = Appraising,
            [(Appraising, RequestVerification)] = Verifying,
            [(Verifying, CompleteVerification)] = Appraising,
            [(Appraising, RequestConsultation)] = Consulting,
            [(Consulting, RecordOpinion)] = Consulting,
            [(Appraising, RecordOpinion)] = Appraising,
            [(Consulting, CompleteConsultation)] = Appraising,
            [(Appraising, SendToInterAgency)] = InterAgencyProcessing,
            [(InterAgencyProcessing, CompleteInterAgencyStep)] = InterAgencyProcessing,
            [(InterAgencyProcessing, ReturnFromInterAgency)] = Appraising,
            [(Appraising, RequestSupplement)] = SupplementRequested,
            [(SupplementRequested, CompleteSupplement)] = Appraising,
            [(Appraising, RequestFinancialObligation)] = AwaitingFinancialObligation,
            [(AwaitingFinancialObligation, ConfirmPayment)] = Appraising,
            [(Appraising, SubmitForApproval)] = AwaitingSignature,
            [(AwaitingSignature, RequestRevision)] = Appraising,
            [(AwaitingSignature, Approve)] = ResultAtDesk,
            [(Appraising, Reject)] = RejectedAfterAppraisal,
            [(AwaitingSignature, Reject)] = RejectedAfterAppraisal,
            [(ResultAtDesk, ReturnResult)] = Returned,
            [(Returned, CorrectResult)] = ResultAtDesk,
            [(Returned, RecordDelivery)] = Returned,
        };
        foreach (var s in Enum.GetValues<DossierStatus>())
        {
            t[(s, CorrectApplicant)] = s;
        }

        DossierStatus[] processing =
            [Received, Transferred, Assigned, Appraising, Verifying, Consulting, InterAgencyProcessing, AwaitingSignature, SupplementRequested, AwaitingFinancialObligation];
        foreach (var s in processing)
        {
            t[(s, IssueApology)] = s;
            t[(s, Withdraw)] = Withdrawn;
            t[(s, Stop)] = Stopped;
        }

        return t;
    }

    [Fact]
    public void AwaitsApplicant_EveryState_OnlyBeforeAcceptanceAndWhileASupplementIsDue()
    {
        var waiting = Enum.GetValues<DossierStatus>().Where(DossierWorkflow.AwaitsApplicant).ToList();

        Assert.Equal([OnlineSubmitted, DeskSupplementPending, SupplementRequested], waiting);
        // The applicant may withdraw far more widely; that alone does not open uploads.
        Assert.Contains(Appraising, Enum.GetValues<DossierStatus>().Where(s => DossierWorkflow.Transitions.ContainsKey((s, Withdraw))));
    }
}
