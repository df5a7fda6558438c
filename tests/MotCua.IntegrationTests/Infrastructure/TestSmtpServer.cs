using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>What the test server does wrong on purpose.</summary>
public enum SmtpFailureMode
{
    /// <summary>Behaves.</summary>
    None,

    /// <summary>Resets the connection after a few lines of DATA, before the final reply.</summary>
    DropConnectionDuringData,

    /// <summary>Answers 550 to RCPT TO.</summary>
    RejectRecipients,

    /// <summary>Answers 451 after the end of DATA.</summary>
    TemporaryFailureAfterData,
}

/// <summary>
/// A small real SMTP server on 127.0.0.1 and an ephemeral port (RFC 5321 subset: EHLO/HELO, MAIL, RCPT, DATA with
/// dot-unstuffing, RSET, NOOP, QUIT) that keeps every accepted message for assertions.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private const int MaxLineBytes = 1024 * 1024;

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<SmtpReceivedMessage> _messages = new();
    private readonly ConcurrentDictionary<Task, bool> _sessions = new();
    private readonly Task _acceptLoop;
    private int _failureMode;
    private int _connections;

    private TestSmtpServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>The host to connect to.</summary>
    public static string Host => "127.0.0.1";

    /// <summary>The port the server listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Messages accepted so far (a 250 reply to the end of DATA was sent), in order.</summary>
    public IReadOnlyList<SmtpReceivedMessage> Messages => _messages.ToArray();

    /// <summary>The number of connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The failure to simulate from the next command on.</summary>
    public SmtpFailureMode FailureMode
    {
        get => (SmtpFailureMode)Volatile.Read(ref _failureMode);
        set => Volatile.Write(ref _failureMode, (int)value);
    }

    /// <summary>How many DATA lines to read before <see cref="SmtpFailureMode.DropConnectionDuringData"/> resets.</summary>
    public int DataLinesBeforeDrop { get; set; } = 3;

    /// <summary>Starts listening.</summary>
    public static TestSmtpServer Start() => new();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop this way.
        }

        await Task.WhenAll(_sessions.Keys);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            var session = RunSessionAsync(client);
            _sessions[session] = true;
            _ = session.ContinueWith(t => _sessions.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task RunSessionAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                await using var stream = client.GetStream();
                var session = new Session(this, client, stream);
                await session.RunAsync(_stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping; a test asserts on what was captured.
        }
    }

    private sealed class Session(TestSmtpServer server, TcpClient client, NetworkStream stream)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;
        private string? _mailFrom;
        private readonly List<string> _recipients = [];

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            await ReplyAsync("220 motcua-test ESMTP ready", cancellationToken);
            while (true)
            {
                var line = await ReadLineAsync(cancellationToken);
                if (line is null)
                {
                    return;
                }

                var text = Encoding.Latin1.GetString(line);
                var verb = (text.Length >= 4 ? text[..4] : text).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await ReplyAsync("250-motcua-test greets you\r\n250-SIZE 52428800\r\n250 HELP", cancellationToken);
                        break;
                    case "HELO":
                        await ReplyAsync("250 motcua-test", cancellationToken);
                        break;
                    case "MAIL":
                        _mailFrom = Address(text);
                        _recipients.Clear();
                        await ReplyAsync("250 2.1.0 OK", cancellationToken);
                        break;
                    case "RCPT":
                        if (_mailFrom is null)
                        {
                            await ReplyAsync("503 5.5.1 MAIL first", cancellationToken);
                        }
                        else if (server.FailureMode == SmtpFailureMode.RejectRecipients)
                        {
                            await ReplyAsync("550 5.1.1 Mailbox unavailable", cancellationToken);
                        }
                        else
                        {
                            _recipients.Add(Address(text));
                            await ReplyAsync("250 2.1.5 OK", cancellationToken);
                        }

                        break;
                    case "DATA":
                        if (_recipients.Count == 0)
                        {
                            await ReplyAsync("503 5.5.1 RCPT first", cancellationToken);
                            break;
                        }

                        if (!await ReceiveDataAsync(cancellationToken))
                        {
                            return;
                        }

                        break;
                    case "RSET":
                        _mailFrom = null;
                        _recipients.Clear();
                        await ReplyAsync("250 2.0.0 OK", cancellationToken);
                        break;
                    case "NOOP":
                        await ReplyAsync("250 2.0.0 OK", cancellationToken);
                        break;
                    case "QUIT":
                        await ReplyAsync("221 2.0.0 Bye", cancellationToken);
                        return;
                    default:
                        await ReplyAsync("502 5.5.2 Command not implemented", cancellationToken);
                        break;
                }
            }
        }

        /// <returns>False when the connection was dropped on purpose.</returns>
        private async Task<bool> ReceiveDataAsync(CancellationToken cancellationToken)
        {
            await ReplyAsync("354 End data with <CR><LF>.<CR><LF>", cancellationToken);
            using var data = new MemoryStream();
            var lines = 0;
            while (true)
            {
                var line = await ReadLineAsync(cancellationToken) ?? throw new IOException("Connection closed during DATA.");
                if (line.Length == 1 && line[0] == (byte)'.')
                {
                    break;
                }

                if (server.FailureMode == SmtpFailureMode.DropConnectionDuringData && ++lines >= server.DataLinesBeforeDrop)
                {
                    // A reset, not a polite close: what a crashing relay or a cut network looks like.
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Client.Close();
                    return false;
                }

                // RFC 5321 §4.5.2: a leading dot was doubled by the client.
                var offset = line.Length > 0 && line[0] == (byte)'.' ? 1 : 0;
                data.Write(line, offset, line.Length - offset);
                data.Write("\r\n"u8);
            }

            if (server.FailureMode == SmtpFailureMode.TemporaryFailureAfterData)
            {
                await ReplyAsync("451 4.3.0 Try again later", cancellationToken);
            }
            else
            {
                server._messages.Enqueue(SmtpReceivedMessage.Parse(_mailFrom!, [.. _recipients], data.ToArray()));
                await ReplyAsync($"250 2.0.0 Queued as {server._messages.Count}", cancellationToken);
            }

            _mailFrom = null;
            _recipients.Clear();
            return true;
        }

        private static string Address(string command)
        {
            var open = command.IndexOf('<', StringComparison.Ordinal);
            var close = command.IndexOf('>', StringComparison.Ordinal);
            return open >= 0 && close > open ? command[(open + 1)..close] : command[(command.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }

        private async Task ReplyAsync(string reply, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }

        /// <summary>Reads up to CRLF (or a bare LF), without the line ending; null at end of stream.</summary>
        private async Task<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
        {
            using var line = new MemoryStream();
            while (true)
            {
                if (_start == _end)
                {
                    _start = 0;
                    _end = await stream.ReadAsync(_buffer, cancellationToken);
                    if (_end == 0)
                    {
                        return null;
                    }
                }

                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline < 0)
                {
                    line.Write(_buffer, _start, _end - _start);
                    _start = _end;
                    if (line.Length > MaxLineBytes)
                    {
                        throw new IOException("Line too long.");
                    }

                    continue;
                }

                line.Write(_buffer, _start, newline - _start);
                _start = newline + 1;
                var bytes = line.ToArray();
                return bytes.Length > 0 && bytes[^1] == (byte)'\r' ? bytes[..^1] : bytes;
            }
        }
    }
}
