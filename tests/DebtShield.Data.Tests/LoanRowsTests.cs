using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Data.Loans;
using DebtShield.Data.Protection;
using DebtShield.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Data.Tests;

/// <summary>
/// A case's loans read with plain SQL: the same rows, every column, that EF Core's split include
/// reads, and only the case's; a stored value no member has is refused by name.
/// </summary>
public sealed class LoanRowsTests
{
    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task WithFactsAsync_StoredLoans_ReadAsEfCoreReadsThem(string provider)
    {
        // Given a case with a loan holding every kind of fact and a bare one under another lender, and a second case
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
        var bare = Loan.Create("白条", new Lender("另一家", LenderKind.ConsumerFinance), new DateOnly(2026, 1, 2), new Money(500m), new Money(500m), [], [new Instalment(new DateOnly(2026, 2, 2), new Money(510m))], [], null).Loan!;
        var caseId = await SampleFacts.StoreCaseAsync(ledger, LedgerCipher.None, SampleFacts.Loan("借呗-2"), bare, SampleFacts.Loan("借呗-1"));
        await SampleFacts.StoreCaseAsync(ledger, LedgerCipher.None, SampleFacts.Loan("别的案件"));

        // When they are read plainly and through EF Core
        var plain = await ledger.ReadAsync((context, token) => LoanRows.WithFactsAsync(context, caseId, token));
        var byEfCore = await ledger.ReadAsync((context, token) => context.Loans.AsNoTracking().Where(l => l.CaseId == caseId)
            .Include(l => l.Lender).Include(l => l.Schedule).Include(l => l.UpfrontFees).Include(l => l.Payments)
            .AsSplitQuery().OrderBy(l => l.Reference).ToListAsync(token));

        // Then the same loans come back in the same order, every column equal, and their facts are the loans stored
        Assert.Equal(byEfCore.Select(Columns), plain.Select(Columns));
        Assert.True(plain.Single(l => l.Reference == "借呗-1").ToLoan().Loan!.HasSameFacts(SampleFacts.Loan("借呗-1")));
        Assert.True(plain.Single(l => l.Reference == "白条").ToLoan().Loan!.HasSameFacts(bare));
        Assert.Equal(1150.005m, plain.Single(l => l.Reference == "借呗-1").Schedule.Single(i => i.Number == 2).Total.Yuan);
        Assert.Empty(await ledger.ReadAsync((context, token) => LoanRows.WithFactsAsync(context, Guid.CreateVersion7(), token)));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task WithFactsAsync_AnEnumIdNoMemberHas_IsRefusedNamingTheColumn(string provider)
    {
        // Given a payment whose target was edited by hand to an id no version writes
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
        var caseId = await SampleFacts.StoreCaseAsync(ledger, LedgerCipher.None, SampleFacts.Loan());
        await using (var context = ledger.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync("UPDATE payments SET applies_to = 'somewhere'");
        }

        // When the loans are read, then the ledger refuses, naming the column and value
        var refused = await Assert.ThrowsAsync<LedgerException>(() => ledger.ReadAsync((context, token) => LoanRows.WithFactsAsync(context, caseId, token)));
        Assert.Equal(LedgerProblem.StoredValueUnknown, refused.Problem);
        Assert.Contains("payments.applies_to", refused.Detail, StringComparison.Ordinal);
    }

    private static string Columns(StoredLoan loan) => string.Join(
        " | ",
        loan.Id, loan.CaseId, loan.LenderId, loan.Lender.Id, loan.Lender.CaseId, loan.Lender.Name, loan.Lender.Kind, loan.Reference, loan.ContractDate,
        loan.Principal, loan.Received, loan.AdvertisedValue, loan.AdvertisedPer, loan.AdvertisedMethod, loan.OverdueTermsKnown, loan.OverdueRateValue,
        loan.OverdueRatePer, loan.OverduePenaltyPerDay, loan.OverduePenaltyAmount, loan.OverdueOtherFees, loan.AddedAt.UtcTicks,
        string.Join(";", loan.Schedule.OrderBy(i => i.Number).Select(i => $"{i.LoanId} {i.Number} {i.DueDate} {i.Total} {i.Principal} {i.Interest} {i.Fees}")),
        string.Join(";", loan.UpfrontFees.OrderBy(f => f.Number).Select(f => $"{f.LoanId} {f.Number} {f.Name} {f.Amount} {f.Date}")),
        string.Join(";", loan.Payments.OrderBy(p => p.Id).Select(p => $"{p.Id} {p.LoanId} {p.Date} {p.Amount} {p.AppliesTo} {p.RecordedAt.UtcTicks}")));
}
