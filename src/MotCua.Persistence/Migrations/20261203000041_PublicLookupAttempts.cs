using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>Fixed-window counters of second-factor attempts of the public dossier lookup (per dossier code and per
/// pseudonymised client), shared by every web node (see src/MotCua.Web/Features/Dossiers/README.md, "Public lookup").</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261203000041_PublicLookupAttempts")]
public sealed class PublicLookupAttemptCounters : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PublicLookupAttempts",
            columns: table => new
            {
                Key = table.Column<string>(nullable: false, maxLength: 100),
                WindowStart = table.Column<long>(nullable: false),
                Count = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PublicLookupAttempts", x => new { x.Key, x.WindowStart }));
        migrationBuilder.CreateIndex("IX_PublicLookupAttempts_WindowStart", "PublicLookupAttempts", "WindowStart");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("PublicLookupAttempts");
}
