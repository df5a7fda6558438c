using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>PAR Index frameworks (issue 11 §1; domain.md §11): one row per version of a province's framework for a year
/// and level, the tree of areas in a JSON column.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261214000100_ParFrameworks")]
public sealed class ParFrameworks : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ParFrameworks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProvinceUnitId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Level = table.Column<string>(nullable: false, maxLength: 40),
                Version = table.Column<int>(nullable: false),
                Code = table.Column<string>(nullable: false, maxLength: 40),
                Name = table.Column<string>(nullable: false, maxLength: 300),
                DecisionNumber = table.Column<string>(nullable: true, maxLength: 100),
                DecisionDate = table.Column<DateOnly>(nullable: true),
                Status = table.Column<string>(nullable: false, maxLength: 40),
                CopiedFromId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                IssuedAt = table.Column<DateTime>(nullable: true),
                Revision = table.Column<int>(nullable: false),
                Tree = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ParFrameworks", x => x.Id);
                table.ForeignKey("FK_ParFrameworks_OrganisationalUnits_ProvinceUnitId", x => x.ProvinceUnitId, "OrganisationalUnits", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ParFrameworks_ParFrameworks_CopiedFromId", x => x.CopiedFromId, "ParFrameworks", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ParFrameworks_CopiedFromId", "ParFrameworks", "CopiedFromId");
        migrationBuilder.CreateIndex(
            "IX_ParFrameworks_ProvinceUnitId_Year_Level_Version", "ParFrameworks", ["ProvinceUnitId", "Year", "Level", "Version"], unique: true);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ParFrameworks");
}
