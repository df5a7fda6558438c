using System.Security.Cryptography;
using System.Text;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Persistence;

namespace MotCua.Web.Features.Surveys;

/// <summary>The invitation secret of <see cref="InvitationToken.DossierKey"/>: <c>Surveys:InvitationSecret</c>, base64,
/// at least <see cref="InvitationToken.MinSecretBytes"/> bytes, the same on every node and for the life of a campaign
/// (a new secret would let a resumed sampling invite a dossier twice). Never in the database: without it a leaked
/// invitation table cannot be matched to dossiers (ND 61/2018 Art. 27(3)).</summary>
/// <remarks>In Development, when absent, a random one is generated once into <c>data/survey-invitation.key</c>
/// (git-ignored, like the JWT key); elsewhere a missing or short secret stops sampling with a configuration error.</remarks>
public sealed class SurveySecret(IConfiguration configuration, IHostEnvironment environment)
{
    public const string Key = "Surveys:InvitationSecret";

    private readonly Lazy<byte[]> _secret = new(() => Load(configuration, environment));

    /// <summary>The secret's bytes.</summary>
    /// <exception cref="InvalidOperationException">Not configured outside Development, not base64, or too short.</exception>
    public ReadOnlySpan<byte> Bytes => _secret.Value;

    private static byte[] Load(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[Key] is { Length: > 0 } configured)
        {
            return Decode(configured, Key);
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{Key} is not configured: set a random base64 value of at least {InvitationToken.MinSecretBytes} bytes, the same on every node, kept outside the database.");
        }

        var path = DataRoot.Resolve(environment.ContentRootPath, "data/survey-invitation.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(InvitationToken.MinSecretBytes))));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }

        return Decode(File.ReadAllText(path).Trim(), path);
    }

    private static byte[] Decode(string text, string source)
    {
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, buffer, out var length) || length < InvitationToken.MinSecretBytes)
        {
            throw new InvalidOperationException($"{source} must be base64 of at least {InvitationToken.MinSecretBytes} bytes.");
        }

        return buffer[..length];
    }
}
