using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>A PAR Index framework carries the last day its units submit their self-assessment by (issue 11 §2; a
/// schedule, settable on an issued framework): the assessment view counts the days left, flags late submissions, and the
/// daily reminders go to units that have not submitted.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261219000100_ParSelfAssessmentDeadline")]
public sealed class ParSelfAssessmentDeadline : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateOnly>("SelfAssessmentDeadline", "ParFrameworks", nullable: true);

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // As in RatingDossierEnd: SQLite 3.35+ drops an unindexed, unconstrained column in place.
            migrationBuilder.Sql("ALTER TABLE \"ParFrameworks\" DROP COLUMN \"SelfAssessmentDeadline\";");
        }
        else
        {
            migrationBuilder.DropColumn("SelfAssessmentDeadline", "ParFrameworks");
        }
    }
}
