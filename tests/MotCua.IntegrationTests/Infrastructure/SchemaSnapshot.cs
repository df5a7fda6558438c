using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using MotCua.Persistence;
using Npgsql;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>
/// A schema as a set of comparable facts ("column T.C TEXT not null", "index T.IX (A,B) unique", …), read either
/// from EF's relational model or from a real database's catalogue.
/// </summary>
public static class SchemaSnapshot
{
    private static readonly HashSet<string> EfTables = ["__EFMigrationsHistory", "__EFMigrationsLock"];

    /// <summary>Facts the EF model implies for the context's provider.</summary>
    public static SortedSet<string> FromModel(AppDbContext db)
    {
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var table in model.Tables)
        {
            facts.Add($"table {table.Name}");
            foreach (var column in table.Columns)
            {
                facts.Add(Column(table.Name, column.Name, column.StoreType, column.IsNullable));
            }

            if (table.PrimaryKey is { } pk)
            {
                facts.Add(PrimaryKey(table.Name, pk.Columns.Select(c => c.Name)));
            }

            foreach (var index in table.Indexes)
            {
                facts.Add(Index(table.Name, index.Name, index.Columns.Select(c => c.Name), index.IsUnique));
            }

            foreach (var unique in table.UniqueConstraints.Where(u => !u.GetIsPrimaryKey()))
            {
                facts.Add(Index(table.Name, unique.Name, unique.Columns.Select(c => c.Name), unique: true));
            }

            foreach (var fk in table.ForeignKeyConstraints)
            {
                facts.Add(ForeignKey(table.Name, fk.Columns.Select(c => c.Name), fk.PrincipalTable.Name, fk.PrincipalColumns.Select(c => c.Name), OnDelete(fk.OnDeleteAction)));
            }
        }

        return facts;
    }

    /// <summary>Facts read from the database's catalogue.</summary>
    public static Task<SortedSet<string>> FromDatabaseAsync(TestDatabase database, CancellationToken ct = default) =>
        database.Provider == DatabaseProvider.Sqlite ? ReadSqliteAsync(database.ConnectionString, ct) : ReadPostgresAsync(database.ConnectionString, ct);

    private static string Column(string table, string column, string storeType, bool nullable) =>
        $"column {table}.{column} {storeType.ToLowerInvariant()} {(nullable ? "null" : "not null")}";

    private static string PrimaryKey(string table, IEnumerable<string> columns) => $"pk {table} ({string.Join(",", columns)})";

    private static string Index(string table, string name, IEnumerable<string> columns, bool unique) =>
        $"index {table}.{name} ({string.Join(",", columns)}){(unique ? " unique" : "")}";

    private static string ForeignKey(string table, IEnumerable<string> columns, string principal, IEnumerable<string> principalColumns, string onDelete) =>
        $"fk {table} ({string.Join(",", columns)}) -> {principal} ({string.Join(",", principalColumns)}) on delete {onDelete}";

    private static string OnDelete(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => "cascade",
        ReferentialAction.Restrict => "restrict",
        ReferentialAction.SetNull => "set null",
        ReferentialAction.SetDefault => "set default",
        _ => "no action",
    };

    private static async Task<SortedSet<string>> ReadSqliteAsync(string connectionString, CancellationToken ct)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0), ct);
        foreach (var table in tables.Where(t => !EfTables.Contains(t)))
        {
            facts.Add($"table {table}");
            var columns = await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')",
                r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetInt64(2) == 1, Pk: r.GetInt32(3)), ct);
            foreach (var c in columns)
            {
                facts.Add(Column(table, c.Name, c.Type, !c.NotNull));
            }

            var pk = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
            if (pk.Count > 0)
            {
                facts.Add(PrimaryKey(table, pk));
            }

            var indexes = await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')",
                r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1, Origin: r.GetString(2)), ct);
            foreach (var index in indexes.Where(i => i.Origin != "pk"))
            {
                var indexColumns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index.Name}') ORDER BY seqno", r => r.GetString(0), ct);
                facts.Add(Index(table, index.Name, indexColumns, index.Unique));
            }

            var fks = await QueryAsync(connection, $"SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')",
                r => (Id: r.GetInt64(0), Seq: r.GetInt64(1), Principal: r.GetString(2), From: r.GetString(3), To: r.GetString(4), OnDelete: r.GetString(5)), ct);
            foreach (var fk in fks.GroupBy(f => f.Id))
            {
                var parts = fk.OrderBy(f => f.Seq).ToList();
                facts.Add(ForeignKey(table, parts.Select(p => p.From), parts[0].Principal, parts.Select(p => p.To), parts[0].OnDelete.ToLowerInvariant()));
            }
        }

        return facts;
    }

    private static async Task<SortedSet<string>> ReadPostgresAsync(string connectionString, CancellationToken ct)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        var tables = await QueryAsync(connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", r => r.GetString(0), ct);
        foreach (var table in tables.Where(t => !EfTables.Contains(t)))
        {
            facts.Add($"table {table}");
        }

        const string columnsSql = """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """;
        foreach (var (table, column, type, nullable) in await QueryAsync(connection, columnsSql, r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3)), ct))
        {
            if (!EfTables.Contains(table))
            {
                facts.Add(Column(table, column, type, nullable));
            }
        }

        const string indexesSql = """
            SELECT t.relname, i.relname, ix.indisunique, ix.indisprimary,
                   array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)
            FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
                 JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public'
            """;
        foreach (var (table, name, unique, primary, columns) in await QueryAsync(connection, indexesSql,
                     r => (r.GetString(0), r.GetString(1), r.GetBoolean(2), r.GetBoolean(3), r.GetFieldValue<string[]>(4)), ct))
        {
            if (!EfTables.Contains(table))
            {
                facts.Add(primary ? PrimaryKey(table, columns) : Index(table, name, columns, unique));
            }
        }

        const string foreignKeysSql = """
            SELECT t.relname, p.relname, con.confdeltype::text,
                   array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
                   array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)
            FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class p ON p.oid = con.confrelid
                 JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND con.contype = 'f'
            """;
        foreach (var (table, principal, action, columns, principalColumns) in await QueryAsync(connection, foreignKeysSql,
                     r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<string[]>(3), r.GetFieldValue<string[]>(4)), ct))
        {
            var onDelete = action switch { "c" => "cascade", "r" => "restrict", "n" => "set null", "d" => "set default", _ => "no action" };
            facts.Add(ForeignKey(table, columns, principal, principalColumns, onDelete));
        }

        return facts;
    }

    private static async Task<List<T>> QueryAsync<T>(System.Data.Common.DbConnection connection, string sql, Func<System.Data.Common.DbDataReader, T> read, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
