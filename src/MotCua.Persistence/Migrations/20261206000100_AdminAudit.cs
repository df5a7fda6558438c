using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>The administrator area's audit trail (who changed which unit, account, role assignment or desk, when, and
/// to what), append-only on both databases like the dossier history (migration 20261203000040); and the home unit of a
/// staff account, whose administrators manage it.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261206000100_AdminAudit")]
public sealed class AdminAudit : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AdminAudit",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                ActorUserId = table.Column<Guid>(nullable: false),
                Action = table.Column<string>(nullable: false, maxLength: 40),
                TargetId = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                Detail = table.Column<string>(nullable: false, maxLength: 4000),
            },
            constraints: table => table.PrimaryKey("PK_AdminAudit", x => x.Id));
        migrationBuilder.CreateIndex("IX_AdminAudit_TargetId", "AdminAudit", "TargetId");
        migrationBuilder.CreateIndex("IX_AdminAudit_UnitId_At", "AdminAudit", ["UnitId", "At"]);

        // The unit whose administrators manage a staff account (no foreign key: SQLite cannot add one to a table).
        migrationBuilder.AddColumn<Guid>("HomeUnitId", "AspNetUsers", nullable: true);
        migrationBuilder.CreateIndex("IX_AspNetUsers_HomeUnitId", "AspNetUsers", "HomeUnitId");

        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AdminAudit_NoUpdate" BEFORE UPDATE ON "AdminAudit"
                BEGIN SELECT RAISE(ABORT, 'AdminAudit is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AdminAudit_NoDelete" BEFORE DELETE ON "AdminAudit"
                BEGIN SELECT RAISE(ABORT, 'AdminAudit is append-only: DELETE refused'); END;
                """);
        }
        else
        {
            // motcua_refuse_change() comes from migration 20261203000040_AppendOnlyAudit.
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AdminAudit_AppendOnly" BEFORE UPDATE OR DELETE ON "AdminAudit"
                FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AdminAudit_NoTruncate" BEFORE TRUNCATE ON "AdminAudit"
                FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
                """);
        }
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_AspNetUsers_HomeUnitId", "AspNetUsers");
        // SQLite cannot drop a column; the column stays until the Initial migration's Down drops the table.
        if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.DropColumn("HomeUnitId", "AspNetUsers");
        }

        migrationBuilder.DropTable("AdminAudit");
    }
}
