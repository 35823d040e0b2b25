using System.Globalization;
using System.Net;
using System.Text;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Phone;

/// <summary>
/// The door of the phone listener, in front of every page. A request must name the listener's own
/// address and port in its <c>Host</c> (no DNS rebinding, as on loopback), and then either open a
/// pairing link (<c>/pair/TOKEN</c>, once), carry a live pairing's cookie, or be the calendar feed
/// carrying a live pairing's calendar key. Anything else gets the "需要配对" page and no data. The
/// request's pairing is kept on the request (a <see cref="PhonePairing"/> feature), which is how
/// pages know a phone is asking.
/// </summary>
internal sealed class PhoneGate(PhoneListener listener, PhonePairings pairings)
{
    /// <summary>Where pairing links point; the token follows.</summary>
    public const string PairPath = "/pair/";

    /// <summary>The paired phone's cookie.</summary>
    public const string Cookie = "debtshield-phone";

    /// <summary>The query parameter of a phone's calendar subscription, carrying its pairing's <see cref="PhonePairing.FeedKey"/>.</summary>
    public const string FeedParameter = "phone";

    public Task CheckAsync(HttpContext http, RequestDelegate next)
    {
        if (listener.Address is not { } own || !IsOwnHost(http.Request.Host, own))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "text/plain; charset=utf-8";
            return http.Response.WriteAsync(WebText.Host_Foreign, http.RequestAborted);
        }

        var path = http.Request.Path.Value ?? "";
        if (path.StartsWith(PairPath, StringComparison.Ordinal))
        {
            return PairAsync(http, path[PairPath.Length..]);
        }

        var pairing = pairings.Find(http.Request.Cookies[Cookie]);
        if (pairing is null && path.StartsWith("/calendar/", StringComparison.Ordinal))
        {
            pairing = pairings.FindByFeedKey(http.Request.Query[FeedParameter].ToString());
        }

        if (pairing is null)
        {
            return NeedsPairingAsync(http);
        }

        http.Features.Set(pairing);
        return next(http);
    }

    /// <summary>Whether <paramref name="host"/> is exactly the listener's address and port.</summary>
    public static bool IsOwnHost(HostString host, Uri own) =>
        host.HasValue && host.Port == own.Port && IPAddress.TryParse(host.Host, out var named) && IPAddress.TryParse(own.Host.Trim('[', ']'), out var listening) && named.Equals(listening);

    private Task PairAsync(HttpContext http, string token)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || pairings.Claim(token, http.Request.Headers.UserAgent.ToString()) is not var (pairing, session))
        {
            return NeedsPairingAsync(http);
        }

        http.Response.Cookies.Append(Cookie, session, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Expires = pairing.Expires,
            IsEssential = true,
        });

        // A page, not a redirect: the cookie is SameSite=Strict and the link was opened from the
        // camera (another site, to the browser), so a redirect would arrive without it; a click on
        // this page is a same-site navigation that carries it.
        return CardAsync(http, StatusCodes.Status200OK, [nameof(WebText.Phone_PairedTitle), nameof(WebText.Phone_PairedLead)], ("/", nameof(WebText.Phone_PairedContinue)));
    }

    private static Task NeedsPairingAsync(HttpContext http) =>
        CardAsync(http, StatusCodes.Status403Forbidden, [nameof(WebText.Phone_NeedsPairingTitle), nameof(WebText.Phone_NeedsPairingLead)], null);

    /// <summary>
    /// A page of its own, outside the app (nothing from the ledger, no stylesheet needed), in
    /// Chinese and then English: the gate does not know the reader's language yet.
    /// </summary>
    private static Task CardAsync(HttpContext http, int status, string[] names, (string Href, string Text)? link)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
        html.Append(WebUtility.HtmlEncode(Both(names[0]))).Append("</title></head><body>");
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var language = CultureInfo.GetCultureInfo(culture);
            html.Append(CultureInfo.InvariantCulture, $"<section lang=\"{culture}\"><h1>").Append(WebUtility.HtmlEncode(WebText.ResourceManager.GetString(names[0], language))).Append("</h1><p>")
                .Append(WebUtility.HtmlEncode(WebText.ResourceManager.GetString(names[1], language))).Append("</p>");
            if (link is var (href, text))
            {
                html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{href}\">").Append(WebUtility.HtmlEncode(WebText.ResourceManager.GetString(text, language))).Append("</a></p>");
            }

            html.Append("</section>");
        }

        html.Append("</body></html>");
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsync(html.ToString(), http.RequestAborted);
    }

    private static string Both(string name) =>
        WebText.ResourceManager.GetString(name, CultureInfo.GetCultureInfo("zh-CN")) + " / " + WebText.ResourceManager.GetString(name, CultureInfo.GetCultureInfo("en"));
}
