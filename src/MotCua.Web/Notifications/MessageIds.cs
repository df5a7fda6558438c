using System.Globalization;
using System.Text;

namespace MotCua.Web.Notifications;

/// <summary>Derives the RFC 5322 Message-ID from an idempotency key, so that a resent message carries the same id
/// and mail systems (and people) can recognise the duplicate.</summary>
internal static class MessageIds
{
    /// <summary><c>&lt;motcua.{key}@{domain}&gt;</c>, with characters outside [A-Za-z0-9_-] written as =XX per UTF-8
    /// byte so that any key maps to a valid, distinct dot-atom.</summary>
    public static string FromIdempotencyKey(string idempotencyKey, string domain)
    {
        var builder = new StringBuilder("<motcua.", idempotencyKey.Length + domain.Length + 12);
        foreach (var b in Encoding.UTF8.GetBytes(idempotencyKey))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('=').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('@').Append(domain).Append('>').ToString();
    }
}
