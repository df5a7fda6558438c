using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>The receiving unit (the desk's host, <c>Dossier.ReceivingUnitId</c>) as the last part of the statistics' key,
/// so the service-centre Biểu 06 reads aggregates: <c>DossierDayStats</c> gains <c>ReceivingUnitId</c> in its primary key
/// and an index (receiving unit, grain, day) for the rows by receiving unit (grains <c>DeskDay</c> and <c>DeskMonth</c>;
/// the rows by competent unit have it empty); the snapshots record it. SQLite cannot change a primary key in place, and
/// the rows must be counted again anyway (a row cannot be split by receiving unit without the dossiers), so on both
/// databases the table is dropped and created again; then, as in <c>OverdueForDvcqg</c>, every dossier is queued for the
/// statistics job (or <c>motcua stats rebuild</c>) to recount.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261218000100_StatisticsReceivingUnit")]
public sealed class StatisticsReceivingUnit : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("DossierDayStats");
        CreateDayStats(migrationBuilder, byReceivingUnit: true);
        migrationBuilder.AddColumn<Guid>(name: "ReceivingUnitId", table: "DossierStatSnapshots", nullable: false, defaultValue: Guid.Empty);
        OverdueForDvcqg.Recount(migrationBuilder);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("DossierDayStats");
        CreateDayStats(migrationBuilder, byReceivingUnit: false);
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // As in ProcedureFinancialPause: SQLite 3.35+ drops an unindexed, unconstrained column in place.
            migrationBuilder.Sql("ALTER TABLE \"DossierStatSnapshots\" DROP COLUMN \"ReceivingUnitId\";");
        }
        else
        {
            migrationBuilder.DropColumn(name: "ReceivingUnitId", table: "DossierStatSnapshots");
        }

        OverdueForDvcqg.Recount(migrationBuilder);
    }

    // The table as the model has it after DocumentMeasures (every measure), with or without the receiving unit.
    private static void CreateDayStats(MigrationBuilder migrationBuilder, bool byReceivingUnit)
    {
        migrationBuilder.CreateTable(
            name: "DossierDayStats",
            columns: table => new
            {
                UnitId = table.Column<Guid>(nullable: false),
                Grain = table.Column<string>(nullable: false, maxLength: 40),
                Day = table.Column<DateOnly>(nullable: false),
                ProcedureId = table.Column<Guid>(nullable: false),
                Channel = table.Column<string>(nullable: false, maxLength: 40),
                ReceivingUnitId = table.Column<Guid>(nullable: false),
                Received = table.Column<int>(nullable: false),
                EndedEarly = table.Column<int>(nullable: false),
                EndedOnTime = table.Column<int>(nullable: false),
                EndedLate = table.Column<int>(nullable: false),
                EndedUnclassified = table.Column<int>(nullable: false),
                EndedWithoutResult = table.Column<int>(nullable: false),
                EndedLateForDvcqg = table.Column<int>(nullable: false),
                Overdue = table.Column<int>(nullable: false),
                OverdueForDvcqg = table.Column<int>(nullable: false),
                ReceivedDigitised = table.Column<int>(nullable: false),
                ReceivedReusingData = table.Column<int>(nullable: false),
                EndedWithElectronicResult = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                if (byReceivingUnit)
                {
                    table.PrimaryKey("PK_DossierDayStats", x => new { x.UnitId, x.Grain, x.Day, x.ProcedureId, x.Channel, x.ReceivingUnitId });
                }
                else
                {
                    table.PrimaryKey("PK_DossierDayStats", x => new { x.UnitId, x.Grain, x.Day, x.ProcedureId, x.Channel });
                }
            });
        if (byReceivingUnit)
        {
            migrationBuilder.CreateIndex("IX_DossierDayStats_ReceivingUnitId_Grain_Day", "DossierDayStats", ["ReceivingUnitId", "Grain", "Day"]);
        }
        else
        {
            // The column exists only with the receiving unit; Down drops it with the table it was created in.
            migrationBuilder.Sql("ALTER TABLE \"DossierDayStats\" DROP COLUMN \"ReceivingUnitId\";");
        }
    }
}
