using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>Outbox rows whose body carries a secret (survey invitations, issue 9 §3): the processor blanks their
/// recipient and body once sent or given up on. Existing rows keep theirs (false).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261210000200_OutboxPurgeAfterSend")]
public sealed class OutboxPurgeAfterSend : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<bool>("PurgeAfterSend", "OutboxMessages", nullable: false, defaultValue: false);

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // As in ProcedureFinancialPause: SQLite 3.35+ drops an unindexed, unconstrained column in place.
            migrationBuilder.Sql("ALTER TABLE \"OutboxMessages\" DROP COLUMN \"PurgeAfterSend\";");
        }
        else
        {
            migrationBuilder.DropColumn("PurgeAfterSend", "OutboxMessages");
        }
    }
}
