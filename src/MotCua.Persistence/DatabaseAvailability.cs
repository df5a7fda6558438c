using System.Net.Sockets;
using Npgsql;

namespace MotCua.Persistence;

/// <summary>Tells whether an exception means the database cannot be reached right now (server restarting, shutting
/// down, refusing connections, network gone), as opposed to a bad statement or a conflict.</summary>
/// <remarks>The API answers such failures with 503 and <c>Retry-After</c>; background jobs stop retrying when the host
/// is stopping. Lock timeouts, serialization failures and unique violations are not "unavailable".</remarks>
public static class DatabaseAvailability
{
    /// <summary>Whether <paramref name="exception"/> or one of its inner exceptions is a lost or refused connection.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Class 08 connection exception; 57P01-03 admin/crash shutdown, cannot connect now; 53300 too many
                // connections.
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}
