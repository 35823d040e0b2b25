using System.Security.Cryptography;
using DebtShield.App.Cases;
using DebtShield.App.PlanRepayment;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace DebtShield.Web.Hosting;

/// <summary>
/// The subscribable due-date calendar (<c>/calendar/{secret}.ics</c>): the phone's own calendar
/// polls it and reminds the borrower with no app running. A calendar app cannot log in, so the
/// address itself is the key: the case's id sealed with the app's data-protection key, which
/// nobody can guess or forge, and which opens nothing but this one read-only calendar.
/// </summary>
public sealed class CalendarFeeds(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("DebtShield.CalendarFeed.v1");

    /// <summary>The feed's address for a case.</summary>
    public string PathOf(Guid caseId) => "/calendar/" + WebEncoders.Base64UrlEncode(protector.Protect(caseId.ToByteArray())) + ".ics";

    /// <summary>The case a secret stands for; null for anything this app did not issue.</summary>
    public Guid? CaseOf(string secret)
    {
        try
        {
            var bytes = protector.Unprotect(WebEncoders.Base64UrlDecode(secret));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Maps the feed.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/calendar/{secret}.ics", async (string secret, CalendarFeeds feeds, LedgerGate gate, TimeProvider time, CancellationToken token) =>
        {
            if (feeds.CaseOf(secret) is not { } id)
            {
                return Results.NotFound();
            }

            var ledger = await gate.OpenAsync(token);
            if (await CaseBook.ListAsync(ledger, [id], token) is not [var found])
            {
                return Results.NotFound();
            }

            var feed = await CalendarExport.FeedAsync(ledger, found.Profile.Title, time, token);
            return Results.Bytes(feed.Content, CalendarFeed.ContentType);
        }).ExcludeFromDescription().AllowAnonymous(); // A calendar app cannot log in: in multi-user mode too, the secret is the key.
    }
}
