using DebtShield.App.ListLoans;
using DebtShield.Web.Hosting;

namespace DebtShield.Web.Pages.Loans;

/// <summary>One loan: its schedule and payments, its true cost, and the legal check step by step with the law it rests on.</summary>
public sealed class ShowModel(LedgerGate gate, TimeProvider time) : LedgerPage(gate, time)
{
    /// <summary>The loan in full.</summary>
    public LoanDetail Detail { get; private set; } = null!;

    /// <summary>Reads the loan; a loan the case does not hold is refused with the names it does hold.</summary>
    public async Task OnGetAsync(string id) =>
        Detail = await ListLoans.ShowAsync(await LedgerAsync(), CaseTitle, id, Today, HttpContext.RequestAborted);
}
