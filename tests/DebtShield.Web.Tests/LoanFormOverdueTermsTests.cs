using DebtShield.App;
using DebtShield.Tests.Shared.Loans;
using DebtShield.Web.Forms;

namespace DebtShield.Web.Tests;

/// <summary>
/// The web's loan form (the pages' and the API's) reads the shared table of overdue terms
/// (<see cref="OverdueTermsCases"/>) as <c>loan add</c>, a loan table and a loan file do: the same
/// terms accepted, the same refused.
/// </summary>
public sealed class LoanFormOverdueTermsTests
{
    [Theory]
    [MemberData(nameof(OverdueTermsCases.Names), MemberType = typeof(OverdueTermsCases))]
    public void ToLoan_OverdueTermsCase_ReadsWhatEveryDoorReads(string name)
    {
        var given = OverdueTermsCases.All[name];
        var form = new LoanForm
        {
            Id = "银行贷",
            Lender = "某银行",
            Kind = "bank",
            ContractDate = "2026-01-01",
            Principal = "1000",
            Instalments = 1,
            Amount = "1100",
            FirstDue = "2026-02-01",
            OverdueRate = given.Rate,

            // The page's list of periods always sends one, a year unless another is chosen.
            OverduePer = given.Per ?? "year",
            PenaltyPerDay = given.PenaltyPerDay,
            Penalty = given.Penalty,
            OverdueFees = given.Fees,
            NoOverdueTerms = given.NoneAgreed,
        };

        var today = new DateOnly(2026, 6, 1);

        if (given.Expected is { } expected)
        {
            Assert.Equal(expected, form.ToLoan(today).OverdueTerms);
        }
        else
        {
            Assert.Throws<RequestRefusedException>(() => form.ToLoan(today));
        }
    }
}
