using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MotCua.IntegrationTests.Cli;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>The history and the personal-data read log are append-only (triggers) and hash-chained (audit verify).</summary>
public sealed class AuditTrailTests
{
    private static readonly DateTime ReadAt = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);

    [Theory, AllDatabases]
    public async Task RawUpdateAndDelete_OnHistoryAndReadLog_AreRefusedByTheDatabase(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var dossier = await AddDossierAsync(database, ct);
        await using (var db = database.CreateContext())
        {
            await PersonalDataReadLog.AppendAsync(db, Guid.NewGuid(), dossier.Id, ReadAt, "api.dossier.get", ct);
        }

        var other = Guid.NewGuid();
        FormattableString[] statements =
        [
            $"UPDATE \"DossierHistory\" SET \"Note\" = 'sửa lén' WHERE \"DossierId\" = {dossier.Id}",
            $"DELETE FROM \"DossierHistory\" WHERE \"DossierId\" = {dossier.Id}",
            $"DELETE FROM \"DossierHistory\"",
            $"UPDATE \"PersonalDataAccessLog\" SET \"UserId\" = {other} WHERE \"DossierId\" = {dossier.Id}",
            $"UPDATE \"PersonalDataAccessLog\" SET \"Hash\" = ''",
            $"DELETE FROM \"PersonalDataAccessLog\" WHERE \"DossierId\" = {dossier.Id}",
            .. provider == DatabaseProvider.Postgres
                ? new FormattableString[] { $"TRUNCATE \"DossierHistory\"", $"TRUNCATE \"PersonalDataAccessLog\"" }
                : [],
        ];
        var refused = new List<FormattableString>();
        await using (var db = database.CreateContext())
        {
            foreach (var sql in statements)
            {
                try
                {
                    await db.Database.ExecuteSqlAsync(sql, ct);
                }
                catch (DbException e)
                {
                    Assert.Contains("append-only", e.Message, StringComparison.Ordinal);
                    refused.Add(sql);
                }
            }
        }

        Assert.Equal(statements.Select(s => s.Format), refused.Select(s => s.Format));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(dossier.History.Count, await db.DossierHistory.CountAsync(ct));
            Assert.Equal(1, await db.PersonalDataAccessLog.CountAsync(ct));
            Assert.True((await HistoryAudit.VerifyAsync(db, ct: ct)).IsIntact);
        }
    }

    [Theory, AllDatabases]
    public async Task AuditVerify_DeletedOrEditedReadLogRow_FailsNamingTheDossierAndEntry(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var dossiers = Enumerable.Range(1, 3).Select(DossierRoundTripTests.BuildRichDossier).OrderBy(d => d.Id).ToList();
        await using (var db = database.CreateContext())
        {
            db.Dossiers.AddRange(dossiers);
            await db.SaveChangesAsync(ct);
            foreach (var (dossier, reads) in dossiers.Zip([1, 3, 2]))
            {
                for (var i = 0; i < reads; i++)
                {
                    await PersonalDataReadLog.AppendAsync(db, Guid.NewGuid(), dossier.Id, ReadAt.AddMinutes(i), "api.dossier.get", ct);
                }
            }
        }

        var intact = await CliRunner.RunAsync(database.Options, "audit", "verify");
        // Each tampering hits a dossier earlier in id order than the last, so each run reports the newest one.
        await using (var db = database.CreateContext())
        {
            await AppendOnlyTriggers.DropAsync(db, provider, ct);
            await db.Database.ExecuteSqlAsync($"UPDATE \"PersonalDataAccessLog\" SET \"UserId\" = {Guid.NewGuid()} WHERE \"DossierId\" = {dossiers[2].Id} AND \"Sequence\" = 0", ct);
        }

        var edited = await CliRunner.RunAsync(database.Options, "audit", "verify");
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"PersonalDataAccessLog\" WHERE \"DossierId\" = {dossiers[1].Id} AND \"Sequence\" = 1", ct);
        }

        var middleDeleted = await CliRunner.RunAsync(database.Options, "audit", "verify");
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"PersonalDataAccessLog\" WHERE \"DossierId\" = {dossiers[0].Id}", ct);
        }

        var onlyEntryDeleted = await CliRunner.RunAsync(database.Options, "audit", "verify");

        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("3 hồ sơ", intact.Output, StringComparison.Ordinal);
        Assert.Contains("6 lượt truy cập dữ liệu cá nhân", intact.Output, StringComparison.Ordinal);
        Assert.Equal(1, edited.ExitCode);
        Assert.Contains($"hồ sơ {dossiers[2].Id:D}", edited.Output, StringComparison.Ordinal);
        Assert.Contains("mục nhật ký truy cập dữ liệu cá nhân 0.", edited.Output, StringComparison.Ordinal);
        Assert.Equal(1, middleDeleted.ExitCode);
        Assert.Contains($"hồ sơ {dossiers[1].Id:D}", middleDeleted.Output, StringComparison.Ordinal);
        Assert.Contains("mục nhật ký truy cập dữ liệu cá nhân 1.", middleDeleted.Output, StringComparison.Ordinal);
        // The dossier's only read removed: the chain is empty but its head still names the lost entry.
        Assert.Equal(1, onlyEntryDeleted.ExitCode);
        Assert.Contains($"hồ sơ {dossiers[0].Id:D}", onlyEntryDeleted.Output, StringComparison.Ordinal);
        Assert.Contains("mục nhật ký truy cập dữ liệu cá nhân 0.", onlyEntryDeleted.Output, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task ConcurrentReads_OfOneDossier_LandOnOneChain(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var dossier = await AddDossierAsync(database, ct);

        // Sustained contention: with optimistic retries alone (no lock on the head) some appends ran out of retries.
        const int Readers = 16;
        const int ReadsEach = 20;
        using var start = new Barrier(Readers);
        await Task.WhenAll(Enumerable.Range(0, Readers).Select(reader => Task.Run(
            async () =>
            {
                start.SignalAndWait(ct);
                for (var i = 0; i < ReadsEach; i++)
                {
                    await using var db = database.CreateContext();
                    await PersonalDataReadLog.AppendAsync(db, Guid.NewGuid(), dossier.Id, ReadAt.AddSeconds((reader * ReadsEach) + i), "api.dossier.get", ct);
                }
            },
            ct)));

        await using (var db = database.CreateContext())
        {
            var rows = await db.PersonalDataAccessLog.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync(ct);
            Assert.Equal(Enumerable.Range(0, Readers * ReadsEach), rows.Select(r => r.Sequence));
            Assert.Equal(Readers * ReadsEach, rows.Select(r => r.At).Distinct().Count());
            var head = await db.PersonalDataAccessHeads.SingleAsync(ct);
            Assert.Null(PersonalDataAccessChain.Verify(rows, head.Hash));
            Assert.Equal((Readers * ReadsEach) - 1, head.LastSequence);
        }
    }

    [Theory, AllDatabases]
    public async Task ListReads_LoggedUnsealed_ThenSealedOnceOntoTheChain_UnderConcurrentWritersAndSealers(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var dossier = await AddDossierAsync(database, ct);

        // Lists log without locking the head; single reads chain at once; two sealers run while both keep writing.
        const int Writers = 6;
        const int ReadsEach = 15;
        using var start = new Barrier(Writers + 2);
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(
            async () =>
            {
                start.SignalAndWait(ct);
                for (var i = 0; i < ReadsEach; i++)
                {
                    await using var db = database.CreateContext();
                    var at = ReadAt.AddSeconds((writer * ReadsEach) + i);
                    if (writer % 2 == 0)
                    {
                        await PersonalDataReadLog.EnqueueAsync(db, [new PersonalDataAccess { UserId = Guid.NewGuid(), DossierId = dossier.Id, At = at, Purpose = "api.dossier.list" }], ct);
                    }
                    else
                    {
                        await PersonalDataReadLog.AppendAsync(db, Guid.NewGuid(), dossier.Id, at, "api.dossier.get", ct);
                    }
                }
            },
            ct)).ToList();
        var sealers = Enumerable.Range(0, 2).Select(_ => Task.Run(
            async () =>
            {
                start.SignalAndWait(ct);
                var sealedRows = 0;
                while (!writers.All(w => w.IsCompleted))
                {
                    await using var db = database.CreateContext();
                    sealedRows += await PersonalDataReadLog.SealUnchainedAsync(db, ct);
                }

                return sealedRows;
            },
            ct)).ToList();
        await Task.WhenAll(writers);
        var sealedBySealers = (await Task.WhenAll(sealers)).Sum();

        await using (var db = database.CreateContext())
        {
            var before = await HistoryAudit.VerifyAsync(db, ct: ct);
            Assert.True(before.IsIntact);
            var pending = before.ReadsPending;
            Assert.Equal(Writers * ReadsEach, before.ReadsChecked + pending);
            Assert.Equal(pending, await PersonalDataReadLog.SealUnchainedAsync(db, ct));
            Assert.Equal((Writers / 2 * ReadsEach) - pending, sealedBySealers);
        }

        await using (var db = database.CreateContext())
        {
            var rows = await db.PersonalDataAccessLog.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync(ct);
            Assert.Equal(Enumerable.Range(0, Writers * ReadsEach), rows.Select(r => r.Sequence));
            Assert.Equal(Writers / 2 * ReadsEach, rows.Count(r => r.Purpose == "api.dossier.list"));
            Assert.Null(PersonalDataAccessChain.Verify(rows, (await db.PersonalDataAccessHeads.SingleAsync(ct)).Hash));
            var after = await HistoryAudit.VerifyAsync(db, ct: ct);
            Assert.Equal((true, (long)(Writers * ReadsEach), 0L), (after.IsIntact, after.ReadsChecked, after.ReadsPending));
        }
    }

    [Theory, AllDatabases]
    public async Task Migration_SealsReadsLoggedBeforeTheChain_OldestFirst(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateEmptyAsync(provider, ct);
        var dossier = DossierRoundTripTests.BuildRichDossier();
        var readers = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261122000007_DossierOwner", ct);
            foreach (var (reader, i) in readers.Select((r, i) => (r, i)))
            {
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO \"PersonalDataAccessLog\" (\"UserId\", \"DossierId\", \"At\", \"Purpose\") VALUES ({reader}, {dossier.Id}, {ReadAt.AddMinutes(i)}, 'api.dossier.get')", ct);
            }
        }

        await using (var db = database.CreateContext())
        {
            await DatabaseMigrator.MigrateAsync(db, ct);
            db.Dossiers.Add(dossier);
            await db.SaveChangesAsync(ct);
            await PersonalDataReadLog.AppendAsync(db, Guid.NewGuid(), dossier.Id, ReadAt.AddHours(1), "api.dossier.get", ct);
        }

        await using (var db = database.CreateContext())
        {
            var rows = await db.PersonalDataAccessLog.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync(ct);
            Assert.Equal([0, 1, 2, 3], rows.Select(r => r.Sequence));
            Assert.Equal(readers, rows.Take(3).Select(r => r.UserId));
            Assert.All(rows, r => Assert.Equal(64, r.Hash.Length));
            Assert.True((await HistoryAudit.VerifyAsync(db, ct: ct)).IsIntact);
            await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"PersonalDataAccessLog\" SET \"Hash\" = ''", ct));
        }
    }

    private static async Task<Domain.Dossiers.Dossier> AddDossierAsync(TestDatabase database, CancellationToken ct)
    {
        var dossier = DossierRoundTripTests.BuildRichDossier();
        await using var db = database.CreateContext();
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync(ct);
        return dossier;
    }
}
