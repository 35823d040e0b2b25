using System.Globalization;
using DebtShield.App.ImportLoans;
using DebtShield.Cli.Resources;
using DebtShield.Core;
using DebtShield.Core.Loans;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Ledger;

/// <summary>
/// <c>debtshield loan import FILE [--replace]</c>: loans from a loan file, a case file, a loan
/// table (CSV/XLSX) or a pasted schedule (<c>.txt</c>, or <c>-</c> for standard input, with the
/// loan's own facts as options). All or nothing.
/// </summary>
internal sealed class LoanImportCommand(TimeProvider time) : AsyncCommand<LoanImportCommand.Settings>
{
    internal sealed class Settings : LoanAddCommand.LoanBasicsSettings
    {
        [CommandArgument(0, "<FILE>")]
        [LocalizedDescription(nameof(CliText.Import_FileArgument))]
        public string File { get; init; } = "";

        [CommandOption("--replace")]
        [LocalizedDescription(nameof(CliText.Import_ReplaceOption))]
        public bool Replace { get; init; }

        [CommandOption("--loan <NAME>")]
        [LocalizedDescription(nameof(CliText.Facts_LoanOption))]
        public string? Loan { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var pasted = PastedFacts(settings);
        LoanSourceReading reading;
        if (settings.File == DebtShieldApp.StandardInputArgument)
        {
            var text = await CliContext.Current.In.ReadToEndAsync(cancellationToken);
            reading = ImportLoans.ReadPasted(text, CliText.Import_StandardInput, pasted, ChinaStandardTime.Today(time));
        }
        else if (!File.Exists(settings.File))
        {
            throw new UserInputException(string.Format(CultureInfo.CurrentCulture, CliText.Error_InputNotFound, settings.File));
        }
        else
        {
            reading = ImportLoans.Read(settings.File, pasted, ChinaStandardTime.Today(time));
        }

        if (!reading.Succeeded)
        {
            foreach (var error in reading.Errors)
            {
                CliContext.Current.Error.WriteLine(error);
            }

            throw new UserInputException(string.Format(CultureInfo.CurrentCulture, CliText.Import_NothingImported, reading.Errors.Count));
        }

        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var summary = await ImportLoans.StoreAsync(ledger, settings.Case, reading, settings.Replace, time, cancellationToken);
        LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Import_Done, summary.Added, summary.Unchanged, summary.Replaced, summary.Case));
        return DebtShieldApp.Success;
    }

    private static PastedLoanFacts? PastedFacts(Settings settings)
    {
        if (settings.Loan is null && settings.Lender is null && settings.Kind is null && settings.ContractDate is null && settings.Principal is null)
        {
            return null;
        }

        return new PastedLoanFacts(
            LoanFacts.AskText(settings.Loan, "--loan", CliText.Ask_Loan),
            new Lender(LoanFacts.AskText(settings.Lender, "--lender", CliText.Ask_Lender), LoanFacts.Kind(settings.Kind) ?? throw new UserInputException(LoanFacts.Missing("--kind"))),
            LoanFacts.Date(settings.ContractDate, "--contract-date") ?? throw new UserInputException(LoanFacts.Missing("--contract-date")),
            LoanFacts.Amount(settings.Principal, "--principal") ?? throw new UserInputException(LoanFacts.Missing("--principal")),
            LoanFacts.Amount(settings.Received, "--received"));
    }
}
