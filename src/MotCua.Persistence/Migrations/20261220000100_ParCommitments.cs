using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>PAR Index commitments (issue 11 §5; domain.md §11.4 step 9): one row per (framework, unit), the targets in a
/// JSON column, and the audit trail of openings, changes, signatures and reopenings.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261220000100_ParCommitments")]
public sealed class ParCommitments : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ParCommitments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FrameworkId = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(nullable: false, maxLength: 40),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: false),
                SignedAt = table.Column<DateTime>(nullable: true),
                SignedBy = table.Column<Guid>(nullable: true),
                Revision = table.Column<int>(nullable: false),
                Targets = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ParCommitments", x => x.Id);
                table.ForeignKey("FK_ParCommitments_ParFrameworks_FrameworkId", x => x.FrameworkId, "ParFrameworks", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ParCommitments_OrganisationalUnits_UnitId", x => x.UnitId, "OrganisationalUnits", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ParCommitments_FrameworkId_UnitId", "ParCommitments", ["FrameworkId", "UnitId"], unique: true);
        migrationBuilder.CreateIndex("IX_ParCommitments_UnitId", "ParCommitments", "UnitId");

        migrationBuilder.CreateTable(
            name: "ParCommitmentEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CommitmentId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(nullable: false, maxLength: 40),
                UserId = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Reason = table.Column<string>(nullable: true, maxLength: 1000),
                Targets = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ParCommitmentEvents", x => x.Id);
                table.ForeignKey("FK_ParCommitmentEvents_ParCommitments_CommitmentId", x => x.CommitmentId, "ParCommitments", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ParCommitmentEvents_CommitmentId", "ParCommitmentEvents", "CommitmentId");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ParCommitmentEvents");
        migrationBuilder.DropTable("ParCommitments");
    }
}
