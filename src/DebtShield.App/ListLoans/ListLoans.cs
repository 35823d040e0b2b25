using DebtShield.App.Cases;
using DebtShield.App.CheckLoans;
using DebtShield.App.Input;
using DebtShield.App.Ledgers;
using DebtShield.App.RateLoans;
using DebtShield.Core;
using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Rates;
using DebtShield.Import.LegalData;

namespace DebtShield.App.ListLoans;

/// <summary>
/// Use case: "what do I owe, to whom, and is it lawful?" for every loan of a case, each with its
/// true cost and legal flags computed from the stored facts (kept until the loans or the day
/// change); or one loan in full.
/// </summary>
public static class ListLoans
{
    /// <summary>Every loan of the case (none when the ledger has no case yet), as of <paramref name="today"/>.</summary>
    public static Task<CaseLoanList> ListAsync(OpenLedger ledger, CaseReference @case, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.ReadAsync(async (context, token) =>
        {
            var stored = await CaseBook.FindAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            if (stored is null)
            {
                return new CaseLoanList(null, today, [], Totals([]));
            }

            var title = stored.ReadTitle(ledger.Cipher);
            if (ComputedLists.Find(ledger, stored.Id, stored.LoansRevision, title, today) is { } kept)
            {
                return kept;
            }

            var loans = await CaseLoans.LoadAsync(context, stored.Id, token).ConfigureAwait(false);
            return ComputedLists.Keep(ledger, stored.Id, stored.LoansRevision, Of(title, [.. loans.Select(CaseLoans.ToLoan)], today));
        }, cancellationToken);
    }

    /// <summary>The list of loans already read, as of <paramref name="today"/>.</summary>
    public static CaseLoanList Of(string caseTitle, IReadOnlyList<Loan> loans, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(loans);
        var entries = loans.Select(l => Entry(l, today).Entry).ToArray();
        return new CaseLoanList(caseTitle, today, entries, Totals(entries));
    }

    /// <summary>One loan in full: its facts, its true cost and its legal check, as of <paramref name="today"/>.</summary>
    public static Task<LoanDetail> ShowAsync(OpenLedger ledger, CaseReference @case, string reference, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.ReadAsync(async (context, token) =>
        {
            var stored = await CaseBook.RequireAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            var loan = CaseLoans.ToLoan(await CaseLoans.FindAsync(context, stored.Id, reference, token).ConfigureAwait(false));
            var (entry, rate, check) = Entry(loan, today, withCitations: true);
            return new LoanDetail(
                entry,
                [.. loan.Schedule.Select(InstalmentFigure.From)],
                [.. loan.Payments.Select(p => new PaymentFigure(p.Date, p.Amount.Yuan, FactText.TargetName(p.AppliesTo)))],
                [.. loan.UpfrontFees.Select(f => new UpfrontFeeFigure(f.Name, f.Amount.Yuan, f.Date))],
                rate,
                check,
                OverdueTermsText.Of(loan.OverdueTerms),
                loan.OverdueTerms);
        }, cancellationToken);
    }

    private static (LoanListEntry Entry, RateLoanReport Rate, CheckLoanReport Check) Entry(Loan loan, DateOnly today, bool withCitations = false)
    {
        var asOf = today < loan.ContractDate ? loan.ContractDate : today;
        var rate = RateLoanReport.From(TrueCost.Of(loan));
        var check = CheckLoanReport.From(LegalCheck.Of(loan, LegalDataReader.Rules, new CheckOptions(asOf)), LegalDataReader.Citations);
        if (!withCitations)
        {
            check = check with { Citations = null };
        }

        var arrears = Arrears.Of(loan, asOf);
        var paid = Money.Sum(loan.Payments.Select(p => p.Amount));
        var next = loan.Schedule.FirstOrDefault(i => i.DueDate >= asOf);
        var entry = new LoanListEntry(rate.Figures)
        {
            Id = loan.Id,
            ContractDate = loan.ContractDate,
            Paid = paid.Yuan,
            Instalments = loan.Schedule.Count,
            Payments = loan.Payments.Count,
            NextDueDate = next?.DueDate,
            NextDueAmount = next?.Total.Yuan,
            OverdueAmount = arrears?.Unpaid.Yuan,
            OverdueSince = arrears?.Since,
            DaysOverdue = arrears?.DaysOverdue,
            XirrAnnual = rate.XirrAnnual,
            CapAnnual = check.CapAnnual,
            OtherCapAnnual = check.LenderOfRecordDecides ? check.Views[1].CapAnnual : null,
            LenderOfRecordDecides = check.LenderOfRecordDecides,
            ExceedsCap = check.LenderOfRecordDecides && check.Views.Select(v => v.ExceedsCap).Distinct().Count() > 1 ? null : check.ExceedsCap,
            LawfulTotalDue = check.Lawful.TotalDue,
            LawfulMostDue = check.LawfulMostTotalDue,
            ContractTotalDue = check.AtContractRate.TotalDue,
            Flags = check.Flags,
            Verdict = check.Verdict,
        };
        return (entry, rate, check);
    }

    private static CaseTotals Totals(IReadOnlyList<LoanListEntry> entries) => new(
        entries.Sum(e => e.Figures.Principal),
        entries.Sum(e => e.Figures.Received),
        entries.Sum(e => e.Figures.TotalRepayable),
        entries.Sum(e => e.Paid),
        entries.Sum(e => e.OverdueAmount ?? 0m),
        entries.Sum(e => e.LawfulTotalDue),
        entries.Count(e => e.ExceedsCap == true),
        entries.Sum(e => e.LawfulMostDue ?? e.LawfulTotalDue));
}
