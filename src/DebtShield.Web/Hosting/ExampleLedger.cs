using DebtShield.App.Demo;
using DebtShield.App.Ledgers;

namespace DebtShield.Web.Hosting;

/// <summary>
/// The worked example a borrower can look at from the page itself (先看示例), without starting the
/// program with an option: the invented demo case in a ledger of its own, in a private temporary
/// folder that is deleted when the app stops (and by <see cref="StaleUploads"/> after a crash). A
/// browser that has asked for it carries <see cref="Cookie"/>; its pages then read and write the
/// example's ledger instead of the borrower's, say 示例 at the top, and offer the way back. Nothing
/// of the example is ever written to the borrower's ledger, which is not even opened for its pages.
/// <para>
/// Local mode only: on an organisation's server every ledger row belongs to an assigned case, and a
/// case worker who wants an example opens a case of their own.
/// </para>
/// </summary>
public sealed class ExampleLedger : IDisposable
{
    /// <summary>
    /// The cookie of a browser looking at the example: a session cookie (closing the browser ends
    /// the example), readable by no script, and sent by no other site's page.
    /// </summary>
    public const string Cookie = "debtshield-example";

    private readonly DirectoryInfo folder;

    /// <summary>Makes the example's private folder; its ledger is filled when a page first opens it.</summary>
    public ExampleLedger(TimeProvider time, ILogger<LedgerGate> logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        folder = Directory.CreateTempSubdirectory(StaleUploads.Prefix + "example-");
        Gate = new LedgerGate(LedgerAccess.Resolve(Path.Combine(folder.FullName, "example.db"), null), logger, ledger => LoadDemo.RunAsync(ledger, time));
    }

    /// <summary>The example's ledger.</summary>
    public LedgerGate Gate { get; }

    /// <summary>Whether <paramref name="http"/> comes from a browser looking at the example (never in multi-user mode).</summary>
    public static bool IsShown(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request.Cookies[Cookie] == "1" && !http.RequestServices.GetRequiredService<WebOptions>().MultiUser;
    }

    /// <summary>The ledger <paramref name="http"/>'s page reads: the example's while it is shown, else <paramref name="own"/>.</summary>
    public static LedgerGate GateFor(HttpContext http, LedgerGate own) =>
        IsShown(http) ? http.RequestServices.GetRequiredService<ExampleLedger>().Gate : own;

    /// <summary>From now on this browser looks at the example.</summary>
    public static void Show(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(Cookie, "1", new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });
    }

    /// <summary>From now on this browser looks at the borrower's own ledger again.</summary>
    public static void Leave(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
    }

    /// <summary>Closes the example's ledger and deletes its folder.</summary>
    public void Dispose()
    {
        Gate.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still held (Windows): the next start's sweep of stale folders removes it.
        }
    }
}
