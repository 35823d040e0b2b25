using System.Globalization;
using System.Net;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Hosting;

/// <summary>
/// The local app answers only requests addressed to this computer by a loopback name at the port
/// it listens on. A web page the borrower visits could otherwise point its own name at 127.0.0.1
/// (DNS rebinding) and, being then "the same site", read the ledger and post its forms; such a
/// request carries that page's name in its <c>Host</c> header and gets nothing. After starting,
/// <see cref="CheckBound"/> also makes sure the server listens nowhere but on loopback, whatever
/// the configuration (<c>Kestrel__Endpoints__…</c> settings included) asked for.
/// </summary>
public static class LoopbackHost
{
    /// <summary>The middleware, first in the local app's pipeline.</summary>
    public static Task CheckAsync(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        if (IsLoopbackName(http.Request.Host, http.Request.Scheme, http.Connection.LocalPort))
        {
            return next(http);
        }

        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(WebText.Host_Foreign, http.RequestAborted);
    }

    /// <summary>Whether <paramref name="host"/> names this computer's loopback interface at <paramref name="port"/>.</summary>
    public static bool IsLoopbackName(HostString host, string scheme, int port)
    {
        if (!host.HasValue)
        {
            return false;
        }

        var given = host.Port ?? (scheme == "https" ? 443 : 80);
        return given == port && IsLoopback(host.Host);
    }

    /// <summary>
    /// Why the server may not serve as the local app: the first address it listens on that is not
    /// loopback, worded for the user; null when every address is loopback.
    /// </summary>
    public static string? CheckBound(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        foreach (var address in addresses)
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || !IsLoopback(url.Host))
            {
                return string.Format(CultureInfo.CurrentCulture, WebText.Start_NotLoopbackBound, address);
            }
        }

        return null;
    }

    private static bool IsLoopback(string name)
    {
        var host = name.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // An IPv4 address written inside IPv6 (::ffff:127.0.0.1) is not taken as loopback: the
        // server cannot listen on it, and a name written two ways is a name checked twice.
        return IPAddress.TryParse(host, out var ip) && !ip.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(ip);
    }
}
