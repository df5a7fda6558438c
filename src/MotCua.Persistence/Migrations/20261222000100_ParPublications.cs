using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>PAR Index published results (issue 11 §4; domain.md §11.4 step 8): one row per publication of a framework's
/// results, the results as published in a JSON column, never updated; a correction is a new row.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261222000100_ParPublications")]
public sealed class ParPublications : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ParPublications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FrameworkId = table.Column<Guid>(nullable: false),
                ProvinceUnitId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Level = table.Column<string>(nullable: false, maxLength: 40),
                Number = table.Column<int>(nullable: false),
                PublishedAt = table.Column<DateTime>(nullable: false),
                PublishedBy = table.Column<Guid>(nullable: false),
                Reason = table.Column<string>(nullable: true, maxLength: 1000),
                Snapshot = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ParPublications", x => x.Id);
                table.ForeignKey("FK_ParPublications_ParFrameworks_FrameworkId", x => x.FrameworkId, "ParFrameworks", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ParPublications_OrganisationalUnits_ProvinceUnitId", x => x.ProvinceUnitId, "OrganisationalUnits", "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ParPublications_FrameworkId_Number", "ParPublications", ["FrameworkId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_ParPublications_ProvinceUnitId_Year_Level", "ParPublications", ["ProvinceUnitId", "Year", "Level"]);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ParPublications");
    }
}
