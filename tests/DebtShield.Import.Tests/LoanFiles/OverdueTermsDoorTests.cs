using System.Text;
using DebtShield.Import.LoanFiles;
using DebtShield.Import.LoanTables;
using DebtShield.Tests.Shared.Loans;

namespace DebtShield.Import.Tests.LoanFiles;

/// <summary>
/// The loan file and the loan table read the shared table of overdue terms
/// (<see cref="OverdueTermsCases"/>) as the CLI and the web form do: the same terms accepted,
/// the same refused.
/// </summary>
public sealed class OverdueTermsDoorTests
{
    /// <summary>
    /// The cases a loan file can write: in a file, nothing agreed is <c>{}</c>, so it cannot say
    /// nothing is agreed beside a term.
    /// </summary>
    public static TheoryData<string> FileCases =>
        [.. OverdueTermsCases.All.Values.Where(c => !c.NoneAgreed || (c.Rate, c.Per, c.PenaltyPerDay, c.Penalty, c.Fees) is (null, null, null, null, null)).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(FileCases))]
    public void LoanFileReader_OverdueTermsCase_ReadsWhatEveryDoorReads(string name)
    {
        var given = OverdueTermsCases.All[name];

        var reading = LoanFileReader.Read(Encoding.UTF8.GetBytes(LoanFile(given)), "loan");

        Assert.Equal(given.Expected, reading.Loan?.OverdueTerms);
        Assert.Equal(given.Expected is null, reading.Errors.Count > 0);
    }

    [Theory]
    [MemberData(nameof(OverdueTermsCases.Names), MemberType = typeof(OverdueTermsCases))]
    public void LoanTableReader_OverdueTermsCase_ReadsWhatEveryDoorReads(string name)
    {
        var given = OverdueTermsCases.All[name];
        string?[] row =
        [
            "loan", "bank", "2026-01-01", "1000", "2026-02-01", "1100",
            given.Rate, given.Per, given.PenaltyPerDay, given.Penalty, given.Fees, given.NoneAgreed ? "none" : null,
        ];

        var reading = LoanTableReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(
            "loan,lender_kind,contract_date,principal,due_date,total,overdue_rate,overdue_per,penalty_per_day,penalty,overdue_fees,overdue_terms\n"
            + string.Join(',', row))));

        Assert.Equal(given.Expected, reading.Loans.SingleOrDefault()?.OverdueTerms);
        Assert.Equal(given.Expected is null, !reading.Succeeded);
    }

    /// <summary>The case as a loan file: no <c>overdueTerms</c> when nothing is given, <c>{}</c> when nothing is agreed.</summary>
    private static string LoanFile(OverdueTermsCase given)
    {
        var parts = new List<string>();
        if (given.Rate is not null || given.Per is not null)
        {
            var rate = new List<string>();
            if (given.Rate is not null)
            {
                rate.Add($"\"value\": {given.Rate}");
            }

            if (given.Per is not null)
            {
                rate.Add($"\"per\": \"{given.Per}\"");
            }

            parts.Add($"\"rate\": {{ {string.Join(", ", rate)} }}");
        }

        var penalty = new List<string>();
        if (given.PenaltyPerDay is not null)
        {
            penalty.Add($"\"perDay\": {given.PenaltyPerDay}");
        }

        if (given.Penalty is not null)
        {
            penalty.Add($"\"amount\": {given.Penalty}");
        }

        if (penalty.Count > 0)
        {
            parts.Add($"\"penalty\": {{ {string.Join(", ", penalty)} }}");
        }

        if (given.Fees is not null)
        {
            parts.Add($"\"otherFees\": {given.Fees}");
        }

        var terms = parts.Count > 0 || given.NoneAgreed ? $", \"overdueTerms\": {{ {string.Join(", ", parts)} }}" : string.Empty;
        return $$"""
            {
              "lender": { "name": "某银行", "kind": "bank" },
              "contractDate": "2026-01-01",
              "principal": 1000,
              "schedule": [ { "dueDate": "2026-02-01", "total": 1100 } ]{{terms}}
            }
            """;
    }
}
