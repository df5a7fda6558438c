using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Domain.Feedback.Surveys;

/// <summary>The secret an invited respondent holds (in the link of the invitation message), and the one-way values
/// the store keeps instead of it.</summary>
/// <remarks>
/// <para>A token is 32 bytes from the operating system's cryptographic generator (256 bits, well above the 128 needed
/// against guessing), base64url without padding: 43 characters, safe in a URL. It does not come from the sampling
/// seed: the selection is reproducible, the tokens must not be.</para>
/// <para>The store keeps only <see cref="Hash"/>: plain SHA-256 is enough because the token has 256 bits of entropy,
/// so a leaked table gives no live link. The raw token exists once, in <see cref="IssuedInvitation"/>, for the
/// message that carries it.</para>
/// </remarks>
public static class InvitationToken
{
    /// <summary>Random bytes per token.</summary>
    public const int Bytes = 32;

    /// <summary>Characters of a token.</summary>
    public const int Length = 43;

    /// <summary>Shortest secret accepted for <see cref="DossierKey"/>.</summary>
    public const int MinSecretBytes = 32;

    /// <summary>A fresh token.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>Whether <paramref name="token"/> has a token's shape, so that the web layer can refuse junk before a
    /// lookup.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The stored form of <paramref name="token"/>: SHA-256 of its ASCII, lower-case hex (64 characters).</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
    }

    /// <summary>The keyed fingerprint of a dossier in one campaign: HMAC-SHA256(secret, "motcua.sipas.invite.v1" ‖
    /// campaign id ‖ dossier id), lower-case hex.</summary>
    /// <remarks>It lets the store refuse a second invitation for the same dossier (unique per campaign) without keeping
    /// the dossier id (ND 61/2018 Art. 27(3)). The secret lives in configuration, never in the database: without it a
    /// leaked table cannot be matched against the dossier ids by brute force. The campaign id in the input makes the
    /// fingerprints of one dossier differ between campaigns, so campaigns cannot be linked either.</remarks>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is shorter than <see cref="MinSecretBytes"/>.</exception>
    public static string DossierKey(Guid campaignId, Guid dossierId, ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinSecretBytes)
        {
            throw new ArgumentException($"The invitation secret must have at least {MinSecretBytes} bytes.", nameof(secret));
        }

        var tag = Encoding.ASCII.GetBytes("motcua.sipas.invite.v1");
        var input = new byte[tag.Length + 32];
        tag.CopyTo(input, 0);
        campaignId.TryWriteBytes(input.AsSpan(tag.Length), bigEndian: true, out _);
        dossierId.TryWriteBytes(input.AsSpan(tag.Length + 16), bigEndian: true, out _);
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, input));
    }
}
