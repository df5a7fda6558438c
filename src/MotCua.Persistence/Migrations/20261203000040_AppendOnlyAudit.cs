using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>The personal-data read log becomes a per-dossier hash chain (<c>Sequence</c>, <c>PreviousHash</c>,
/// <c>Hash</c>, head table <c>PersonalDataAccessHeads</c>), and triggers make <c>DossierHistory</c> and
/// <c>PersonalDataAccessLog</c> refuse UPDATE and DELETE on both providers (issue 7 §4; see
/// src/MotCua.Web/Features/Dossiers/README.md, "Audit trail").</summary>
/// <remarks>
/// <para>Rows logged before this migration get a temporary negative, unique <c>Sequence</c> and an empty <c>Hash</c>;
/// <see cref="DatabaseMigrator"/> then chains them in C# (<c>PersonalDataReadLog.SealUnchainedAsync</c>). The read-log
/// UPDATE trigger therefore spares rows whose stored <c>Hash</c> is still empty: that one update seals them, and no
/// sealed row can be changed or un-sealed.</para>
/// <para>SQLite drops a table's triggers when EF rebuilds the table: a later migration that rebuilds either table must
/// create the triggers again.</para>
/// </remarks>
[DbContext(typeof(AppDbContext))]
[Migration(Id)]
public sealed class AppendOnlyAudit : Migration
{
    public const string Id = "20261203000040_AppendOnlyAudit";

    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("Sequence", "PersonalDataAccessLog", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>("PreviousHash", "PersonalDataAccessLog", maxLength: 64, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>("Hash", "PersonalDataAccessLog", maxLength: 64, nullable: false, defaultValue: "");
        // Unique placeholders until the rows are sealed onto their chains (sealed positions are >= 0).
        migrationBuilder.Sql("UPDATE \"PersonalDataAccessLog\" SET \"Sequence\" = -CAST(\"Id\" AS INTEGER);");
        migrationBuilder.DropIndex("IX_PersonalDataAccessLog_DossierId", "PersonalDataAccessLog");
        migrationBuilder.CreateIndex("IX_PersonalDataAccessLog_DossierId_Sequence", "PersonalDataAccessLog", ["DossierId", "Sequence"], unique: true);

        migrationBuilder.CreateTable(
            name: "PersonalDataAccessHeads",
            columns: table => new
            {
                DossierId = table.Column<Guid>(nullable: false),
                LastSequence = table.Column<int>(nullable: false),
                Hash = table.Column<string>(nullable: false, maxLength: 64),
            },
            constraints: table => table.PrimaryKey("PK_PersonalDataAccessHeads", x => x.DossierId));

        if (migrationBuilder.ActiveProvider == Sqlite)
        {
            // RAISE(ABORT) fails the statement with SQLITE_CONSTRAINT. A DELETE without WHERE fires the triggers too
            // (SQLite turns off its truncate optimisation on tables with triggers).
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_DossierHistory_NoUpdate" BEFORE UPDATE ON "DossierHistory"
                BEGIN SELECT RAISE(ABORT, 'DossierHistory is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_DossierHistory_NoDelete" BEFORE DELETE ON "DossierHistory"
                BEGIN SELECT RAISE(ABORT, 'DossierHistory is append-only: DELETE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_PersonalDataAccessLog_NoUpdate" BEFORE UPDATE ON "PersonalDataAccessLog" WHEN OLD."Hash" <> ''
                BEGIN SELECT RAISE(ABORT, 'PersonalDataAccessLog is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_PersonalDataAccessLog_NoDelete" BEFORE DELETE ON "PersonalDataAccessLog"
                BEGIN SELECT RAISE(ABORT, 'PersonalDataAccessLog is append-only: DELETE refused'); END;
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION motcua_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_DossierHistory_AppendOnly" BEFORE UPDATE OR DELETE ON "DossierHistory"
                FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_DossierHistory_NoTruncate" BEFORE TRUNCATE ON "DossierHistory"
                FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_PersonalDataAccessLog_NoUpdate" BEFORE UPDATE ON "PersonalDataAccessLog"
                FOR EACH ROW WHEN (OLD."Hash" <> '') EXECUTE FUNCTION motcua_refuse_change();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_PersonalDataAccessLog_NoDelete" BEFORE DELETE ON "PersonalDataAccessLog"
                FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_PersonalDataAccessLog_NoTruncate" BEFORE TRUNCATE ON "PersonalDataAccessLog"
                FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
                """);
        }
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == Sqlite)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TR_DossierHistory_NoUpdate"; DROP TRIGGER "TR_DossierHistory_NoDelete";
                DROP TRIGGER "TR_PersonalDataAccessLog_NoUpdate"; DROP TRIGGER "TR_PersonalDataAccessLog_NoDelete";
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TR_DossierHistory_AppendOnly" ON "DossierHistory";
                DROP TRIGGER "TR_DossierHistory_NoTruncate" ON "DossierHistory";
                DROP TRIGGER "TR_PersonalDataAccessLog_NoUpdate" ON "PersonalDataAccessLog";
                DROP TRIGGER "TR_PersonalDataAccessLog_NoDelete" ON "PersonalDataAccessLog";
                DROP TRIGGER "TR_PersonalDataAccessLog_NoTruncate" ON "PersonalDataAccessLog";
                DROP FUNCTION motcua_refuse_change();
                """);
        }

        migrationBuilder.DropTable("PersonalDataAccessHeads");
        migrationBuilder.DropIndex("IX_PersonalDataAccessLog_DossierId_Sequence", "PersonalDataAccessLog");
        migrationBuilder.CreateIndex("IX_PersonalDataAccessLog_DossierId", "PersonalDataAccessLog", "DossierId");
        foreach (var column in new[] { "Sequence", "PreviousHash", "Hash" })
        {
            if (migrationBuilder.ActiveProvider == Sqlite)
            {
                // EF's SQLite generator refuses DropColumn without a model snapshot; SQLite 3.35+ drops an unindexed column in place.
                migrationBuilder.Sql($"ALTER TABLE \"PersonalDataAccessLog\" DROP COLUMN \"{column}\";");
            }
            else
            {
                migrationBuilder.DropColumn(column, "PersonalDataAccessLog");
            }
        }
    }
}
