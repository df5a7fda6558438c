using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Feedback.Pakn;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Persistence;

/// <summary>A PAKN case with everything set (submitter, contents, deadlines and their settings version, review, answer,
/// publication channels, history) round-trips on both databases; a case loaded without its history can still be fired
/// and saved; the tracking code is unique in the database itself.</summary>
public sealed class PaknRoundTripTests
{
    private static readonly Guid Receiving = Guid.Parse("0197b000-0000-7000-8000-000000000001");
    private static readonly Guid Handling = Guid.Parse("0197b000-0000-7000-8000-000000000002");

    [Theory, AllDatabases]
    public async Task PaknCase_RoundTrips_WithHistory_AndFiresWhenLoadedWithoutIt(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var calculator = new DeadlineCalculator(WorkingCalendar.MondayToFriday(2026, 2027), WorkSchedule.Default);
        var at = new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc);
        PaknContext Ctx(PaknActorRole role, double hours = 0) => new(at.AddHours(hours), new PaknActor(Guid.NewGuid(), role), calculator, PaknDeadlineSchedule.Default);

        var submitter = new PaknSubmitter("Lò Văn Pọm", "Bản Hụm, phường Tô Hiệu", "0912 345 678", "pom@example.vn", Guid.NewGuid());
        var data = new NewPaknCase(PaknTrackingCode.Generate(2026), PaknKind.Petition, PaknChannel.DeskPaper, submitter,
            "Đề nghị bỏ bản sao sổ hộ khẩu", "Đề nghị bỏ yêu cầu nộp bản sao sổ hộ khẩu vì dữ liệu dân cư đã kết nối.", Receiving)
        {
            DossierId = Guid.NewGuid(),
            ProcedureCode = new ProcedureCode("1.001234"),
            Categories = [PaknContentCategory.UnsuitableToReality, PaknContentCategory.ProposedSolution],
            Note = "Nhận qua bưu điện",
            ExternalId = "SO-2026-0012",
        };
        var pakn = PaknCase.Submit(data, Ctx(PaknActorRole.ReceptionOfficer)).Value;
        Fire(pakn, new ClassifyPaknCommand(PaknClassification.Regulation, PaknKind.Petition, [PaknContentCategory.UnsuitableToReality, PaknContentCategory.ProposedSolution], Handling), Ctx(PaknActorRole.ReceptionOfficer, 1));
        Fire(pakn, new PaknTriggerCommand(PaknTrigger.StartHandling), Ctx(PaknActorRole.HandlingOfficer, 2));
        Fire(pakn, new RecordPaknReviewCommand([.. PaknReview.Criteria.Select(c => new PaknReviewItem(c, c == PaknReviewCriterion.Simplicity ? PaknReviewVerdict.NotMet : PaknReviewVerdict.Met, c == PaknReviewCriterion.Simplicity ? "Trùng dữ liệu đã có." : null))]), Ctx(PaknActorRole.HandlingOfficer, 3));
        Fire(pakn, new DraftPaknAnswerCommand("Sở Tư pháp sẽ bỏ yêu cầu nộp bản sao sổ hộ khẩu trong thủ tục này; gọi 0912 345 678 để biết thêm.", PaknDecisionForm.AmendWithinAuthority), Ctx(PaknActorRole.HandlingOfficer, 4));
        Fire(pakn, new PaknTriggerCommand(PaknTrigger.Decide), Ctx(PaknActorRole.Approver, 5));
        Fire(pakn, new SubmitPaknForPublicationCommand(), Ctx(PaknActorRole.Approver, 6));
        Fire(pakn, new PublishPaknCommand([PaknPublicationChannel.Portal, PaknPublicationChannel.LetterToSubmitter]), Ctx(PaknActorRole.Publisher, 7));
        await using (var db = database.CreateContext())
        {
            db.PaknCases.Add(pakn);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.PaknCases.Include(c => c.History).SingleAsync(c => c.Id == pakn.Id, ct);
            Assert.Equal(pakn.TrackingCode, loaded.TrackingCode);
            Assert.Equal("SO-2026-0012", loaded.ExternalId);
            Assert.Equal(pakn.Submitter, loaded.Submitter);
            Assert.Equal(pakn.Deadlines, loaded.Deadlines);
            Assert.Equal(pakn.Categories, loaded.Categories);
            Assert.Equal(pakn.Review, loaded.Review);
            Assert.Equal(pakn.PublicationChannels, loaded.PublicationChannels);
            Assert.Equal(
                (PaknStatus.Published, PaknClassification.Regulation, Handling, data.DossierId, "1.001234", PaknDecisionForm.AmendWithinAuthority, 8),
                (loaded.Status, loaded.Classification!.Value, loaded.HandlingUnitId, loaded.DossierId, loaded.ProcedureCode!.Value.Value, loaded.DecisionForm!.Value, loaded.Version));
            Assert.Equal((pakn.AnswerText, pakn.PublishedAnswer, pakn.PublishedAt, pakn.PublicationDueAt, pakn.HandlingCompletedAt),
                (loaded.AnswerText, loaded.PublishedAnswer, loaded.PublishedAt, loaded.PublicationDueAt, loaded.HandlingCompletedAt));
            Assert.DoesNotContain("345 678", loaded.PublishedAnswer, StringComparison.Ordinal);
            Assert.Equal(pakn.History.Select(h => (h.Sequence, h.Trigger, h.From, h.To, h.ActorRole, h.Note, h.Detail, h.At)),
                loaded.History.OrderBy(h => h.Sequence).Select(h => (h.Sequence, h.Trigger, h.From, h.To, h.ActorRole, h.Note, h.Detail, h.At)));
        }

