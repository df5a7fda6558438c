using Microsoft.EntityFrameworkCore;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>Drops the append-only triggers of migration <c>20261203000040_AppendOnlyAudit</c>, as an attacker with
/// DDL rights would before editing the audit tables behind the application's back.</summary>
public static class AppendOnlyTriggers
{
    public static Task DropAsync(AppDbContext db, DatabaseProvider provider, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ExecuteSqlRawAsync(
            provider == DatabaseProvider.Sqlite
                ? """
                  DROP TRIGGER "TR_DossierHistory_NoUpdate"; DROP TRIGGER "TR_DossierHistory_NoDelete";
                  DROP TRIGGER "TR_PersonalDataAccessLog_NoUpdate"; DROP TRIGGER "TR_PersonalDataAccessLog_NoDelete";
                  """
                : """
                  DROP TRIGGER "TR_DossierHistory_AppendOnly" ON "DossierHistory";
                  DROP TRIGGER "TR_PersonalDataAccessLog_NoUpdate" ON "PersonalDataAccessLog";
                  DROP TRIGGER "TR_PersonalDataAccessLog_NoDelete" ON "PersonalDataAccessLog";
                  """,
            ct);
    }
}
