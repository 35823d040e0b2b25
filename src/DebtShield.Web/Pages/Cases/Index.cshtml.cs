using System.Globalization;
using DebtShield.App.Cases;
using DebtShield.Core.Cases;
using DebtShield.Web.Accounts;
using DebtShield.Web.Forms;
using DebtShield.Web.Hosting;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Mvc;

namespace DebtShield.Web.Pages.Cases;

/// <summary>案件: every case the person may see (all of them in local mode), and a new one (a case worker keeps one per borrower).</summary>
public sealed class IndexModel(LedgerGate gate, TimeProvider time, CaseRoster roster) : LedgerPage(gate, time)
{
    /// <summary>The cases.</summary>
    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    /// <summary>The new case's title.</summary>
    [BindProperty]
    public string? Title { get; set; }

    /// <summary>Lists the cases.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Opens a case.</summary>
    public Task<IActionResult> OnPostAsync() => ActAsync(
        async () =>
        {
            var title = WebInput.Required(Title, "title");
            await roster.AddAsync(HttpContext, new CaseProfile(title), Time);
            return string.Format(CultureInfo.CurrentCulture, WebText.Cases_Added, title);
        },
        "/cases",
        LoadAsync);

    private async Task LoadAsync() => Cases = await roster.VisibleAsync(HttpContext);
}
