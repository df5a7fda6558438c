using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;

namespace MotCua.IntegrationTests.Dossiers;

public sealed class DossierRoundTripTests
{
    // Whole microseconds: PostgreSQL timestamptz keeps microseconds, not .NET's 100 ns ticks.
    private static readonly DateTime Received = new DateTime(2026, 11, 24, 2, 0, 0, 123, DateTimeKind.Utc).AddMicroseconds(456);

    private static readonly Guid DeskOfficer = Guid.NewGuid();
    private static readonly Guid HandlingOfficer = Guid.NewGuid();
    private static readonly Guid Head = Guid.NewGuid();

    /// <summary>A received dossier taken through transfer, assignment, a consultation, a supplement, a payment and an
    /// apology, so that every column and child table holds data.</summary>
    public static Dossier BuildRichDossier(int sequence = 7)
    {
        var calculator = new DeadlineCalculator(WorkingCalendar.MondayToFriday(2026, 2027), WorkSchedule.Default);
        var terms = new ProcedureTerms(new ProcessingTime(10, ProcessingTimeUnit.WorkingDay), DeadlinePolicy.CalendarDayEnd,
            SupplementClockPolicy.SupplementPause, FinancialObligationPausesClock: true, []);
        var now = Received;
        DossierContext Context(Guid id, DossierActorRole role) => new(now, new DossierActor(id, role), calculator, terms) { CalendarVersion = "abc123" };

        var data = new NewDossier(Guid.NewGuid(), 3, Guid.NewGuid(), Guid.NewGuid(), DossierChannel.InPerson,
            new Applicant("Nguyễn Văn Bình", "034095001234", "0912345678", "binh@example.vn", "12 Tô Hiệu"), Note: "Tiếp nhận");
        var dossier = Dossier.ReceiveAtCounter(data, DossierCode.Create("000.00.41.H56", new DateOnly(2026, 11, 24), sequence).Value, Context(DeskOfficer, DossierActorRole.DeskOfficer)).Value;

        void Fire(DossierCommand command, Guid actor, DossierActorRole role)
        {
            now = now.AddMinutes(37);
            var fired = dossier.Fire(command, Context(actor, role));
            Assert.True(fired.IsSuccess, fired.IsSuccess ? "" : $"{command.Trigger}: {fired.Error.Code} {fired.Error.Message}");
        }

        Fire(new TriggerCommand(DossierTrigger.Transfer), DeskOfficer, DossierActorRole.DeskOfficer);
        Fire(new AssignCommand(HandlingOfficer, "Giao xử lý"), Head, DossierActorRole.AgencyHead);
        Fire(new TriggerCommand(DossierTrigger.StartAppraisal), HandlingOfficer, DossierActorRole.HandlingOfficer);
        Fire(new RequestConsultationCommand([new ConsultationRequest("Sở Xây dựng", 3), new ConsultationRequest("Công an tỉnh", 2)]), HandlingOfficer, DossierActorRole.HandlingOfficer);
        Fire(new RecordOpinionCommand("Sở Xây dựng", "Đồng ý"), HandlingOfficer, DossierActorRole.HandlingOfficer);
        Fire(new TriggerCommand(DossierTrigger.CompleteConsultation), HandlingOfficer, DossierActorRole.HandlingOfficer);
        Fire(new RequestSupplementCommand("Thiếu giấy tờ", ["Bản sao CCCD", "Giấy xác nhận cư trú"]), HandlingOfficer, DossierActorRole.HandlingOfficer);
        Fire(new TriggerCommand(DossierTrigger.CompleteSupplement), DeskOfficer, DossierActorRole.DeskOfficer);
        Fire(new RequestFinancialObligationCommand(150_000m, "Lệ phí"), HandlingOfficer, DossierActorRole.HandlingOfficer);
        Fire(new ConfirmPaymentCommand("BL-0001"), DeskOfficer, DossierActorRole.DeskOfficer);
        Fire(new IssueApologyCommand("Cần xác minh thêm", dossier.CurrentAppointmentAt!.Value.AddDays(5), "Lò Văn Khánh"), Head, DossierActorRole.AgencyHead);
        return dossier;
    }

