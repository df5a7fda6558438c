using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>The citizen account that submitted a dossier online (<c>Dossiers.OwnerUserId</c>, nullable: counter and
/// postal receipts have none), indexed for the citizen's own list.</summary>
/// <remarks>Provider-neutral like <see cref="Initial"/> (docs/adr/0002-one-migration-set-for-two-providers.md), except
/// the SQLite branch of <see cref="Down"/>.</remarks>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000007_DossierOwner")]
public sealed class DossierOwner : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("OwnerUserId", "Dossiers", nullable: true);
        migrationBuilder.CreateIndex("IX_Dossiers_OwnerUserId", "Dossiers", "OwnerUserId");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Dossiers_OwnerUserId", "Dossiers");
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // EF's SQLite generator refuses DropColumn without a model snapshot (it would rebuild the table); SQLite
            // 3.35+ drops an unindexed, unconstrained column in place.
            migrationBuilder.Sql("ALTER TABLE \"Dossiers\" DROP COLUMN \"OwnerUserId\";");
        }
        else
        {
            migrationBuilder.DropColumn("OwnerUserId", "Dossiers");
        }
    }
}
