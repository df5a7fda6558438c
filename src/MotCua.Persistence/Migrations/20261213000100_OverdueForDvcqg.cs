using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>The statistics measure <c>OverdueForDvcqg</c> (open and late by the national portal's rule, 766 indicator
/// 2.1). Existing rows and snapshots lack it, and the migration cannot run domain code, so it empties the statistics
/// and queues every dossier: the statistics job (or <c>motcua stats rebuild</c>) recounts them all with the new
/// measure. The queue item takes the dossier's id, so the insert needs no provider-specific id function.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261213000100_OverdueForDvcqg")]
public sealed class OverdueForDvcqg : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "OverdueForDvcqg", table: "DossierDayStats", nullable: false, defaultValue: 0);
        Recount(migrationBuilder);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // As in ProcedureFinancialPause: SQLite 3.35+ drops an unindexed, unconstrained column in place.
            migrationBuilder.Sql("ALTER TABLE \"DossierDayStats\" DROP COLUMN \"OverdueForDvcqg\";");
        }
        else
        {
            migrationBuilder.DropColumn(name: "OverdueForDvcqg", table: "DossierDayStats");
        }

        Recount(migrationBuilder);
    }

    /// <summary>Empties the statistics and queues every dossier to be counted again (also used by later migrations that add
    /// measures).</summary>
    internal static void Recount(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DELETE FROM "DossierDayStats";""");
        migrationBuilder.Sql("""DELETE FROM "DossierStatSnapshots";""");
        migrationBuilder.Sql("""DELETE FROM "DossierStatQueue";""");
        migrationBuilder.Sql("""INSERT INTO "DossierStatQueue" ("Id", "DossierId", "EnqueuedAt") SELECT "Id", "Id", "SubmittedAt" FROM "Dossiers";""");
    }
}
