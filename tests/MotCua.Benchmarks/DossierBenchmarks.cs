using BenchmarkDotNet.Attributes;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Dossiers;

namespace MotCua.Benchmarks;

/// <summary>Domain cost of a dossier's life: counter receipt plus the main path (7 transitions) with history hashing.</summary>
[MemoryDiagnoser]
public class DossierBenchmarks
{
    private static readonly DossierTrigger[] MainPath =
    [
        DossierTrigger.Transfer, DossierTrigger.Assign, DossierTrigger.StartAppraisal, DossierTrigger.SubmitForApproval,
        DossierTrigger.Approve, DossierTrigger.ReturnResult,
    ];

    private DeadlineCalculator _calculator = null!;
    private ProcedureTerms _terms = null!;
    private NewDossier _data = null!;
    private DossierCode _code;
    private DateTime _now;

    [GlobalSetup]
    public void Setup()
    {
        _calculator = new DeadlineCalculator(WorkingCalendar.MondayToFriday(2025, 2027), WorkSchedule.Default);
        _terms = new ProcedureTerms(new ProcessingTime(5, ProcessingTimeUnit.WorkingDay), DeadlinePolicy.CalendarDayEnd,
            SupplementClockPolicy.SupplementRestart, false,
            [
                new ProcessStep(1, "Tiếp nhận", PerformerRole.DeskOfficer, null, 0.5m),
                new ProcessStep(2, "Thẩm định", PerformerRole.HandlingOfficer, null, 3m),
                new ProcessStep(3, "Ký duyệt", PerformerRole.AgencyHead, null, 1m),
                new ProcessStep(4, "Vào số", PerformerRole.Clerk, null, 0.5m),
            ]);
        _data = new NewDossier(Guid.CreateVersion7(), 1, Guid.CreateVersion7(), Guid.CreateVersion7(), DossierChannel.InPerson,
            new Applicant("Nguyễn Văn A", "001090000001", null, null, null));
        _now = VietnamTime.ToUtc(new DateTime(2026, 3, 9, 9, 0, 0));
        _code = DossierCode.Create("000.00.01.H26", new DateOnly(2026, 3, 9), 1).Value;
    }

    /// <summary>Receipt and six transitions: divide by 7 for the cost per transition.</summary>
    [Benchmark]
    public int ReceiveAndProcess()
    {
        var dossier = Dossier.ReceiveAtCounter(_data, _code, Context(DossierActorRole.DeskOfficer)).Value;
        foreach (var trigger in MainPath)
        {
            var role = DossierWorkflow.Roles[trigger].Contains(DossierActorRole.AgencyHead) ? DossierActorRole.AgencyHead
                : DossierWorkflow.Roles[trigger].Contains(DossierActorRole.HandlingOfficer) ? DossierActorRole.HandlingOfficer
                : DossierActorRole.DeskOfficer;
            _ = dossier.Fire(new TriggerCommand(trigger), Context(role));
        }

        return dossier.Version;
    }

    private DossierContext Context(DossierActorRole role) => new(_now, new DossierActor(Guid.Empty, role), _calculator, _terms);
}
