using DebtShield.App;
using DebtShield.App.CheckLender;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Before;

/// <summary><c>debtshield lender NAME [--json]</c>: is the lender on the local list of licensed institutions?</summary>
internal sealed class LenderCommand : AsyncCommand<LenderCommand.Settings>
{
    /// <summary>The arguments of <c>debtshield lender</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<NAME>")]
        [LocalizedDescription(nameof(CliText.Lender_NameArgument))]
        public string Name { get; init; } = "";

        [CommandOption("--json")]
        [LocalizedDescription(nameof(CliText.Rate_JsonOption))]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error(CliText.Error_LenderNameEmpty) : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var report = CheckLender.Run(settings.Name);
        if (settings.Json)
        {
            await JsonOutput.WriteAsync(report, ReportJsonContext.Default.LenderCheckReport, cancellationToken);
        }
        else
        {
            LenderTable.Write(CliContext.Current.Console, report);
        }

        return DebtShieldApp.Success;
    }
}
