using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MotCua.Web.Infrastructure;

/// <summary>Gives Kestrel's own error answers a problem-details body. A request Kestrel rejects before the application
/// sees it (a malformed request line or path, a missing Host, a URL over <c>MaxRequestLineSize</c> → 414, headers over
/// <c>MaxRequestHeadersTotalSize</c> → 431, an unknown HTTP version → 505) is answered by the server with an empty body,
/// and Kestrel offers no hook to change that (aspnet/KestrelHttpServer#2947). This connection middleware watches the
/// bytes Kestrel writes and replaces exactly that answer (<c>HTTP/1.1 4xx/505</c>, first header
/// <c>Content-Length: 0</c> then <c>Connection: close</c>, nothing after the headers) with the same status, a Vietnamese
/// RFC 9457 body and <c>X-Content-Type-Options: nosniff</c>. An unsupported version is answered 400: it is a malformed
/// request, and no client error should read as a server failure.</summary>
/// <remarks>Every other response passes through untouched: the check is a prefix comparison on the first bytes a
/// response writes. HTTP/2 and HTTP/3 report these errors as stream resets, not responses, so only HTTP/1.x is
/// concerned.</remarks>
public static class ServerErrorBodies
{
    /// <summary>Adds the middleware to every Kestrel endpoint (those from <c>ASPNETCORE_URLS</c>/<c>--urls</c> too).</summary>
    public static void UseServerErrorBodies(this KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
        {
            connection.Transport = new Transport(connection.Transport);
            return next(connection);
        }));
    }

    private static readonly byte[] StatusPrefix = "HTTP/1.1 "u8.ToArray();
    private static readonly byte[] KestrelHeaders = "\r\nContent-Length: 0\r\nConnection: close\r\n"u8.ToArray();
    private static readonly byte[] HeadersEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>The replacement for Kestrel's empty answer <paramref name="written"/>, or <see langword="null"/> when the
    /// bytes are anything else.</summary>
    internal static byte[]? Replacement(ReadOnlySpan<byte> written)
    {
        if (!written.StartsWith(StatusPrefix) || written.Length < StatusPrefix.Length + 3 || !written.EndsWith(HeadersEnd))
        {
            return null;
        }

        var code = written.Slice(StatusPrefix.Length, 3);
        var lineEnd = written.IndexOf("\r\n"u8);
        if (code[0] is not ((byte)'4' or (byte)'5') || !written[lineEnd..].StartsWith(KestrelHeaders)
            || !int.TryParse(Encoding.ASCII.GetString(code), out var status) || (status >= 500 && status != 505))
        {
            return null;
        }

        // The remaining headers Kestrel wrote (Date, Server) are kept as they are.
        var rest = Encoding.ASCII.GetString(written[(lineEnd + KestrelHeaders.Length)..^2]);
        var (answer, reason, detail, errorCode) = Describe(status);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = $"https://www.rfc-editor.org/rfc/rfc9110#status.{answer}",
            ["title"] = "Yêu cầu không hợp lệ",
            ["status"] = answer,
            ["detail"] = detail,
            ["errorCode"] = errorCode,
            ["rule"] = errorCode,
        });
        var head = $"HTTP/1.1 {answer} {reason}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: {body.Length}\r\n"
            + $"Connection: close\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n{rest}\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    private static (int Status, string Reason, string Detail, string ErrorCode) Describe(int status) => status switch
    {
        414 => (414, "URI Too Long", "Địa chỉ (URL) của yêu cầu quá dài.", "http.uri_too_long"),
        431 => (431, "Request Header Fields Too Large", "Phần tiêu đề (header) của yêu cầu quá lớn.", "http.headers_too_large"),
        505 => (400, "Bad Request", "Phiên bản giao thức HTTP của yêu cầu không được hỗ trợ.", "http.version_not_supported"),
        408 => (408, "Request Timeout", "Yêu cầu gửi quá chậm hoặc không trọn vẹn.", "http.request_timeout"),
        411 => (411, "Length Required", "Yêu cầu phải ghi rõ độ dài nội dung (Content-Length).", "http.length_required"),
        413 => (413, "Payload Too Large", "Dữ liệu gửi lên vượt quá dung lượng cho phép.", "api.payload_too_large"),
        _ => (status, "Bad Request", "Yêu cầu HTTP không đúng cú pháp (dòng yêu cầu, đường dẫn hoặc tiêu đề không hợp lệ).", "http.bad_request"),
    };

    private sealed class Transport(IDuplexPipe inner) : IDuplexPipe
    {
        public PipeReader Input => inner.Input;

        public PipeWriter Output { get; } = new Writer(inner.Output);
    }

    /// <summary>Forwards everything; on <see cref="Advance"/> of a buffer that holds Kestrel's empty error answer, writes
    /// the replacement into the same buffer instead (it was not flushed yet).</summary>
    private sealed class Writer(PipeWriter inner) : PipeWriter
    {
        private Memory<byte> _current;

        public override Memory<byte> GetMemory(int sizeHint = 0) => _current = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void Advance(int bytes)
        {
            // An error answer is written whole by one Advance from the start of a buffer (a few hundred bytes).
            if (bytes is > 40 and < 1024 && bytes <= _current.Length && _current.Span[0] == (byte)'H'
                && Replacement(_current.Span[..bytes]) is { } replacement && replacement.Length <= _current.Length)
            {
                replacement.CopyTo(_current.Span);
                bytes = replacement.Length;
            }

            _current = default;
            inner.Advance(bytes);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(source, cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}
