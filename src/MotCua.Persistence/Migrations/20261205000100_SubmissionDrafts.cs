using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>The citizen portal's server-side drafts of online submissions and their files (issue 8 §5); the bytes are
/// in the content store (docs/adr/0002-one-migration-set-for-two-providers.md).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261205000100_SubmissionDrafts")]
public sealed class SubmissionDrafts : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SubmissionDrafts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OwnerUserId = table.Column<Guid>(nullable: false),
                ProcedureId = table.Column<Guid>(nullable: false),
                Fields = table.Column<string>(nullable: false, maxLength: 16000),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SubmissionDrafts", x => x.Id);
                table.ForeignKey("FK_SubmissionDrafts_AspNetUsers_OwnerUserId", x => x.OwnerUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_SubmissionDrafts_Procedures_ProcedureId", x => x.ProcedureId, "Procedures", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SubmissionDrafts_OwnerUserId_ProcedureId", "SubmissionDrafts", ["OwnerUserId", "ProcedureId"], unique: true);
        migrationBuilder.CreateIndex("IX_SubmissionDrafts_ProcedureId", "SubmissionDrafts", "ProcedureId");

        migrationBuilder.CreateTable(
            name: "SubmissionDraftFiles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DraftId = table.Column<Guid>(nullable: false),
                RequiredDocumentIndex = table.Column<int>(nullable: false),
                ComponentName = table.Column<string>(nullable: false, maxLength: 500),
                FileName = table.Column<string>(nullable: true, maxLength: 255),
                Sha256 = table.Column<string>(nullable: false, maxLength: 64),
                Length = table.Column<long>(nullable: false),
                ContentType = table.Column<string>(nullable: false, maxLength: 100),
                UploadedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SubmissionDraftFiles", x => x.Id);
                table.ForeignKey("FK_SubmissionDraftFiles_SubmissionDrafts_DraftId", x => x.DraftId, "SubmissionDrafts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SubmissionDraftFiles_DraftId_RequiredDocumentIndex", "SubmissionDraftFiles", ["DraftId", "RequiredDocumentIndex"], unique: true);
        migrationBuilder.CreateIndex("IX_SubmissionDraftFiles_Sha256", "SubmissionDraftFiles", "Sha256");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SubmissionDraftFiles");
        migrationBuilder.DropTable("SubmissionDrafts");
    }
}
