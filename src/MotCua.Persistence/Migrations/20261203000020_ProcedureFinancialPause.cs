using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>Whether waiting for a payment pauses the clock, per procedure version
/// (<c>Procedures.FinancialObligationPausesClock</c>; docs/dossier-rules.md, clock policies). Existing versions keep
/// the old behaviour (no pause); the seed sets the flag where sector law pauses.</summary>
/// <remarks>Provider-neutral like <see cref="Initial"/> (docs/adr/0002-one-migration-set-for-two-providers.md), except
/// the SQLite branch of <see cref="Down"/>.</remarks>
[DbContext(typeof(AppDbContext))]
[Migration("20261203000020_ProcedureFinancialPause")]
public sealed class ProcedureFinancialPause : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<bool>("FinancialObligationPausesClock", "Procedures", nullable: false, defaultValue: false);

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // As in DossierOwner: SQLite 3.35+ drops an unindexed, unconstrained column in place.
            migrationBuilder.Sql("ALTER TABLE \"Procedures\" DROP COLUMN \"FinancialObligationPausesClock\";");
        }
        else
        {
            migrationBuilder.DropColumn("FinancialObligationPausesClock", "Procedures");
        }
    }
}
