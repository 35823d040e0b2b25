using System.Net;
using DebtShield.App;
using DebtShield.App.Ledgers;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Hosting;

/// <summary>
/// What the web app was started with. The local app has no login, because the machine is the
/// borrower's; so it only ever listens on the loopback interface, and an address anyone else
/// could reach is refused rather than served without protection.
/// </summary>
/// <param name="Ledger">Where the ledger is.</param>
/// <param name="Urls">Where to listen: loopback addresses only.</param>
/// <param name="Demo">Load the invented demo case first.</param>
/// <param name="Problem">Why the arguments cannot be used, in the user's words; null when they can.</param>
public sealed record WebOptions(LedgerAddress? Ledger, IReadOnlyList<Uri> Urls, bool Demo, string? Problem)
{
    /// <summary>
    /// Multi-user mode (<c>--multi-user</c>): accounts, roles and the audit log in a PostgreSQL
    /// ledger. It has logins, so it may listen on any address.
    /// </summary>
    public bool MultiUser { get; init; }

    /// <summary>With <c>--create-admin EMAIL</c>: create this admin account, then exit.</summary>
    public string? CreateAdmin { get; init; }

    /// <summary>
    /// The reverse proxies (<c>--proxy</c>, multi-user mode) whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> are believed: behind a TLS proxy the login cookie is then marked
    /// Secure and the login limit counts each client's address, not the proxy's. Nobody else's
    /// forwarded headers are read, or any client could claim to be anyone.
    /// </summary>
    public IReadOnlyList<IPAddress> Proxies { get; init; } = [];

    /// <summary>
    /// <c>--phone</c>: start the phone listener at once and print its pairing QR code in the
    /// terminal, as the page's "在手机上打开" does (<see cref="Phone.PhoneListener"/>). Local mode only.
    /// </summary>
    public bool Phone { get; init; }

    /// <summary>
    /// <c>--phone-address IP</c>: the address the phone listener serves on, instead of the LAN
    /// address found on this computer (a computer on several networks; tests use 127.0.0.2).
    /// </summary>
    public IPAddress? PhoneAddress { get; init; }

    /// <summary>Where the local app listens unless told otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Reads the arguments: <c>--db</c> (else <paramref name="environmentDb"/>, else the default
    /// file, or for <c>--demo</c> a demo file beside it), <c>--urls</c> (semicolon-separated) and
    /// <c>--demo</c>; <c>--multi-user</c> and <c>--create-admin EMAIL</c> (which implies it) for an
    /// organisation's server on PostgreSQL.
    /// </summary>
    public static WebOptions Parse(IReadOnlyList<string> args, string? environmentDb)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? db = null, urls = null, admin = null;
        var proxies = new List<IPAddress>();
        IPAddress? phoneAddress = null;
        bool demo = false, multiUser = false, phone = false;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (args[i], null);
            switch (name)
            {
                case "--demo":
                    demo = true;
                    break;
                case "--multi-user":
                    multiUser = true;
                    break;
                case "--phone":
                    phone = true;
                    break;
                case "--db" or "--urls" or "--create-admin" or "--proxy" or "--phone-address":
                    var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        return Refused(Localized.Format(WebText.Options_MissingValue, name));
                    }

                    if (name == "--db")
                    {
                        db = value;
                    }
                    else if (name == "--proxy")
                    {
                        foreach (var text in value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            if (!IPAddress.TryParse(text, out var proxy))
                            {
                                return Refused(Localized.Format(WebText.Options_BadProxy, text));
                            }

                            proxies.Add(proxy);
                        }
                    }
                    else if (name == "--phone-address")
                    {
                        if (!IPAddress.TryParse(value, out phoneAddress))
                        {
                            return Refused(Localized.Format(WebText.Options_BadPhoneAddress, value));
                        }
                    }
                    else if (name == "--create-admin")
                    {
                        admin = value;
                        multiUser = true;
                    }
                    else
                    {
                        urls = value;
                    }

                    break;
                default:
                    return Refused(Localized.Format(WebText.Options_Unknown, args[i]));
            }
        }

        var listen = new List<Uri>();
        foreach (var text in (urls ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                return Refused(Localized.Format(WebText.Options_BadUrl, text));
            }

            if (!multiUser && LoopbackHost.CheckBound([url.ToString()]) is not null)
            {
                return Refused(Localized.Format(WebText.Options_NotLoopback, text));
            }

            listen.Add(url);
        }

        LedgerAddress location;
        try
        {
            location = demo && string.IsNullOrWhiteSpace(db) && string.IsNullOrWhiteSpace(environmentDb)
                ? LedgerAccess.Resolve(Path.Combine(Path.GetDirectoryName(LedgerAddress.DefaultFile())!, "demo.db"), null)
                : LedgerAccess.Resolve(db, environmentDb);
        }
        catch (RequestRefusedException e)
        {
            return Refused(e.Message);
        }

        if (multiUser && !location.IsServer)
        {
            return Refused(Localized.Format(WebText.Options_MultiUserNeedsPostgreSql, location.Display));
        }

        if (proxies.Count > 0 && !multiUser)
        {
            return Refused(WebText.Options_ProxyNeedsMultiUser);
        }

        // The organisation's server is reached over the network already, by logins behind https;
        // a case worker's phone signs in like any browser, so pairing would only add a second door.
        if (multiUser && (phone || phoneAddress is not null))
        {
            return Refused(WebText.Options_PhoneNeedsLocal);
        }

        return new WebOptions(location, listen, demo, null) { MultiUser = multiUser, CreateAdmin = admin, Proxies = proxies, Phone = phone, PhoneAddress = phoneAddress };
    }

    private static WebOptions Refused(string problem) => new(null, [], false, problem);
}
