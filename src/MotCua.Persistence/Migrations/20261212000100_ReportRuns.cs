using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>Recorded report runs (domain.md §12.3: parameters, the data version read, the rows and their hash) and the
/// one-row version of the dossier statistics that a run records.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261212000100_ReportRuns")]
public sealed class ReportRuns : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "StatisticsVersion",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_StatisticsVersion", x => x.Id));
        // Version 0: whatever the statistics hold when this runs (a rebuild or the next applied change raises it).
        // Plain SQL: without a model snapshot, InsertData cannot know the column types (the same statement on both providers).
        migrationBuilder.Sql("INSERT INTO \"StatisticsVersion\" (\"Id\", \"Version\") VALUES (1, 0);");

        migrationBuilder.CreateTable(
            name: "ReportRuns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Report = table.Column<string>(nullable: false, maxLength: 40),
                DefinitionVersion = table.Column<int>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                UnitName = table.Column<string>(nullable: false, maxLength: 300),
                UnitsIncluded = table.Column<int>(nullable: false),
                PeriodRule = table.Column<string>(nullable: false, maxLength: 40),
                PeriodFrom = table.Column<DateOnly>(nullable: false),
                PeriodTo = table.Column<DateOnly>(nullable: false),
                GeneratedAt = table.Column<DateTime>(nullable: false),
                GeneratedBy = table.Column<Guid>(nullable: false),
                DataVersion = table.Column<long>(nullable: false),
                RowsHash = table.Column<string>(nullable: false, maxLength: 64),
                Rows = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ReportRuns", x => x.Id));
        migrationBuilder.CreateIndex("IX_ReportRuns_UnitId_GeneratedAt", "ReportRuns", ["UnitId", "GeneratedAt"]);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ReportRuns");
        migrationBuilder.DropTable("StatisticsVersion");
    }
}
