using Microsoft.EntityFrameworkCore;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Cli;

public sealed class AuditCommandTests
{
    [Theory, AllDatabases]
    public async Task AuditVerify_TamperedOrTruncatedHistory_FailsNamingTheFirstBrokenDossier(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var dossiers = Enumerable.Range(1, 3).Select(DossierRoundTripTests.BuildRichDossier).ToList();
        await using (var db = database.CreateContext())
        {
            db.Dossiers.AddRange(dossiers);
            await db.SaveChangesAsync(ct);
        }

        var intact = await CliRunner.RunAsync(database.Options, "audit", "verify");
        var tampered = dossiers[1];
        await using (var db = database.CreateContext())
        {
            await AppendOnlyTriggers.DropAsync(db, provider, ct);
            await db.Database.ExecuteSqlAsync($"UPDATE \"DossierHistory\" SET \"Note\" = 'sửa lén' WHERE \"DossierId\" = {tampered.Id} AND \"Sequence\" = 2", ct);
        }

        var edited = await CliRunner.RunAsync(database.Options, "audit", "verify");
        var truncated = dossiers[2];
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"DossierHistory\" SET \"Note\" = {tampered.History[2].Note} WHERE \"DossierId\" = {tampered.Id} AND \"Sequence\" = 2", ct);
            var last = truncated.History.Count - 1;
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"DossierHistory\" WHERE \"DossierId\" = {truncated.Id} AND \"Sequence\" = {last}", ct);
        }

        var shortened = await CliRunner.RunAsync(database.Options, "audit", "verify");

        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("3 hồ sơ", intact.Output, StringComparison.Ordinal);
        Assert.Equal(1, edited.ExitCode);
        Assert.Contains(tampered.Id.ToString("D"), edited.Output, StringComparison.Ordinal);
        Assert.Contains("mục lịch sử 2", edited.Output, StringComparison.Ordinal);
        Assert.Equal(1, shortened.ExitCode);
        Assert.Contains(truncated.Id.ToString("D"), shortened.Output, StringComparison.Ordinal);
        Assert.Contains($"mục lịch sử {truncated.History.Count - 1}", shortened.Output, StringComparison.Ordinal);
    }
}
