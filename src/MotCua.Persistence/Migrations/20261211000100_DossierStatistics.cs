using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>Dossier statistics kept incrementally (issue 10 §5): per (unit, grain, day, procedure, channel) counts, the
/// snapshot of what each dossier last contributed, and the queue of dossiers to bring up to date. Existing dossiers are
/// counted by <c>motcua stats rebuild</c> (the migration cannot run domain code).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261211000100_DossierStatistics")]
public sealed class DossierStatistics : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
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
                Received = table.Column<int>(nullable: false),
                EndedEarly = table.Column<int>(nullable: false),
                EndedOnTime = table.Column<int>(nullable: false),
                EndedLate = table.Column<int>(nullable: false),
                EndedUnclassified = table.Column<int>(nullable: false),
                EndedWithoutResult = table.Column<int>(nullable: false),
                EndedLateForDvcqg = table.Column<int>(nullable: false),
                Overdue = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DossierDayStats", x => new { x.UnitId, x.Grain, x.Day, x.ProcedureId, x.Channel }));

        migrationBuilder.CreateTable(
            name: "DossierStatSnapshots",
            columns: table => new
            {
                DossierId = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                ProcedureId = table.Column<Guid>(nullable: false),
                Channel = table.Column<string>(nullable: false, maxLength: 40),
                AppliedVersion = table.Column<int>(nullable: false),
                Contributions = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DossierStatSnapshots", x => x.DossierId));

        migrationBuilder.CreateTable(
            name: "DossierStatQueue",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DossierId = table.Column<Guid>(nullable: false),
                EnqueuedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DossierStatQueue", x => x.Id));
        migrationBuilder.CreateIndex("IX_DossierStatQueue_EnqueuedAt", "DossierStatQueue", "EnqueuedAt");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("DossierStatQueue");
        migrationBuilder.DropTable("DossierStatSnapshots");
        migrationBuilder.DropTable("DossierDayStats");
    }
}
