using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.App.Resources;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Data;
using DebtShield.Data.Loans;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.RecordLoans;

/// <summary>
/// Use case: the borrower records a loan, corrects it, removes it, or records a payment. Every
/// change is checked by <see cref="Loan.Create"/> before it is written, in one transaction.
/// </summary>
public static class RecordLoan
{
    /// <summary>Adds a loan to the case (opening the default case when the ledger has none).</summary>
    /// <exception cref="RequestRefusedException">The case already has a loan by that name, or its lender is recorded with another kind.</exception>
    public static Task AddAsync(OpenLedger ledger, CaseReference @case, Loan loan, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(time);
        CaseLoans.RequireHappened(loan, ChinaStandardTime.Today(time));
        return ledger.WriteAsync(async (context, token) =>
        {
            var stored = await CaseBook.FindOrCreateAsync(context, ledger.Cipher, @case, time, token).ConfigureAwait(false);
            if (await context.Loans.AnyAsync(l => l.CaseId == stored.Id && l.Reference == loan.Id, token).ConfigureAwait(false))
            {
                throw new RequestRefusedException(Localized.Format(LedgerText.Loan_Exists, loan.Id));
            }

            var now = time.GetUtcNow();
            var lender = await CaseLoans.LenderAsync(context, stored.Id, loan.Lender, now, token).ConfigureAwait(false);
            context.Loans.Add(StoredLoan.From(loan, stored.Id, lender, now));
            return 0;
        }, cancellationToken);
    }

    /// <summary>
    /// Changes a loan's facts: <paramref name="edit"/> receives the loan as it is and returns it as
    /// it should be (through <see cref="Loan.Create"/>); the stored facts are replaced in one go.
    /// </summary>
    /// <returns>The loan as stored now.</returns>
    public static Task<Loan> EditAsync(OpenLedger ledger, CaseReference @case, string reference, Func<Loan, LoanCreation> edit, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(time);
        return ledger.WriteAsync(async (context, token) =>
        {
            var stored = await CaseBook.RequireAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            var existing = await CaseLoans.FindAsync(context, stored.Id, reference, token).ConfigureAwait(false);
            var edited = CaseLoans.RequireHappened(CaseLoans.Require(edit(CaseLoans.ToLoan(existing)), reference), ChinaStandardTime.Today(time));
            if (edited.Id != existing.Reference
                && await context.Loans.AnyAsync(l => l.CaseId == stored.Id && l.Reference == edited.Id, token).ConfigureAwait(false))
            {
                throw new RequestRefusedException(Localized.Format(LedgerText.Loan_Exists, edited.Id));
            }

            var now = time.GetUtcNow();
            var lender = await CaseLoans.LenderAsync(context, stored.Id, edited.Lender, now, token, new HashSet<string>(StringComparer.Ordinal) { existing.Reference }).ConfigureAwait(false);
            var replacement = StoredLoan.From(edited, stored.Id, lender, now);
            replacement.Id = existing.Id;
            replacement.AddedAt = existing.AddedAt;
            Replace(context, existing, replacement);
            await CaseLoans.RemoveIdleLendersAsync(context, stored.Id, token).ConfigureAwait(false);
            return edited;
        }, cancellationToken);
    }

    /// <summary>Removes a loan with its schedule, fees and payments.</summary>
    public static Task RemoveAsync(OpenLedger ledger, CaseReference @case, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.WriteAsync(async (context, token) =>
        {
            var stored = await CaseBook.RequireAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            var existing = await CaseLoans.FindAsync(context, stored.Id, reference, token).ConfigureAwait(false);
            context.Loans.Remove(existing);
            await CaseLoans.RemoveIdleLendersAsync(context, stored.Id, token).ConfigureAwait(false);
            return 0;
        }, cancellationToken);
    }

    /// <summary>Records a payment on a loan.</summary>
    /// <exception cref="RequestRefusedException">No such loan, or the payment does not fit its facts (before the contract date, after today, not positive).</exception>
    public static Task AddPaymentAsync(OpenLedger ledger, CaseReference @case, string reference, Payment payment, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(time);
        return ledger.WriteAsync(async (context, token) =>
        {
            var stored = await CaseBook.RequireAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            var existing = await CaseLoans.FindAsync(context, stored.Id, reference, token).ConfigureAwait(false);
            var loan = CaseLoans.ToLoan(existing);
            CaseLoans.RequireHappened(
                CaseLoans.Require(
                    Loan.Create(loan.Id, loan.Lender, loan.ContractDate, loan.Principal, loan.Received, loan.UpfrontFees, loan.Schedule, [.. loan.Payments, payment], loan.Advertised, loan.OverdueTerms),
                    reference),
                ChinaStandardTime.Today(time));
            context.Payments.Add(StoredPayment.Of(existing.Id, payment, time.GetUtcNow()));
            return 0;
        }, cancellationToken);
    }

    /// <summary>
    /// Gives a stored loan another loan's facts, keeping its key: rows are updated in place by
    /// number, extra rows removed, missing rows added; payments are kept as recorded when they did
    /// not change.
    /// </summary>
    internal static void Replace(LedgerContext context, StoredLoan existing, StoredLoan replacement)
    {
        existing.Reference = replacement.Reference;
        existing.Lender = replacement.Lender;
        existing.LenderId = replacement.LenderId;
        existing.ContractDate = replacement.ContractDate;
        existing.Principal = replacement.Principal;
        existing.Received = replacement.Received;
        existing.AdvertisedValue = replacement.AdvertisedValue;
        existing.AdvertisedPer = replacement.AdvertisedPer;
        existing.AdvertisedMethod = replacement.AdvertisedMethod;
        existing.OverdueTermsKnown = replacement.OverdueTermsKnown;
        existing.OverdueRateValue = replacement.OverdueRateValue;
        existing.OverdueRatePer = replacement.OverdueRatePer;
        existing.OverduePenaltyPerDay = replacement.OverduePenaltyPerDay;
        existing.OverduePenaltyAmount = replacement.OverduePenaltyAmount;
        existing.OverdueOtherFees = replacement.OverdueOtherFees;

        var instalments = existing.Schedule.ToDictionary(i => i.Number);
        foreach (var instalment in replacement.Schedule)
        {
            if (instalments.Remove(instalment.Number, out var row))
            {
                (row.DueDate, row.Total, row.Principal, row.Interest, row.Fees) = (instalment.DueDate, instalment.Total, instalment.Principal, instalment.Interest, instalment.Fees);
            }
            else
            {
                instalment.LoanId = existing.Id;
                context.Instalments.Add(instalment);
            }
        }

        context.Instalments.RemoveRange(instalments.Values);

        var fees = existing.UpfrontFees.ToDictionary(f => f.Number);
        foreach (var fee in replacement.UpfrontFees)
        {
            if (fees.Remove(fee.Number, out var row))
            {
                (row.Name, row.Amount, row.Date) = (fee.Name, fee.Amount, fee.Date);
            }
            else
            {
                fee.LoanId = existing.Id;
                context.UpfrontFees.Add(fee);
            }
        }

        context.UpfrontFees.RemoveRange(fees.Values);

        static IEnumerable<(DateOnly, Money, PaymentTarget)> Facts(IEnumerable<StoredPayment> payments) => payments.Select(p => (p.Date, p.Amount, p.AppliesTo)).Order();
        if (!Facts(existing.Payments).SequenceEqual(Facts(replacement.Payments)))
        {
            context.Payments.RemoveRange(existing.Payments);
            foreach (var payment in replacement.Payments)
            {
                payment.LoanId = existing.Id;
                context.Payments.Add(payment);
            }
        }
    }
}
