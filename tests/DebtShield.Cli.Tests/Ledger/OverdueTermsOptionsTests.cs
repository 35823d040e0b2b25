using DebtShield.Tests.Shared.Loans;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Cli.Tests.Ledger;

/// <summary>
/// <c>loan add</c>'s overdue-term options read the shared table of overdue terms
/// (<see cref="OverdueTermsCases"/>) as the web form, a loan table and a loan file do: the same
/// terms kept, the same refused.
/// </summary>
public sealed class OverdueTermsOptionsTests
{
    [Theory]
    [MemberData(nameof(OverdueTermsCases.Names), MemberType = typeof(OverdueTermsCases))]
    public async Task LoanAdd_OverdueTermsCase_KeepsWhatEveryDoorReads(string name)
    {
        var given = OverdueTermsCases.All[name];
        using var cli = new LedgerCli("sqlite");
        string[] options =
        [
            .. Option("--overdue-rate", given.Rate),
            .. Option("--overdue-per", given.Per),
            .. Option("--penalty-per-day", given.PenaltyPerDay),
            .. Option("--penalty", given.Penalty),
            .. Option("--overdue-fees", given.Fees),
            .. given.NoneAgreed ? ["--no-overdue-terms"] : Array.Empty<string>(),
        ];

        var added = cli.Run(
        [
            "loan", "add", "--loan", "银行贷", "--lender", "某银行", "--kind", "bank", "--contract-date", "2026-01-01",
            "--principal", "1000", "--due", "2026-02-01=1100", .. options,
        ]);

        if (given.Expected is { } expected)
        {
            Assert.Equal(0, added.ExitCode);
            Assert.Equal(expected, await KeptTermsAsync(cli));
        }
        else
        {
            // Refused before the ledger is opened: exit 1, a message the borrower can act on.
            Assert.Equal(1, added.ExitCode);
            Assert.NotEmpty(added.Stderr);
        }
    }

    /// <summary>An option with its value in one argument (<c>--overdue-fees=-5</c>), so a negative value is not read as an option.</summary>
    private static string[] Option(string option, string? value) => value is null ? [] : [option + "=" + value];

    /// <summary>The overdue terms of the loan the ledger keeps.</summary>
    private static async Task<Core.Loans.OverdueTerms?> KeptTermsAsync(LedgerCli cli) =>
        await Data.Ledger.InspectAsync(cli.Ledger.Location, async (context, token) =>
        {
            var stored = await context.Loans
                .Include(l => l.Lender).Include(l => l.Schedule).Include(l => l.UpfrontFees).Include(l => l.Payments)
                .SingleAsync(token);
            return stored.ToLoan().Loan?.OverdueTerms;
        });
}
