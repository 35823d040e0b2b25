using DebtShield.App.RecordLoans;
using DebtShield.Cli.Resources;
using DebtShield.Core;
using DebtShield.Core.Loans;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Ledger;

/// <summary>
/// <c>debtshield payment add NAME --amount YUAN [--date DATE] [--applies-to principal|interest|fees]</c>:
/// records a payment (today by default; without <c>--applies-to</c>, the statutory order applies).
/// </summary>
internal sealed class PaymentAddCommand(TimeProvider time) : AsyncCommand<PaymentAddCommand.Settings>
{
    internal sealed class Settings : CaseSettings
    {
        [CommandArgument(0, "<LOAN>")]
        [LocalizedDescription(nameof(CliText.Loan_NameArgument))]
        public string Loan { get; init; } = "";

        [CommandOption("--amount <YUAN>")]
        [LocalizedDescription(nameof(CliText.Payment_AmountOption))]
        public string? Amount { get; init; }

        [CommandOption("--date <DATE>")]
        [LocalizedDescription(nameof(CliText.Payment_DateOption))]
        public string? Date { get; init; }

        [CommandOption("--applies-to <TARGET>")]
        [LocalizedDescription(nameof(CliText.Payment_AppliesToOption))]
        public string? AppliesTo { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var amount = LoanFacts.Amount(settings.Amount, "--amount") ?? throw new UserInputException(LoanFacts.Missing("--amount"));
        var date = LoanFacts.Date(settings.Date, "--date") ?? ChinaStandardTime.Today(time);
        var target = settings.AppliesTo is null ? PaymentTarget.Default : LoanFacts.Target(settings.AppliesTo);
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        await RecordLoan.AddPaymentAsync(ledger, settings.Case, settings.Loan, new Payment(date, amount, target), time, cancellationToken);
        LedgerSession.Notice(string.Format(System.Globalization.CultureInfo.CurrentCulture, CliText.Payment_Added, Rendering.FigureTable.Yuan(amount.Yuan), date, settings.Loan));
        return DebtShieldApp.Success;
    }
}
