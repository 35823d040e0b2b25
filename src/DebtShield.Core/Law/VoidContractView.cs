using DebtShield.Core.Loans;

namespace DebtShield.Core.Law;

/// <summary>
/// The void-contract view of a loan from an unlicensed professional lender (职业放贷人). A lender
/// with no licence to lend that lends to the public for profit makes a void contract (2020 rules
/// Art 13 item 3; 九民纪要 Art 53); what was received under it is returned (Civil Code Art 157).
/// So the borrower owes the principal actually received, less everything paid (interest and fees
/// included), and courts have added at most a fee for the use of the money at about the one-year
/// LPR, or nothing.
/// </summary>
/// <remarks>
/// This is what courts have done, not a rule with a number: the view is a range, from the principal
/// net of payments (no fee) to the balance with a fee at the one-year LPR running on the principal
/// from the contract date, payments going to the fee first as to interest. Which day's LPR courts take
/// varies; the as-of date stands in for the filing date, as elsewhere in the engine.
/// </remarks>
public static class VoidContractView
{
    /// <summary>Assesses <paramref name="loan"/> as a void contract, adding what stays uncertain to <paramref name="uncertain"/>.</summary>
    public static ViewAssessment Of(Loan loan, LegalRules rules, CheckOptions options, FactStatus status, UncertaintyNotes uncertain)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(uncertain);
        uncertain.Add(Uncertainty.UnlicensedLenderVoid);
        var returned = LawfulBalance.Compute(loan.PrincipalBasis, loan.ContractDate, loan.PaymentColumn, options.AsOf, [new AccrualRate(loan.ContractDate, 0m)], options.DayCount);
        if (rules.Lpr.InForceOn(options.AsOf) is not { } fixing)
        {
            return new ViewAssessment(LegalView.VoidUnlicensedLending, [new RateCap(0m, loan.ContractDate, CapRule.UseOfMoneyFeeAtLpr, null, null, rules.UnlicensedVoid)], null, returned);
        }

        if (options.AsOf > rules.Lpr.CertainThrough)
        {
            uncertain.Add(Uncertainty.LprBeyondData);
        }

        if (fixing.Status == FactStatus.Uncertain)
        {
            uncertain.Add(Uncertainty.LprValueUnconfirmed);
        }

        var weakest = (FactStatus)Math.Max((int)status, (int)rules.UnlicensedVoid.Status);
        var fee = new RateCap(fixing.OneYear, loan.ContractDate, CapRule.UseOfMoneyFeeAtLpr, fixing, options.AsOf, rules.UnlicensedVoid with { Status = weakest });
        var withFee = LawfulBalance.Compute(loan.PrincipalBasis, loan.ContractDate, loan.PaymentColumn, options.AsOf, [new AccrualRate(loan.ContractDate, fixing.OneYear)], options.DayCount);
        return new ViewAssessment(LegalView.VoidUnlicensedLending, [fee], null, returned, UseOfMoneyFee: withFee);
    }
}
