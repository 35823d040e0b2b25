using System.Globalization;
using DebtShield.App;
using DebtShield.App.PlanRepayment;
using DebtShield.Cli.Commands.Ledger;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using DebtShield.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Planning;

/// <summary><c>debtshield afford OFFER.json [--budget YUAN]</c>: the affordability check of a new loan before taking it.</summary>
internal sealed class AffordCommand(TimeProvider time) : AsyncCommand<AffordCommand.Settings>
{
    internal sealed class Settings : CaseJsonSettings
    {
        [CommandArgument(0, "<OFFER>")]
        [LocalizedDescription(nameof(CliText.Afford_OfferArgument))]
        public string Offer { get; init; } = "";

        [CommandOption("--budget <YUAN>")]
        [LocalizedDescription(nameof(CliText.Plan_BudgetOption))]
        public string? Budget { get; init; }

        public override ValidationResult Validate() => Budget is not null && PlanCommand.NonNegative(Budget) is null
            ? ValidationResult.Error(string.Format(CultureInfo.CurrentCulture, CliText.Plan_InvalidYuan, "--budget", Budget))
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var facts = await CaseFacts.LoadAsync(ledger, settings.Case, cancellationToken);
        var report = Affordability.ForFile(facts, settings.Offer, ChinaStandardTime.Today(time), new PlanOptions(settings.Budget is null ? null : PlanCommand.NonNegative(settings.Budget), Optimize: false));
        if (settings.Json)
        {
            await JsonOutput.WriteAsync(report, ReportJsonContext.Default.AffordReport, cancellationToken);
            return DebtShieldApp.Success;
        }

        new FigureTable()
            .Row(CliText.Afford_Received, FigureTable.Yuan(report.Received))
            .Row(CliText.Afford_ServiceBefore, FigureTable.Yuan(report.DebtServiceBefore))
            .Row(CliText.Afford_ServiceAfter, FigureTable.Yuan(report.DebtServiceAfter))
            .Row(CliText.Afford_RatioBefore, Ratio(report.DebtServiceToIncomeBefore))
            .Row(CliText.Afford_RatioAfter, Ratio(report.DebtServiceToIncomeAfter), bold: true)
            .Write(CliContext.Current.Console);
        FigureTable.Section(CliContext.Current.Console, CliText.Afford_PushedTitle, report.PushedBehind);
        FigureTable.Verdict(CliContext.Current.Console, report.PushedBehind.Count > 0 || report.NewLoanBehind ? CliText.Afford_VerdictNo : CliText.Afford_VerdictFits);
        return DebtShieldApp.Success;
    }

    private static string Ratio(double? ratio) => ratio is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "—";
}
