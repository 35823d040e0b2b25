using DebtShield.App.RecordLoans;
using DebtShield.Cli.Resources;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Ledger;

/// <summary><c>debtshield loan remove NAME [--yes]</c>: asks before removing a loan and everything recorded on it.</summary>
internal sealed class LoanRemoveCommand : AsyncCommand<LoanRemoveCommand.Settings>
{
    internal sealed class Settings : CaseSettings
    {
        [CommandArgument(0, "<LOAN>")]
        [LocalizedDescription(nameof(CliText.Loan_NameArgument))]
        public string Loan { get; init; } = "";

        [CommandOption("-y|--yes")]
        [LocalizedDescription(nameof(CliText.Loan_YesOption))]
        public bool Yes { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        if (!settings.Yes)
        {
            if (!LedgerSession.Interactive)
            {
                throw new UserInputException(CliText.Loan_RemoveNeedsYes);
            }

            var question = string.Format(System.Globalization.CultureInfo.CurrentCulture, CliText.Loan_RemoveConfirm, settings.Loan);
            if (!LedgerSession.Prompts.Confirm(question, defaultValue: false))
            {
                LedgerSession.Notice(CliText.Loan_RemoveCancelled);
                return DebtShieldApp.Success;
            }
        }

        await RecordLoan.RemoveAsync(ledger, settings.Case, settings.Loan, cancellationToken);
        LedgerSession.Notice(string.Format(System.Globalization.CultureInfo.CurrentCulture, CliText.Loan_Removed, settings.Loan));
        return DebtShieldApp.Success;
    }
}
