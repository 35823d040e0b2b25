using DebtShield.App;
using DebtShield.App.CheckContract;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Before;

/// <summary>
/// <c>debtshield contract FILE|- [--json]</c> and <c>debtshield scam-check FILE|- [--json]</c>: the
/// clauses of an agreement (or the sentences of an advert) that matter, each with why, the law
/// and what to do.
/// </summary>
internal sealed class ContractCommand : AsyncCommand<ContractCommand.Settings>
{
    /// <summary>The arguments of both commands.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [LocalizedDescription(nameof(CliText.Contract_FileArgument))]
        public string Path { get; init; } = "";

        [CommandOption("--json")]
        [LocalizedDescription(nameof(CliText.Rate_JsonOption))]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (stdin, path) = await TextInput.OpenAsync(settings.Path, cancellationToken);
        var text = stdin ?? CheckContract.ReadFile(path!);
        var report = context.Name == "scam-check" ? CheckContract.Scam(text) : CheckContract.Clauses(text);
        if (settings.Json)
        {
            await JsonOutput.WriteAsync(report, ReportJsonContext.Default.ClauseCheckReport, cancellationToken);
        }
        else
        {
            ClauseTable.Write(CliContext.Current.Console, report);
        }

        return DebtShieldApp.Success;
    }
}
