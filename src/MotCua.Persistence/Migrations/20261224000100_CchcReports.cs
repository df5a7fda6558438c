using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>CCHC reports (issue 11 §7; domain.md §12.1): one row per (unit, period), the narrative sections in a JSON
/// column, the figures' snapshot as JSON, and the audit trail of creations, saves, refreshes and finalisations.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261224000100_CchcReports")]
public sealed class CchcReports : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CchcReports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                PeriodRule = table.Column<string>(nullable: false, maxLength: 40),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Status = table.Column<string>(nullable: false, maxLength: 40),
                Number = table.Column<string>(nullable: true, maxLength: 50),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: false),
                FinalisedAt = table.Column<DateTime>(nullable: true),
                FinalisedBy = table.Column<Guid>(nullable: true),
                FiguresAt = table.Column<DateTime>(nullable: false),
                Figures = table.Column<string>(nullable: false),
                Revision = table.Column<int>(nullable: false),
                Sections = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CchcReports", x => x.Id);
                table.ForeignKey("FK_CchcReports_OrganisationalUnits_UnitId", x => x.UnitId, "OrganisationalUnits", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CchcReports_UnitId_PeriodRule_From_To", "CchcReports", ["UnitId", "PeriodRule", "From", "To"], unique: true);

        migrationBuilder.CreateTable(
            name: "CchcReportEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReportId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(nullable: false, maxLength: 40),
                UserId = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Detail = table.Column<string>(nullable: true, maxLength: 200),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CchcReportEvents", x => x.Id);
                table.ForeignKey("FK_CchcReportEvents_CchcReports_ReportId", x => x.ReportId, "CchcReports", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CchcReportEvents_ReportId", "CchcReportEvents", "ReportId");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CchcReportEvents");
        migrationBuilder.DropTable("CchcReports");
    }
}
