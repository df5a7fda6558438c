using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>The citizen account that submitted a dossier online (<c>Dossiers.OwnerUserId</c>, nullable: counter and
/// postal receipts have none), indexed for the citizen's own list.</summary>
/// <remarks>Provider-neutral like <see cref="Initial"/> (docs/adr/0002-one-migration-set-for-two-providers.md).</remarks>
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
        migrationBuilder.DropColumn("OwnerUserId", "Dossiers");
    }
}
