using DebtShield.Core.Loans;
using DebtShield.Import.CaseFiles;

namespace DebtShield.Import.Tests.CaseFiles;

/// <summary>Asserts that two cases (or loans) hold the same facts, one fact at a time so a failure names it.</summary>
internal static class CaseFacts
{
    public static void AssertSame(CaseFileContent expected, CaseFileContent actual)
    {
        Assert.Equal(expected.Profile, actual.Profile);
        Assert.Equal(expected.Budget.Lines, actual.Budget.Lines);
        Assert.Equal(expected.Loans.Count, actual.Loans.Count);
        for (var i = 0; i < expected.Loans.Count; i++)
        {
            AssertSame(expected.Loans[i], actual.Loans[i]);
        }
    }

    public static void AssertSame(Loan expected, Loan actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Lender, actual.Lender);
        Assert.Equal(expected.ContractDate, actual.ContractDate);
        Assert.Equal(expected.Principal, actual.Principal);
        Assert.Equal(expected.Received, actual.Received);
        Assert.Equal(expected.UpfrontFees, actual.UpfrontFees);
        Assert.Equal(expected.Schedule, actual.Schedule);
        Assert.Equal(expected.Payments, actual.Payments);
        Assert.Equal(expected.Advertised, actual.Advertised);
        Assert.Equal(expected.OverdueTerms, actual.OverdueTerms);
    }
}
