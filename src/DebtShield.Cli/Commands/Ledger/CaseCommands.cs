using System.Globalization;
using DebtShield.App;
using DebtShield.App.Cases;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using DebtShield.Core.Cases;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Ledger;

/// <summary><c>debtshield case list [--json]</c>: the ledger's cases.</summary>
internal sealed class CaseListCommand : AsyncCommand<CaseListCommand.Settings>
{
    internal sealed class Settings : LedgerSettings
    {
        [CommandOption("--json")]
        [LocalizedDescription(nameof(CliText.Rate_JsonOption))]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var cases = await CaseBook.ListAsync(ledger, cancellationToken);
        if (settings.Json)
        {
            await JsonOutput.WriteAsync(cases, ReportJsonContext.Default.IReadOnlyListCaseSummary, cancellationToken);
            return DebtShieldApp.Success;
        }

        var table = new Table().AddColumns(CliText.Case_TitleColumn, CliText.Case_BorrowerColumn, CliText.Case_LoansColumn, CliText.Case_CreatedColumn);
        foreach (var summary in cases)
        {
            table.AddRow(
                Markup.Escape(summary.Profile.Title),
                Markup.Escape(summary.Profile.BorrowerName ?? "—"),
                summary.Loans.ToString(CultureInfo.InvariantCulture),
                summary.CreatedAt.ToOffset(Core.ChinaStandardTime.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        CliContext.Current.Console.Write(table);
        return DebtShieldApp.Success;
    }
}

/// <summary><c>debtshield case add TITLE [--name --phone --id-number --notes]</c>: opens a case.</summary>
internal sealed class CaseAddCommand(TimeProvider time) : AsyncCommand<CaseAddCommand.Settings>
{
    internal sealed class Settings : LedgerSettings
    {
        [CommandArgument(0, "<TITLE>")]
        [LocalizedDescription(nameof(CliText.Case_TitleArgument))]
        public string Title { get; init; } = "";

        [CommandOption("--name <NAME>")]
        [LocalizedDescription(nameof(CliText.Case_NameOption))]
        public string? Name { get; init; }

        [CommandOption("--phone <PHONE>")]
        [LocalizedDescription(nameof(CliText.Case_PhoneOption))]
        public string? Phone { get; init; }

        [CommandOption("--id-number <ID>")]
        [LocalizedDescription(nameof(CliText.Case_IdNumberOption))]
        public string? IdNumber { get; init; }

        [CommandOption("--notes <TEXT>")]
        [LocalizedDescription(nameof(CliText.Case_NotesOption))]
        public string? Notes { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Title) ? ValidationResult.Error(LoanFacts.Missing("TITLE")) : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var profile = new CaseProfile(settings.Title, settings.Name, settings.Phone, settings.IdNumber, settings.Notes);
        await CaseBook.AddAsync(ledger, profile, time, cancellationToken);
        LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Case_Added, profile.Title));
        if (!ledger.IsProtected && (profile.BorrowerName ?? profile.BorrowerPhone ?? profile.BorrowerIdNumber ?? profile.Notes) is not null)
        {
            LedgerSession.Notice(CliText.Case_UnprotectedHint);
        }

        return DebtShieldApp.Success;
    }
}