        await using (var db = database.CreateContext())
        {
            var withoutHistory = await db.PaknCases.SingleAsync(c => c.Id == pakn.Id, ct);
            Fire(withoutHistory, new PaknReasonCommand(PaknTrigger.ReplyDissatisfied, "Chưa giải quyết được vướng mắc."), Ctx(PaknActorRole.Citizen, 8));
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var reopened = await db.PaknCases.Include(c => c.History).SingleAsync(c => c.Id == pakn.Id, ct);
            Assert.Equal((PaknStatus.InProgress, 1, 9, 9), (reopened.Status, reopened.ReopenCount, reopened.Version, reopened.History.Count));

            var clash = PaknCase.Submit(data with { }, Ctx(PaknActorRole.ReceptionOfficer, 9)).Value;
            db.PaknCases.Add(clash);
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
            Assert.True(DatabaseErrors.IsUniqueViolation(refused), refused.InnerException?.Message);
        }

        // The source identifier alone is unique too (another tracking code, the same imported row).
        await using (var db = database.CreateContext())
        {
            db.PaknCases.Add(PaknCase.Submit(data with { TrackingCode = PaknTrackingCode.Generate(2026) }, Ctx(PaknActorRole.ReceptionOfficer, 9)).Value);
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
            Assert.True(DatabaseErrors.IsUniqueViolation(refused), refused.InnerException?.Message);
        }

        // Cases without one are not constrained by it.
        await using (var db = database.CreateContext())
        {
            db.PaknCases.Add(PaknCase.Submit(data with { TrackingCode = PaknTrackingCode.Generate(2026), ExternalId = null }, Ctx(PaknActorRole.ReceptionOfficer, 9)).Value);
            db.PaknCases.Add(PaknCase.Submit(data with { TrackingCode = PaknTrackingCode.Generate(2026), ExternalId = null }, Ctx(PaknActorRole.ReceptionOfficer, 9)).Value);
            await db.SaveChangesAsync(ct);
        }

        // Readers' reactions: every column back, one per reader and case.
        var reaction = PaknReaction.Create(Guid.NewGuid(), pakn, "c:" + new string('b', 64), PaknReactionKind.Dislike, at).Value;
        await using (var db = database.CreateContext())
        {
            db.PaknReactions.Add(reaction);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            EntityAssert.AllMappedPropertiesEqual(db, reaction, await db.PaknReactions.SingleAsync(r => r.Id == reaction.Id, ct));
            db.PaknReactions.Add(PaknReaction.Create(Guid.NewGuid(), pakn, reaction.ReaderKey, PaknReactionKind.Like, at).Value);
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
            Assert.True(DatabaseErrors.IsUniqueViolation(refused), refused.InnerException?.Message);
        }
    }

    private static void Fire(PaknCase pakn, PaknCommand command, PaknContext context)
    {
        var fired = pakn.Fire(command, context);
        Assert.True(fired.IsSuccess, fired.IsFailure ? $"{command.Trigger}: {fired.Error.Code} {fired.Error.Message}" : null);
    }
}
