namespace DebtShield.Web.Hosting;

/// <summary>
/// Headers on every response that keep a collector's message, shown on a page, from ever running
/// as code: a Content Security Policy that allows only the app's own scripts and styles (no inline
/// script at all), no framing, no MIME sniffing, and no referrer leaving the machine.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy; the API reference page (development only) is exempt, as it needs its CDN-free inline bootstrap.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers before the response starts.</summary>
    public static Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (!context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
