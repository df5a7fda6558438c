using Microsoft.Data.Sqlite;
using Npgsql;

namespace MotCua.Persistence;

/// <summary>The one place that reads provider error codes: what a database exception means, on SQLite and on
/// PostgreSQL alike. Callers ask a question (a duplicate? worth retrying?) instead of matching provider types.</summary>
public static class DatabaseErrors
{
    /// <summary>A unique or primary-key violation; with <paramref name="target"/>, only the violation of that index or
    /// table column (PostgreSQL names the index, e.g. <c>IX_OutboxMessages_IdempotencyKey</c>; SQLite names the columns,
    /// e.g. <c>OutboxMessages.IdempotencyKey</c>, so pass the form the caller's index has on each).</summary>
    public static bool IsUniqueViolation(Exception exception, UniqueTarget? target = null) => Find(exception, e => e switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation
            && (target is null || pg.ConstraintName == target.PostgresConstraint),
        // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555
            && (target is null || sqlite.Message.Contains(target.SqliteColumns, StringComparison.Ordinal)),
        _ => false,
    });

    /// <summary>A lock conflict that the same work, retried on a fresh state, may pass: SQLite busy or locked,
    /// PostgreSQL serialization failure or deadlock.</summary>
    public static bool IsTransientConflict(Exception exception) => Find(exception, e => e switch
    {
        SqliteException { SqliteErrorCode: 5 or 6 } => true, // SQLITE_BUSY, SQLITE_LOCKED
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => true,
        _ => false,
    });

    /// <summary>A lock that was not granted in time (PostgreSQL <c>lock_timeout</c>, SQLite busy timeout expired).</summary>
    public static bool IsLockTimeout(Exception exception) => Find(exception, e => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable } => true,
        SqliteException { SqliteErrorCode: 5 } => true,
        _ => false,
    });

    private static bool Find(Exception exception, Func<Exception, bool> match)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (match(current))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A unique index as each provider names it in its error message.</summary>
/// <param name="PostgresConstraint">The index or constraint name PostgreSQL reports.</param>
/// <param name="SqliteColumns">The <c>Table.Column</c> list SQLite reports.</param>
public sealed record UniqueTarget(string PostgresConstraint, string SqliteColumns);
