using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>Each rating keeps when its dossier's processing ended and whether it ended late by DVCQG's test, both fixed
/// once processing ends (a dossier is rated only after it ended), so 766 §5.4 counts the dislikes of a period from the
/// ratings alone, by a partial index of the dislikes on (competent unit, end, lateness). Existing ratings take them from their dossiers.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261216000100_RatingDossierEnd")]
public sealed class RatingDossierEnd : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>("DossierEndedAt", "SatisfactionRatings", nullable: true);
        migrationBuilder.AddColumn<bool>("DossierLateForDvcqg", "SatisfactionRatings", nullable: false, defaultValue: false);
        // Dossier.IsOnTimeForDvcqg() == false: ended, with an appointment, and after it or marked late by a repeated supplement.
        migrationBuilder.Sql("""
            UPDATE "SatisfactionRatings" SET
                "DossierEndedAt" = (SELECT d."ProcessingEndedAt" FROM "Dossiers" d WHERE d."Id" = "SatisfactionRatings"."DossierId"),
                "DossierLateForDvcqg" = COALESCE((
                    SELECT d."ProcessingEndedAt" IS NOT NULL AND d."CurrentAppointmentAt" IS NOT NULL
                        AND (d."MarkedLateByRepeatedSupplement" OR d."ProcessingEndedAt" > d."CurrentAppointmentAt")
                    FROM "Dossiers" d WHERE d."Id" = "SatisfactionRatings"."DossierId"), FALSE);
            """);
        migrationBuilder.CreateIndex(
            "IX_SatisfactionRatings_Dislikes", "SatisfactionRatings", ["CompetentUnitId", "DossierEndedAt", "DossierLateForDvcqg"],
            filter: "\"Overall\" IN ('VeryDissatisfied', 'Dissatisfied')");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_SatisfactionRatings_Dislikes", "SatisfactionRatings");
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // As in ProcedureFinancialPause: SQLite 3.35+ drops an unindexed, unconstrained column in place.
            migrationBuilder.Sql("ALTER TABLE \"SatisfactionRatings\" DROP COLUMN \"DossierEndedAt\";");
            migrationBuilder.Sql("ALTER TABLE \"SatisfactionRatings\" DROP COLUMN \"DossierLateForDvcqg\";");
        }
        else
        {
            migrationBuilder.DropColumn("DossierEndedAt", "SatisfactionRatings");
            migrationBuilder.DropColumn("DossierLateForDvcqg", "SatisfactionRatings");
        }
    }
}
