using DebtShield.Web.Accounts;
using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace DebtShield.Web.Pages.Admin;

/// <summary>审计日志 (multi-user mode, admins only): who read or changed what, newest first, by login or case.</summary>
public sealed class AuditModel(LedgerGate gate, TimeProvider time, AccountsContext accounts) : LedgerPage(gate, time)
{
    /// <summary>Only this login's lines.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Login { get; set; }

    /// <summary>Only the lines about this case, picked from the list by id (not <c>case</c>, which would name the page's case).</summary>
    [BindProperty(SupportsGet = true, Name = "about")]
    public Guid? About { get; set; }

    /// <summary>Every case, for the filter's list.</summary>
    public IReadOnlyList<AssignedCase> Cases { get; private set; } = [];

    /// <summary>The page, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The lines shown.</summary>
    public AuditPage? Lines { get; private set; }

    /// <summary>Reads the page of the log.</summary>
    public Task OnGetAsync() => ShowAsync(async () =>
    {
        var ledger = await LedgerAsync();
        Cases = await AccountDesk.CasesAsync(ledger, HttpContext.RequestAborted);
        Lines = await AuditLog.ReadAsync(accounts, ledger, Login, About, PageNumber, HttpContext.RequestAborted);
    });

    /// <summary>The address of another page of the same filter.</summary>
    public string PageLink(int page) =>
        "/admin/audit?" + string.Join("&", new[] { ("Login", Login), ("about", About?.ToString("D")), ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
}
