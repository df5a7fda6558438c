using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>What the desk records at receipt and at the return of the result: the counter checklist (JSON array,
/// printed on Form 01), the return method and postal address chosen at receipt, and the postal shipment of the result
/// (QĐ 45/2016/QĐ-TTg Art. 4, 9–10). Existing dossiers get an empty checklist and the return at the desk.</summary>
/// <remarks>Provider-neutral like <see cref="Initial"/> (docs/adr/0002-one-migration-set-for-two-providers.md), except
/// the SQLite branch of <see cref="Down"/>.</remarks>
[DbContext(typeof(AppDbContext))]
[Migration("20261204000100_DeskReception")]
public sealed class DeskReception : Migration
{
    private static readonly string[] Columns =
        ["Checklist", "ReturnMethod", "ReturnAddress", "ShipmentCarrier", "ShipmentTrackingNumber", "ShipmentSentAt", "ShipmentDeliveredAt"];

    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Checklist", "Dossiers", nullable: false, defaultValue: "[]");
        migrationBuilder.AddColumn<string>("ReturnMethod", "Dossiers", maxLength: 40, nullable: false, defaultValue: "AtDesk");
        migrationBuilder.AddColumn<string>("ReturnAddress", "Dossiers", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<string>("ShipmentCarrier", "Dossiers", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>("ShipmentTrackingNumber", "Dossiers", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<DateTime>("ShipmentSentAt", "Dossiers", nullable: true);
        migrationBuilder.AddColumn<DateTime>("ShipmentDeliveredAt", "Dossiers", nullable: true);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in Columns)
        {
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                // As in DossierOwner: SQLite 3.35+ drops an unindexed, unconstrained column in place.
                migrationBuilder.Sql($"ALTER TABLE \"Dossiers\" DROP COLUMN \"{column}\";");
            }
            else
            {
                migrationBuilder.DropColumn(column, "Dossiers");
            }
        }
    }
}
