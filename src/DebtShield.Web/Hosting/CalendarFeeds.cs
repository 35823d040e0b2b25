using System.Security.Cryptography;
using DebtShield.App.Cases;
using DebtShield.App.PlanRepayment;
using DebtShield.Web.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Web.Hosting;

/// <summary>
/// The subscribable due-date calendar (<c>/calendar/{secret}.ics</c>): the phone's own calendar
/// polls it and reminds the borrower with no app running. A calendar app cannot log in, so the
/// address itself is the key: sealed with the app's data-protection key, which nobody can guess
/// or forge, and which opens nothing but this one read-only calendar.
/// <para>
/// In local mode the sealed content is the case's id. In multi-user mode it is the case's id and
/// a key kept on the account's assignment (<see cref="CaseAssignment.FeedKey"/>): the address is
/// issued from the plan page, works only while that assignment stands and its key is unchanged,
/// and is replaced or withdrawn from the same page.
/// </para>
/// </summary>
public sealed class CalendarFeeds(IDataProtectionProvider protection, WebOptions options)
{
    private readonly IDataProtector protector = protection.CreateProtector("DebtShield.CalendarFeed.v1");

    /// <summary>Whether addresses are tied to assignments (multi-user mode) and so can be replaced and withdrawn.</summary>
    public bool Revocable => options.MultiUser;

    /// <summary>The feed's address for a case (local mode), or for a case and an assignment's key.</summary>
    public string PathOf(Guid caseId, Guid? key = null) =>
        "/calendar/" + WebEncoders.Base64UrlEncode(protector.Protect([.. caseId.ToByteArray(), .. key?.ToByteArray() ?? []])) + ".ics";

    /// <summary>The case and key a secret stands for; null for anything this app did not issue.</summary>
    public (Guid Case, Guid? Key)? Open(string secret)
    {
        try
        {
            var bytes = protector.Unprotect(WebEncoders.Base64UrlDecode(secret));
            return bytes.Length switch
            {
                16 => (new Guid(bytes), null),
                32 => (new Guid(bytes.AsSpan(0, 16)), new Guid(bytes.AsSpan(16))),
                _ => null,
            };
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The address the person asking may give their calendar for <paramref name="caseId"/>: the
    /// case's own in local mode; in multi-user mode the one on their assignment, null when none is issued.
    /// </summary>
    public async Task<string?> AddressAsync(HttpContext http, Guid caseId)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!Revocable)
        {
            return PathOf(caseId);
        }

        var assignment = await AssignmentAsync(http, caseId).ConfigureAwait(false);
        return assignment?.FeedKey is { } key ? PathOf(caseId, key) : null;
    }

    /// <summary>
    /// Multi-user mode: issues a new address for the account's assignment to <paramref name="caseId"/>
    /// (the old one stops working), or withdraws it. False when the account has no such assignment.
    /// </summary>
    public async Task<bool> ChangeAsync(HttpContext http, Guid caseId, bool withdraw)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!Revocable || await AssignmentAsync(http, caseId).ConfigureAwait(false) is not { } assignment)
        {
            return false;
        }

        assignment.FeedKey = withdraw ? null : Guid.NewGuid();
        await http.RequestServices.GetRequiredService<AccountsContext>().SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        return true;
    }

    private static Task<CaseAssignment?> AssignmentAsync(HttpContext http, Guid caseId)
    {
        var user = CaseRoster.UserIdOf(http.User);
        return http.RequestServices.GetRequiredService<AccountsContext>().CaseAssignments
            .SingleOrDefaultAsync(a => a.UserId == user && a.CaseId == caseId, http.RequestAborted);
    }

    /// <summary>Whether a key still opens the case's calendar: always in local mode; in multi-user mode only while an assignment holds it.</summary>
    private async Task<bool> HoldsAsync(HttpContext http, Guid caseId, Guid? key)
    {
        if (!Revocable)
        {
            return key is null;
        }

        return key is { } held && await http.RequestServices.GetRequiredService<AccountsContext>().CaseAssignments
            .AnyAsync(a => a.CaseId == caseId && a.FeedKey == held, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Maps the feed.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/calendar/{secret}.ics", async (string secret, HttpContext http, CalendarFeeds feeds, LedgerGate gate, TimeProvider time, CancellationToken token) =>
        {
            if (feeds.Open(secret) is not var (id, key) || !await feeds.HoldsAsync(http, id, key))
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
        }).ExcludeFromDescription().AllowAnonymous().CaseFree(); // A calendar app cannot log in: in multi-user mode too, the secret is the key.
    }
}
