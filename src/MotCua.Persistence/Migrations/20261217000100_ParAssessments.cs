using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>PAR Index self-assessments (issue 11 §2; domain.md §11.4 step 3): one row per (framework, unit), the entries
/// in a JSON column, and the audit trail of score changes.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261217000100_ParAssessments")]
public sealed class ParAssessments : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ParAssessments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FrameworkId = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(nullable: false, maxLength: 40),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: false),
                SubmittedAt = table.Column<DateTime>(nullable: true),
                SubmittedBy = table.Column<Guid>(nullable: true),
                Revision = table.Column<int>(nullable: false),
                Items = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ParAssessments", x => x.Id);
                table.ForeignKey("FK_ParAssessments_ParFrameworks_FrameworkId", x => x.FrameworkId, "ParFrameworks", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ParAssessments_OrganisationalUnits_UnitId", x => x.UnitId, "OrganisationalUnits", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ParAssessments_FrameworkId_UnitId", "ParAssessments", ["FrameworkId", "UnitId"], unique: true);
        migrationBuilder.CreateIndex("IX_ParAssessments_UnitId", "ParAssessments", "UnitId");

        migrationBuilder.CreateTable(
            name: "ParAssessmentChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AssessmentId = table.Column<Guid>(nullable: false),
                SubCriterion = table.Column<string>(nullable: false, maxLength: 40),
                UserId = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                OldValue = table.Column<string>(nullable: true),
                NewValue = table.Column<string>(nullable: true),
                OldPoints = table.Column<decimal>(nullable: true),
                NewPoints = table.Column<decimal>(nullable: true),
                Reason = table.Column<string>(nullable: true, maxLength: 1000),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ParAssessmentChanges", x => x.Id);
                table.ForeignKey("FK_ParAssessmentChanges_ParAssessments_AssessmentId", x => x.AssessmentId, "ParAssessments", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ParAssessmentChanges_AssessmentId", "ParAssessmentChanges", "AssessmentId");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ParAssessmentChanges");
        migrationBuilder.DropTable("ParAssessments");
    }
}
