using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Feedback;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Persistence;

/// <summary>Round trips of a rating, its officers and its follow-up, on both databases (every mapped entity has one:
/// <see cref="EntityRoundTripTests.Model_EveryEntityType_HasARoundTripTest"/>); a second rating of the dossier is
/// refused by the database itself.</summary>
public sealed class FeedbackRoundTripTests
{
    [Theory, AllDatabases]
    public async Task Rating_RoundTrips_WithOfficersAndFollowUp_AndIsUniquePerDossier(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var dossier = DossierRoundTripTests.BuildRichDossier();
        var calculator = new DeadlineCalculator(WorkingCalendar.MondayToFriday(2026, 2027), WorkSchedule.Default);
        var terms = new ProcedureTerms(new ProcessingTime(10, ProcessingTimeUnit.WorkingDay), DeadlinePolicy.CalendarDayEnd,
            SupplementClockPolicy.SupplementPause, FinancialObligationPausesClock: true, []);
        var at = dossier.CurrentAppointmentAt!.Value.AddDays(-1);
        var withdrawn = dossier.Fire(new ReasonCommand(DossierTrigger.Withdraw, "Công dân xin rút hồ sơ"),
            new DossierContext(at, new DossierActor(Guid.NewGuid(), DossierActorRole.DeskOfficer), calculator, terms) { CalendarVersion = "abc123" });
        Assert.True(withdrawn.IsSuccess);
        var answers = new RatingAnswers(Satisfaction.Dissatisfied, 2, 1, Satisfaction.VeryDissatisfied, true, "Phải đi lại nhiều lần.");
        var rating = SatisfactionRating.Create(Guid.NewGuid(), dossier, RatingChannel.Paper, answers, at.AddHours(1), Guid.NewGuid()).Value;
        var officer = new SatisfactionRatingOfficer(rating.Id, Guid.NewGuid());
        var followUp = RatingFollowUp.Open(Guid.NewGuid(), rating, at.AddDays(7));
        await using (var db = database.CreateContext())
        {
            db.Dossiers.Add(dossier);
            db.SatisfactionRatings.Add(rating);
            db.SatisfactionRatingOfficers.Add(officer);
            db.RatingFollowUps.Add(followUp);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.SatisfactionRatings.SingleAsync(r => r.Id == rating.Id, ct);
            Assert.Equal(
                (dossier.Id, dossier.ReceivingUnitId, dossier.CompetentUnitId, RatingChannel.Paper, Satisfaction.Dissatisfied, (int?)2, (int?)1,
                    (Satisfaction?)Satisfaction.VeryDissatisfied, (bool?)true, "Phải đi lại nhiều lần.", DossierStatus.Withdrawn, rating.RatedAt, rating.RecordedById),
                (loaded.DossierId, loaded.ReceivingUnitId, loaded.CompetentUnitId, loaded.Channel, loaded.Overall, loaded.TimesContacted, loaded.AgenciesContacted,
                    loaded.StaffAttitude, loaded.UnofficialCost, loaded.Comment, loaded.DossierStatus, loaded.RatedAt, loaded.RecordedById));
            Assert.Equal((dossier.ProcessingEndedAt, dossier.IsOnTimeForDvcqg() == false), (loaded.DossierEndedAt, loaded.DossierLateForDvcqg));
            Assert.NotNull(loaded.DossierEndedAt);
            Assert.Equal(officer, await db.SatisfactionRatingOfficers.SingleAsync(o => o.RatingId == rating.Id, ct));
            var follow = await db.RatingFollowUps.SingleAsync(f => f.RatingId == rating.Id, ct);
            Assert.Equal((dossier.Id, dossier.CompetentUnitId, rating.RatedAt, at.AddDays(7), 1, true), (follow.DossierId, follow.UnitId, follow.OpenedAt, follow.DueAt, follow.Version, follow.IsOpen));

            var second = SatisfactionRating.Create(Guid.NewGuid(), dossier, RatingChannel.Portal, new RatingAnswers(Satisfaction.VerySatisfied), at.AddHours(2), null).Value;
            db.SatisfactionRatings.Add(second);
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
            Assert.True(DatabaseErrors.IsUniqueViolation(refused), refused.InnerException?.Message);
        }
    }
}
