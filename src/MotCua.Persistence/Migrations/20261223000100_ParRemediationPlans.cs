using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>PAR Index remediation plans (issue 11 §6; domain.md §11.4 step 9): one row per (framework, unit), the items in
/// a JSON column, and the audit trail of generations, item changes, approvals and Home Affairs' comments.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261223000100_ParRemediationPlans")]
public sealed class ParRemediationPlans : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ParRemediationPlans",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FrameworkId = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(nullable: false, maxLength: 40),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: false),
                GeneratedAt = table.Column<DateTime>(nullable: false),
                ApprovedAt = table.Column<DateTime>(nullable: true),
                ApprovedBy = table.Column<Guid>(nullable: true),
                Revision = table.Column<int>(nullable: false),
                Items = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ParRemediationPlans", x => x.Id);
                table.ForeignKey("FK_ParRemediationPlans_ParFrameworks_FrameworkId", x => x.FrameworkId, "ParFrameworks", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ParRemediationPlans_OrganisationalUnits_UnitId", x => x.UnitId, "OrganisationalUnits", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ParRemediationPlans_FrameworkId_UnitId", "ParRemediationPlans", ["FrameworkId", "UnitId"], unique: true);
        migrationBuilder.CreateIndex("IX_ParRemediationPlans_UnitId", "ParRemediationPlans", "UnitId");

        migrationBuilder.CreateTable(
            name: "ParRemediationEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(nullable: false, maxLength: 40),
                UserId = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                ItemCode = table.Column<string>(nullable: true, maxLength: 40),
                Text = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ParRemediationEvents", x => x.Id);
                table.ForeignKey("FK_ParRemediationEvents_ParRemediationPlans_PlanId", x => x.PlanId, "ParRemediationPlans", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ParRemediationEvents_PlanId", "ParRemediationEvents", "PlanId");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ParRemediationEvents");
        migrationBuilder.DropTable("ParRemediationPlans");
    }
}