    [Theory, AllDatabases]
    public async Task Dossier_RoundTrips_WithEveryChildAndComplexProperty(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var dossier = BuildRichDossier();
        Assert.NotNull(dossier.Apology);
        Assert.NotNull(dossier.FinancialObligation);
        Assert.NotEmpty(dossier.Supplements);
        Assert.NotEmpty(dossier.Consultations);
        Assert.NotEmpty(dossier.Steps);

        await using (var db = database.CreateContext())
        {
            db.Dossiers.Add(dossier);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.Dossiers.AsNoTracking()
                .Include(d => d.History).Include(d => d.Steps).Include(d => d.Supplements).Include(d => d.Consultations)
                .AsSplitQuery().SingleAsync(ct);
            EntityAssert.AllMappedPropertiesEqual(db, dossier, loaded);
            Assert.Equal(dossier.Applicant, loaded.Applicant);
            Assert.Equal(dossier.Apology, loaded.Apology);
            Assert.Equal(dossier.FinancialObligation, loaded.FinancialObligation);
            Assert.Equal(dossier.History.Count, loaded.History.Count);
            foreach (var (expected, actual) in dossier.History.Zip(loaded.History.OrderBy(h => h.Sequence)))
            {
                EntityAssert.AllMappedPropertiesEqual(db, expected, actual);
            }

            foreach (var expected in dossier.Steps)
            {
                EntityAssert.AllMappedPropertiesEqual(db, expected, loaded.Steps.Single(s => s.Id == expected.Id));
            }

            foreach (var expected in dossier.Supplements)
            {
                EntityAssert.AllMappedPropertiesEqual(db, expected, loaded.Supplements.Single(s => s.Id == expected.Id));
            }

            foreach (var expected in dossier.Consultations)
            {
                EntityAssert.AllMappedPropertiesEqual(db, expected, loaded.Consultations.Single(s => s.Id == expected.Id));
            }

            Assert.Null(DossierHistoryChain.Verify([.. loaded.History.OrderBy(h => h.Sequence)], loaded.HistoryHash));
            Assert.Equal(dossier.Id, await db.Dossiers.Where(d => d.Code == dossier.Code).Select(d => d.Id).SingleAsync(ct));
        }
    }

    [Theory, AllDatabases]
    public async Task DossierSupportRows_RoundTrip_AllProperties(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var dossier = BuildRichDossier();
        var counter = new DossierCodeCounter { UnitId = Guid.NewGuid(), Date = new DateOnly(2026, 11, 24), LastSequence = 12 };
        var book = new RegisterBookCounter { DeskId = Guid.NewGuid(), Year = 2026, LastNumber = 345 };
        var entry = new DossierRegisterEntry { DossierId = dossier.Id, DeskId = book.DeskId, Year = 2026, Number = 345 };
        var key = new IdempotencyRecord { CallerId = Guid.NewGuid().ToString("D"), Key = "k-1", RequestHash = new string('a', 64), DossierId = dossier.Id, StatusCode = 201, ResponseBody = "{\"id\":1}", CreatedAt = Received };
        var read = new PersonalDataAccess { UserId = Guid.NewGuid(), DossierId = dossier.Id, At = Received, Purpose = "api.dossier.get", Sequence = 3, PreviousHash = new string('b', 64), Hash = new string('c', 64) };
        var readHead = new PersonalDataAccessHead { DossierId = dossier.Id, LastSequence = 3, Hash = read.Hash };
        var attempt = new PublicLookupAttempt { Key = "code:000.00.00.H00-261124-0001", WindowStart = 1_796_000_400, Count = 4 };

        await using (var db = database.CreateContext())
        {
            db.Dossiers.Add(dossier);
            db.AddRange(counter, book, entry, key, read, readHead, attempt);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            EntityAssert.AllMappedPropertiesEqual(db, counter, await db.DossierCodeCounters.SingleAsync(ct));
            EntityAssert.AllMappedPropertiesEqual(db, book, await db.RegisterBookCounters.SingleAsync(ct));
            EntityAssert.AllMappedPropertiesEqual(db, entry, await db.DossierRegisterEntries.SingleAsync(ct));
            EntityAssert.AllMappedPropertiesEqual(db, key, await db.IdempotencyKeys.SingleAsync(ct));
            EntityAssert.AllMappedPropertiesEqual(db, read, await db.PersonalDataAccessLog.SingleAsync(ct));
            EntityAssert.AllMappedPropertiesEqual(db, readHead, await db.PersonalDataAccessHeads.SingleAsync(ct));
            EntityAssert.AllMappedPropertiesEqual(db, attempt, await db.PublicLookupAttempts.SingleAsync(ct));
        }
    }
}
