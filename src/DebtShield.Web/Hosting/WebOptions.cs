using System.Globalization;
using DebtShield.App;
using DebtShield.App.Ledgers;
using DebtShield.Data;
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
public sealed record WebOptions(LedgerLocation? Ledger, IReadOnlyList<Uri> Urls, bool Demo, string? Problem)
{
    /// <summary>
    /// Multi-user mode (<c>--multi-user</c>): accounts, roles and the audit log in a PostgreSQL
    /// ledger. It has logins, so it may listen on any address.
    /// </summary>
    public bool MultiUser { get; init; }

    /// <summary>With <c>--create-admin EMAIL</c>: create this admin account, then exit.</summary>
    public string? CreateAdmin { get; init; }

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
        bool demo = false, multiUser = false;
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
                case "--db" or "--urls" or "--create-admin":
                    var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        return Refused(Format(WebText.Options_MissingValue, name));
                    }

                    if (name == "--db")
                    {
                        db = value;
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
                    return Refused(Format(WebText.Options_Unknown, args[i]));
            }
        }

        var listen = new List<Uri>();
        foreach (var text in (urls ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                return Refused(Format(WebText.Options_BadUrl, text));
            }

            if (!url.IsLoopback && !multiUser)
            {
                return Refused(Format(WebText.Options_NotLoopback, text));
            }

            listen.Add(url);
        }

        LedgerLocation location;
        try
        {
            location = demo && string.IsNullOrWhiteSpace(db) && string.IsNullOrWhiteSpace(environmentDb)
                ? LedgerLocation.Parse(Path.Combine(Path.GetDirectoryName(LedgerLocation.DefaultFile())!, "demo.db"))
                : LedgerAccess.Resolve(db, environmentDb);
        }
        catch (RequestRefusedException e)
        {
            return Refused(e.Message);
        }

        if (multiUser && location.Provider != LedgerProvider.PostgreSql)
        {
            return Refused(Format(WebText.Options_MultiUserNeedsPostgreSql, location.Display));
        }

        return new WebOptions(location, listen, demo, null) { MultiUser = multiUser, CreateAdmin = admin };
    }

    private static WebOptions Refused(string problem) => new(null, [], false, problem);

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.CurrentCulture, format, values);
}
