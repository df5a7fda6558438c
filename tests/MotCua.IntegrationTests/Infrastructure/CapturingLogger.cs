using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>Keeps every log entry (message and structured values) so tests can check what reaches the logs.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _entries = new();

    /// <summary>Each entry: the formatted message followed by every structured value and the exception.</summary>
    public IReadOnlyList<string> Entries => _entries.ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(" | ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : string.Empty;
        _entries.Enqueue($"{logLevel}: {formatter(state, exception)} [{values}] {exception}");
    }
}
