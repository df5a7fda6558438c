using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>Readers' likes and dislikes of published PAKN answers on this portal (issue 9 §2): one row per reader and
/// case; the reader is a pseudonymous key (an account, or the hash of a random cookie), never a name or an address.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261210000100_PaknReactions")]
public sealed class PaknReactions : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PaknReactions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CaseId = table.Column<Guid>(nullable: false),
                ReaderKey = table.Column<string>(nullable: false, maxLength: 66),
                Kind = table.Column<string>(nullable: false, maxLength: 40),
                ReactedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PaknReactions", x => x.Id);
                table.ForeignKey("FK_PaknReactions_PaknCases_CaseId", x => x.CaseId, "PaknCases", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PaknReactions_CaseId_ReaderKey", "PaknReactions", ["CaseId", "ReaderKey"], unique: true);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("PaknReactions");
}
