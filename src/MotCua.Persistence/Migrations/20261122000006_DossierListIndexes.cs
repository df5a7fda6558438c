using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>List indexes in keyset order: (unit, status, SubmittedAt, Id) and (unit, SubmittedAt, Id) for the receiving
/// and the competent unit, replacing (unit, status). Measured in docs/benchmarks.md: a page of a unit's list went from a
/// sort of every match (≈300 ms at 1M dossiers) to a backward index scan.</summary>
/// <remarks>Provider-neutral like <see cref="Initial"/> (docs/adr/0002-one-migration-set-for-two-providers.md).</remarks>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000006_DossierListIndexes")]
public sealed class DossierListIndexes : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Dossiers_ReceivingUnitId_Status", "Dossiers");
        migrationBuilder.DropIndex("IX_Dossiers_CompetentUnitId_Status", "Dossiers");
        migrationBuilder.CreateIndex("IX_Dossiers_ReceivingUnitId_Status_SubmittedAt_Id", "Dossiers", ["ReceivingUnitId", "Status", "SubmittedAt", "Id"]);
        migrationBuilder.CreateIndex("IX_Dossiers_CompetentUnitId_Status_SubmittedAt_Id", "Dossiers", ["CompetentUnitId", "Status", "SubmittedAt", "Id"]);
        migrationBuilder.CreateIndex("IX_Dossiers_ReceivingUnitId_SubmittedAt_Id", "Dossiers", ["ReceivingUnitId", "SubmittedAt", "Id"]);
        migrationBuilder.CreateIndex("IX_Dossiers_CompetentUnitId_SubmittedAt_Id", "Dossiers", ["CompetentUnitId", "SubmittedAt", "Id"]);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Dossiers_CompetentUnitId_SubmittedAt_Id", "Dossiers");
        migrationBuilder.DropIndex("IX_Dossiers_ReceivingUnitId_SubmittedAt_Id", "Dossiers");
        migrationBuilder.DropIndex("IX_Dossiers_CompetentUnitId_Status_SubmittedAt_Id", "Dossiers");
        migrationBuilder.DropIndex("IX_Dossiers_ReceivingUnitId_Status_SubmittedAt_Id", "Dossiers");
        migrationBuilder.CreateIndex("IX_Dossiers_ReceivingUnitId_Status", "Dossiers", ["ReceivingUnitId", "Status"]);
        migrationBuilder.CreateIndex("IX_Dossiers_CompetentUnitId_Status", "Dossiers", ["CompetentUnitId", "Status"]);
    }
}
