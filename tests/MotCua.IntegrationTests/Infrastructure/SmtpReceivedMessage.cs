using System.Text;
using System.Text.RegularExpressions;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>
/// A message as the test SMTP server received it, decoded enough to assert on: RFC 2047 encoded words in headers,
/// multipart bodies, base64 and quoted-printable transfer encodings, charsets.
/// </summary>
public sealed partial record SmtpReceivedMessage(
    string MailFrom,
    IReadOnlyList<string> Recipients,
    string RawData,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? TextBody,
    string? HtmlBody)
{
    /// <summary>The decoded Subject header.</summary>
    public string? Subject => Header("Subject");

    /// <summary>The Message-ID header as sent.</summary>
    public string? MessageId => Header("Message-ID");

    /// <summary>The first header with this name (case-insensitive), unfolded and decoded.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Parses the bytes between DATA and the final dot (already dot-unstuffed).</summary>
    public static SmtpReceivedMessage Parse(string mailFrom, IReadOnlyList<string> recipients, byte[] data)
    {
        // Latin-1 maps every byte to one char, so the bytes of 8-bit parts survive until their charset is known.
        var raw = Encoding.Latin1.GetString(data);
        var entity = MimeEntity.Parse(raw);
        var headers = entity.Headers.Select(h => KeyValuePair.Create(h.Key, DecodeEncodedWords(h.Value))).ToList();
        string? text = null;
        string? html = null;
        foreach (var part in entity.Leaves())
        {
            var type = part.MediaType;
            if (type == "text/plain" && text is null)
            {
                text = part.DecodeText();
            }
            else if (type == "text/html" && html is null)
            {
                html = part.DecodeText();
            }
        }

        return new SmtpReceivedMessage(mailFrom, recipients, raw, headers, text, html);
    }

    /// <summary>Decodes RFC 2047 encoded words; adjacent words are joined before decoding (a character's bytes may be
    /// split between them) and white space between them is dropped (§6.2).</summary>
    public static string DecodeEncodedWords(string value)
    {
        var result = new StringBuilder();
        var pending = new List<byte>();
        string? pendingCharset = null;
        var position = 0;
        foreach (Match match in EncodedWord().Matches(value))
        {
            var gap = value[position..match.Index];
            if (pendingCharset is null || gap.Trim().Length > 0
                || !string.Equals(pendingCharset, match.Groups["charset"].Value, StringComparison.OrdinalIgnoreCase))
            {
                Flush();
                result.Append(gap);
            }

            pendingCharset = match.Groups["charset"].Value;
            var payload = match.Groups["text"].Value;
            pending.AddRange(string.Equals(match.Groups["encoding"].Value, "B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(payload)
                : DecodeQuotedPrintable(payload.Replace('_', ' '), header: true));
            position = match.Index + match.Length;
        }

        Flush();
        result.Append(value[position..]);
        return result.ToString();

        void Flush()
        {
            if (pendingCharset is not null)
            {
                result.Append(Encoding.GetEncoding(pendingCharset).GetString([.. pending]));
                pending.Clear();
                pendingCharset = null;
            }
        }
    }

    internal static byte[] DecodeQuotedPrintable(string text, bool header)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '=')
            {
                bytes.Add((byte)c);
                continue;
            }

            if (!header && text.AsSpan(i + 1).StartsWith("\r\n"))
            {
                i += 2; // soft line break
                continue;
            }

            if (!header && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i += 1;
                continue;
            }

            if (i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }

            bytes.Add((byte)c);
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"=\?(?<charset>[^?*]+)(\*[^?]*)?\?(?<encoding>[BbQq])\?(?<text>[^?\s]*)\?=")]
    private static partial Regex EncodedWord();

    private sealed class MimeEntity
    {
        private MimeEntity(List<KeyValuePair<string, string>> headers, string body)
        {
            Headers = headers;
            Body = body;
        }

        public List<KeyValuePair<string, string>> Headers { get; }

        public string Body { get; }

        public string MediaType => ContentType.Split(';')[0].Trim().ToLowerInvariant();

        private string ContentType => Header("Content-Type") ?? "text/plain; charset=us-ascii";

        public static MimeEntity Parse(string raw)
        {
            var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headerText = split >= 0 ? raw[..split] : raw;
            var body = split >= 0 ? raw[(split + 4)..] : string.Empty;
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var line in headerText.Split("\r\n"))
            {
                if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
                {
                    // Unfolding (RFC 5322 §2.2.3) removes only the line break.
                    var last = headers[^1];
                    headers[^1] = KeyValuePair.Create(last.Key, last.Value + line);
                }
                else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                {
                    headers.Add(KeyValuePair.Create(line[..colon].Trim(), line[(colon + 1)..].Trim()));
                }
            }

            return new MimeEntity(headers, body);
        }

        public IEnumerable<MimeEntity> Leaves()
        {
            if (!MediaType.StartsWith("multipart/", StringComparison.Ordinal))
            {
                yield return this;
                yield break;
            }

            var boundary = Parameter(ContentType, "boundary") ?? throw new FormatException("multipart without boundary");
            var delimiter = "--" + boundary;
            var parts = Body.Split("\r\n");
            var current = (StringBuilder?)null;
            foreach (var line in parts)
            {
                if (line == delimiter || line == delimiter + "--")
                {
                    if (current is not null)
                    {
                        // The CRLF before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
                        var text = current.ToString();
                        foreach (var leaf in Parse(text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text).Leaves())
                        {
                            yield return leaf;
                        }
                    }

                    current = line == delimiter ? new StringBuilder() : null;
                    continue;
                }

                current?.Append(line).Append("\r\n");
            }
        }

        public string DecodeText()
        {
            var charset = Parameter(ContentType, "charset") ?? "us-ascii";
            var encoding = (Header("Content-Transfer-Encoding") ?? "7bit").Trim().ToLowerInvariant();
            var bytes = encoding switch
            {
                "base64" => Convert.FromBase64String(string.Concat(Body.Where(c => !char.IsWhiteSpace(c)))),
                "quoted-printable" => DecodeQuotedPrintable(Body, header: false),
                _ => Encoding.Latin1.GetBytes(Body),
            };
            return Encoding.GetEncoding(charset).GetString(bytes);
        }

        private string? Header(string name) =>
            Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        private static string? Parameter(string headerValue, string name)
        {
            foreach (var piece in headerValue.Split(';').Skip(1))
            {
                var equals = piece.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && string.Equals(piece[..equals].Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return piece[(equals + 1)..].Trim().Trim('"');
                }
            }

            return null;
        }
    }
}
