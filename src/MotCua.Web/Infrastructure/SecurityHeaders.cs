using Microsoft.Net.Http.Headers;

namespace MotCua.Web.Infrastructure;

/// <summary>Browser-side protections on every response: a Content Security Policy without inline script and without
/// framing by other sites, no MIME sniffing, a same-origin referrer, no powerful browser features, and
/// <c>Cache-Control: no-store</c> on the API (dossier JSON, forms, documents carry personal data) and on pages served to
/// a signed-in user.</summary>
/// <remarks>An endpoint may carry its own <see cref="ContentSecurityPolicy"/> as metadata: the printable forms need
/// their inline stylesheet (<see cref="PrintView"/>) and still run no script at all. Headers an endpoint set itself are
/// kept.</remarks>
public static class SecurityHeaders
{
    /// <summary>The pages' policy: scripts, styles and everything else only from this site's own files.</summary>
    public static readonly ContentSecurityPolicy Site = new(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");

    /// <summary>The printable forms' policy: self-contained HTML with an inline stylesheet and data: images, no script,
    /// framed only by this site (a print preview).</summary>
    public static readonly ContentSecurityPolicy PrintView = new(
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'");

    /// <summary>A Content-Security-Policy header value, as endpoint metadata.</summary>
    public sealed record ContentSecurityPolicy(string Value);

    /// <summary>Adds the headers to every response of the pipeline after this point.</summary>
    public static IApplicationBuilder UseMotCuaSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicy>() ?? Site;
        headers.TryAdd(HeaderNames.ContentSecurityPolicy, policy.Value);
        headers.TryAdd(HeaderNames.XFrameOptions, ReferenceEquals(policy, PrintView) ? "SAMEORIGIN" : "DENY");
        headers.TryAdd(HeaderNames.XContentTypeOptions, "nosniff");
        headers.TryAdd("Referrer-Policy", "same-origin");
        headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()");
        var personal = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || (context.User.Identity?.IsAuthenticated == true
                && context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true);
        if (personal)
        {
            // Replaces Razor's or antiforgery's weaker values, if any: nothing personal may stay in a shared cache or
            // in the browser's history cache.
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }
}
