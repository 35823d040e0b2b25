using DebtShield.App.ListLoans;
using DebtShield.App.ReviewEvidence;
using DebtShield.Web.Hosting;

namespace DebtShield.Web.Pages;

/// <summary>
/// 首页: three doors for the three situations people arrive in, and beneath them the case at a
/// glance (what is owed lawfully, what is overdue, how much evidence is kept).
/// </summary>
public sealed class IndexModel(LedgerGate gate, TimeProvider time, WebOptions options) : LedgerPage(gate, time)
{
    /// <summary>Whether an empty ledger's page offers the worked example (local mode, and not inside it already).</summary>
    public bool OffersExample => !options.MultiUser && !ExampleLedger.IsShown(HttpContext);

    /// <summary>The case's loans, when there is a case.</summary>
    public CaseLoanList? Loans { get; private set; }

    /// <summary>The newest evidence, when there is a case.</summary>
    public EvidencePage? Evidence { get; private set; }

    /// <summary>Reads the case's figures; a ledger with several cases asks which.</summary>
    public Task OnGetAsync() => ShowAsync(async () =>
    {
        var ledger = await LedgerAsync();
        Loans = await ListLoans.ListAsync(ledger, Case, Today, HttpContext.RequestAborted);
        Evidence = await EvidencePages.ReadAsync(ledger, Case, new EvidenceFilter(), 1, 5, HttpContext.RequestAborted);
    });
}
