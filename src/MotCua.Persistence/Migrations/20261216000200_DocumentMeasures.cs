using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>The statistics measures of 766 group 5 from the dossiers' documents: <c>ReceivedDigitised</c> (4.2),
/// <c>ReceivedReusingData</c> (4.3) and <c>EndedWithElectronicResult</c> (4.1). As in <c>OverdueForDvcqg</c>, the
/// migration cannot run domain code, so it empties the statistics and queues every dossier for the statistics job (or
/// <c>motcua stats rebuild</c>) to recount with the new measures.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261216000200_DocumentMeasures")]
public sealed class DocumentMeasures : Migration
{
    private static readonly string[] Columns = ["ReceivedDigitised", "ReceivedReusingData", "EndedWithElectronicResult"];

    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var column in Columns)
        {
            migrationBuilder.AddColumn<int>(name: column, table: "DossierDayStats", nullable: false, defaultValue: 0);
        }

        OverdueForDvcqg.Recount(migrationBuilder);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in Columns)
        {
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                // As in ProcedureFinancialPause: SQLite 3.35+ drops an unindexed, unconstrained column in place.
                migrationBuilder.Sql($"ALTER TABLE \"DossierDayStats\" DROP COLUMN \"{column}\";");
            }
            else
            {
                migrationBuilder.DropColumn(name: column, table: "DossierDayStats");
            }
        }

        OverdueForDvcqg.Recount(migrationBuilder);
    }
}
