using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MotCua.Persistence.Configurations;

namespace MotCua.Persistence.Migrations;

/// <summary>PAKN imported from a file (issue 9 §2): the identifier in the source system or register, unique among the
/// cases that have one, so that importing the same file again adds nothing.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261210000300_PaknExternalId")]
public sealed class PaknExternalId : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("ExternalId", "PaknCases", maxLength: 64, nullable: true);
        migrationBuilder.CreateIndex("IX_PaknCases_ExternalId", "PaknCases", "ExternalId", unique: true, filter: PaknCaseConfiguration.ExternalIdFilter);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_PaknCases_ExternalId", "PaknCases");
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // As in ProcedureFinancialPause: SQLite 3.35+ drops an unindexed, unconstrained column in place.
            migrationBuilder.Sql("ALTER TABLE \"PaknCases\" DROP COLUMN \"ExternalId\";");
        }
        else
        {
            migrationBuilder.DropColumn("ExternalId", "PaknCases");
        }
    }
}
