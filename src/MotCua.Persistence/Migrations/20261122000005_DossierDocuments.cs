using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>Metadata of files uploaded on dossiers; the bytes are in the content store
/// (docs/adr/0002-one-migration-set-for-two-providers.md).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000005_DossierDocuments")]
public sealed class DossierDocuments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DossierDocuments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DossierId = table.Column<Guid>(nullable: false),
                ComponentName = table.Column<string>(nullable: false, maxLength: 500),
                RequiredDocumentIndex = table.Column<int>(nullable: true),
                FileName = table.Column<string>(nullable: true, maxLength: 255),
                Sha256 = table.Column<string>(nullable: false, maxLength: 64),
                Length = table.Column<long>(nullable: false),
                ContentType = table.Column<string>(nullable: false, maxLength: 100),
                UploadedBy = table.Column<Guid>(nullable: false),
                UploadedAt = table.Column<DateTime>(nullable: false),
                UploaderKind = table.Column<string>(nullable: false, maxLength: AppDbContext.EnumMaxLength),
                Digitised = table.Column<bool>(nullable: false),
                ReusedFromDigitisedData = table.Column<bool>(nullable: false),
                IsElectronicResult = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DossierDocuments", x => x.Id);
                table.ForeignKey("FK_DossierDocuments_Dossiers_DossierId", x => x.DossierId, "Dossiers", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_DossierDocuments_DossierId_UploadedAt", "DossierDocuments", ["DossierId", "UploadedAt"]);
        migrationBuilder.CreateIndex("IX_DossierDocuments_Sha256", "DossierDocuments", "Sha256");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "DossierDocuments");
    }
}
