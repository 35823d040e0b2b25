using System.Globalization;
using DebtShield.App.RecordLoans;
using DebtShield.Cli.Resources;
using DebtShield.Core.Loans;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Ledger;

/// <summary>
/// <c>debtshield loan edit NAME [options]</c>: corrects a loan's facts. Only the options given
/// change; a new schedule (<c>--due</c>, or <c>--instalments/--amount/--first-due</c>) replaces the old one.
/// </summary>
internal sealed class LoanEditCommand(TimeProvider time) : AsyncCommand<LoanEditCommand.Settings>
{
    internal sealed class Settings : LoanAddCommand.FactSettings
    {
        [CommandArgument(0, "<LOAN>")]
        [LocalizedDescription(nameof(CliText.Loan_NameArgument))]
        public string Loan { get; init; } = "";

        [CommandOption("--rename <NAME>")]
        [LocalizedDescription(nameof(CliText.Loan_RenameOption))]
        public string? Rename { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var kind = LoanFacts.Kind(settings.Kind);
        var contractDate = LoanFacts.Date(settings.ContractDate, "--contract-date");
        var principal = LoanFacts.Amount(settings.Principal, "--principal");
        var received = LoanFacts.Amount(settings.Received, "--received");
        var schedule = LoanFacts.Schedule(settings.Due, settings.Instalments, settings.Amount, settings.FirstDue);
        var advertised = LoanFacts.Advertised(settings.StatedRate, settings.StatedPer, settings.StatedMethod);
        var overdueTerms = settings.OverdueTerms();

        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var edited = await RecordLoan.EditAsync(
            ledger,
            settings.Case,
            settings.Loan,
            loan =>
            {
                var date = contractDate ?? loan.ContractDate;
                var fees = settings.Fee is null ? loan.UpfrontFees : LoanFacts.Fees(settings.Fee, date);
                return Loan.Create(
                    string.IsNullOrWhiteSpace(settings.Rename) ? loan.Id : settings.Rename.Trim(),
                    new Lender(string.IsNullOrWhiteSpace(settings.Lender) ? loan.Lender.Name : settings.Lender.Trim(), kind ?? loan.Lender.Kind),
                    date,
                    principal ?? loan.Principal,
                    received ?? (loan.Received == loan.Principal ? null : loan.Received),
                    fees,
                    schedule ?? loan.Schedule,
                    loan.Payments,
                    advertised ?? loan.Advertised,
                    overdueTerms ?? loan.OverdueTerms);
            },
            time,
            cancellationToken);
        LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Loan_Edited, edited.Id));
        return DebtShieldApp.Success;
    }
}
