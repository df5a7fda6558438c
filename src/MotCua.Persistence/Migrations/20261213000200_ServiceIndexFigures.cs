using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>Imported 766 figures (<c>ServiceIndexFigures</c>): the counts of indicators MotCua cannot compute, per unit,
/// period and indicator.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261213000200_ServiceIndexFigures")]
public sealed class ServiceIndexFigures : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ServiceIndexFigures",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                PeriodFirst = table.Column<DateOnly>(nullable: false),
                PeriodLast = table.Column<DateOnly>(nullable: false),
                IndicatorId = table.Column<string>(maxLength: 40, nullable: false),
                Numerator = table.Column<long>(nullable: false),
                Denominator = table.Column<long>(nullable: false),
                SourceNote = table.Column<string>(maxLength: 500, nullable: false),
                ImportedById = table.Column<Guid>(nullable: true),
                ImportedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ServiceIndexFigures", x => x.Id);
                table.ForeignKey("FK_ServiceIndexFigures_OrganisationalUnits_UnitId", x => x.UnitId, "OrganisationalUnits", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(
            "IX_ServiceIndexFigures_Unit_Period_Indicator", "ServiceIndexFigures",
            ["UnitId", "PeriodFirst", "PeriodLast", "IndicatorId"], unique: true);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ServiceIndexFigures");
}
