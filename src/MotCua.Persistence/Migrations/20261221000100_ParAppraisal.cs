using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>PAR Index appraisal (issue 11 §3; domain.md §11.4 steps 4–5): the assessment's clarification and
/// finalisation stamps, the audit trail's stage (existing rows are self-scores), who appraises each area, and imported
/// survey figures. The appraised, answered and final inputs live in the assessment's <c>Items</c> JSON.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261221000100_ParAppraisal")]
public sealed class ParAppraisal : Migration
{
    private static readonly (string Name, bool Guid)[] Stamps =
    [
        ("ClarificationSentAt", false), ("ClarificationSentBy", true), ("AnsweredAt", false), ("AnsweredBy", true), ("FinalisedAt", false),
        ("FinalisedBy", true),
    ];

    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, guid) in Stamps)
        {
            if (guid)
            {
                migrationBuilder.AddColumn<Guid>(name, "ParAssessments", nullable: true);
            }
            else
            {
                migrationBuilder.AddColumn<DateTime>(name, "ParAssessments", nullable: true);
            }
        }

        migrationBuilder.AddColumn<string>("Stage", "ParAssessmentChanges", maxLength: 40, nullable: false, defaultValue: "Self");

        migrationBuilder.CreateTable(
            name: "ParAppraisalAssignments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FrameworkId = table.Column<Guid>(nullable: false),
                Area = table.Column<string>(nullable: false, maxLength: 40),
                Kind = table.Column<string>(nullable: false, maxLength: 40),
                Members = table.Column<string>(nullable: false),
                ChairId = table.Column<Guid>(nullable: true),
                AssignedBy = table.Column<Guid>(nullable: false),
                AssignedAt = table.Column<DateTime>(nullable: false),
                Revision = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ParAppraisalAssignments", x => x.Id);
                table.ForeignKey("FK_ParAppraisalAssignments_ParFrameworks_FrameworkId", x => x.FrameworkId, "ParFrameworks", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ParAppraisalAssignments_FrameworkId_Area", "ParAppraisalAssignments", ["FrameworkId", "Area"], unique: true);

        migrationBuilder.CreateTable(
            name: "ParSurveyFigures",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FrameworkId = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                SubCriterion = table.Column<string>(nullable: false, maxLength: 40),
                Value = table.Column<decimal>(nullable: false),
                Source = table.Column<string>(nullable: false, maxLength: 300),
                ImportedBy = table.Column<Guid>(nullable: false),
                ImportedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ParSurveyFigures", x => x.Id);
                table.ForeignKey("FK_ParSurveyFigures_ParFrameworks_FrameworkId", x => x.FrameworkId, "ParFrameworks", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ParSurveyFigures_OrganisationalUnits_UnitId", x => x.UnitId, "OrganisationalUnits", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ParSurveyFigures_FrameworkId_UnitId_SubCriterion", "ParSurveyFigures", ["FrameworkId", "UnitId", "SubCriterion"], unique: true);
        migrationBuilder.CreateIndex("IX_ParSurveyFigures_UnitId", "ParSurveyFigures", "UnitId");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ParSurveyFigures");
        migrationBuilder.DropTable("ParAppraisalAssignments");
        foreach (var column in Stamps.Select(s => s.Name))
        {
            DropColumn(migrationBuilder, column, "ParAssessments");
        }

        DropColumn(migrationBuilder, "Stage", "ParAssessmentChanges");
    }

    private static void DropColumn(MigrationBuilder migrationBuilder, string column, string table)
    {
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // As in ParSelfAssessmentDeadline: SQLite 3.35+ drops an unindexed, unconstrained column in place.
            migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";");
        }
        else
        {
            migrationBuilder.DropColumn(column, table);
        }
    }
}
