using MotCua.Persistence;

namespace MotCua.Cli;

/// <summary>What every command needs from its host: where to write and which database to use.</summary>
/// <param name="Output">Standard output.</param>
/// <param name="Database">Resolves the database settings when a command first needs them (tests pass their own).</param>
internal sealed record CliContext(TextWriter Output, Func<DatabaseOptions> Database);
