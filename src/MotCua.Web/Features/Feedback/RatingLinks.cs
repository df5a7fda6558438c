namespace MotCua.Web.Features.Feedback;

/// <summary>The address of the no-login rating page for a dossier code (<c>/Portal/Rate?code=…</c>), printed as a QR code
/// on the receipt slip and sent with the result-ready message (issue 9 §1; TT 01/2018 Art. 12: evaluation sheets are
/// handed out with Forms 01–03).</summary>
/// <remarks>The portal's public address comes from <c>Portal:PublicBaseUrl</c> (set it in production: the printed code
/// must point at the public portal, not at the desk's intranet name). Without it, a page or form rendered for a request
/// uses that request's own address, and a message sent by a background job carries no link.</remarks>
public sealed class RatingLinks(IConfiguration configuration, IHttpContextAccessor http)
{
    public string? For(string dossierCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(dossierCode);
        return Origin() is { } origin ? $"{origin}/Portal/Rate?code={Uri.EscapeDataString(dossierCode)}" : null;
    }

    /// <summary>The portal's public origin (scheme, host and base path, no trailing slash), or <see langword="null"/> when
    /// neither configured nor known from a request; the survey invitation links use it too.</summary>
    public string? Origin()
    {
        var configured = configuration["Portal:PublicBaseUrl"];
        return Uri.TryCreate(configured, UriKind.Absolute, out var root) && root.Scheme is "https" or "http"
            ? root.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : http.HttpContext?.Request is { Host.HasValue: true } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : null;
    }
}
