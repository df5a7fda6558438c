using Microsoft.EntityFrameworkCore;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Administration;
using MotCua.Persistence.Portal;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.Persistence;

/// <summary>Round trips of the citizen portal's drafts and the administrator area's audit rows, on both databases
/// (every mapped entity has one: <see cref="EntityRoundTripTests.Model_EveryEntityType_HasARoundTripTest"/>).</summary>
public sealed class PortalAndAdminRoundTripTests
{
    [Theory, AllDatabases]
    public async Task SubmissionDraft_RoundTrips_WithItsFiles_AndGoesWithItsOwner(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        Guid procedureId;
        await using (var db = database.CreateContext())
        {
            await new DatabaseSeeder(db).SeedAsync("demo", ct);
            procedureId = await db.Procedures.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
        }

        var at = new DateTime(2026, 12, 3, 9, 30, 15, DateTimeKind.Utc);
        var draft = new SubmissionDraft
        {
            Id = Guid.NewGuid(),
            OwnerUserId = DemoData.UserId("congdan@motcua.local"),
            ProcedureId = procedureId,
            Fields = """{"fullName":"Lê Văn An","address":"Bản Hụm"}""",
            CreatedAt = at,
            UpdatedAt = at.AddMinutes(3),
        };
        draft.Files.Add(new SubmissionDraftFile
        {
            Id = Guid.NewGuid(),
            DraftId = draft.Id,
            RequiredDocumentIndex = 1,
            ComponentName = "Tờ khai",
            FileName = "to-khai.pdf",
            Sha256 = new string('a', 64),
            Length = 12_345,
            ContentType = "application/pdf",
            UploadedAt = at.AddMinutes(2),
        });
        await using (var db = database.CreateContext())
        {
            db.SubmissionDrafts.Add(draft);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.SubmissionDrafts.Include(d => d.Files).SingleAsync(d => d.Id == draft.Id, ct);
            Assert.Equal((draft.OwnerUserId, draft.ProcedureId, draft.Fields, draft.CreatedAt, draft.UpdatedAt),
                (loaded.OwnerUserId, loaded.ProcedureId, loaded.Fields, loaded.CreatedAt, loaded.UpdatedAt));
            var file = Assert.Single(loaded.Files);
            Assert.Equal((1, "Tờ khai", "to-khai.pdf", new string('a', 64), 12_345L, "application/pdf", at.AddMinutes(2)),
                (file.RequiredDocumentIndex, file.ComponentName, file.FileName, file.Sha256, file.Length, file.ContentType, file.UploadedAt));

            db.Users.Remove(await db.Users.SingleAsync(u => u.Id == draft.OwnerUserId, ct));
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            // An account's drafts (and their files) go with the account.
            Assert.False(await db.SubmissionDrafts.AnyAsync(d => d.Id == draft.Id, ct));
            Assert.Equal(0, await db.Set<SubmissionDraftFile>().CountAsync(ct));
        }
    }

    [Theory, AllDatabases]
    public async Task AdminAuditEntry_RoundTrips(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var entry = new AdminAuditEntry
        {
            Id = Guid.NewGuid(),
            At = new DateTime(2026, 12, 3, 10, 0, 1, DateTimeKind.Utc),
            ActorUserId = Guid.NewGuid(),
            Action = "unit.create",
            TargetId = Guid.NewGuid(),
            UnitId = Guid.NewGuid(),
            Detail = """{"name":"Xã Chiềng Đen"}""",
        };
        await using (var db = database.CreateContext())
        {
            db.AdminAudit.Add(entry);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.AdminAudit.SingleAsync(e => e.Id == entry.Id, ct);
            Assert.Equal((entry.At, entry.ActorUserId, entry.Action, entry.TargetId, entry.UnitId, entry.Detail),
                (loaded.At, loaded.ActorUserId, loaded.Action, loaded.TargetId, loaded.UnitId, loaded.Detail));
        }
    }
}
