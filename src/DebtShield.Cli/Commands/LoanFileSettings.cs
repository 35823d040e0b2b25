using DebtShield.Cli.Resources;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands;

/// <summary>
/// What every command that reads loans takes: one loan file, or a JSONL batch with an optional
/// output file, and <c>--json</c>.
/// </summary>
internal class LoanFileSettings : CommandSettings
{
    [CommandArgument(0, "[LOAN]")]
    [LocalizedDescription(nameof(CliText.Rate_LoanArgument))]
    public string? LoanPath { get; init; }

    [CommandOption("--batch <FILE>")]
    [LocalizedDescription(nameof(CliText.Rate_BatchOption))]
    public string? BatchPath { get; init; }

    [CommandOption("-o|--output <FILE>")]
    [LocalizedDescription(nameof(CliText.Rate_OutputOption))]
    public string? OutputPath { get; init; }

    [CommandOption("--json")]
    [LocalizedDescription(nameof(CliText.Rate_JsonOption))]
    public bool Json { get; init; }

    public override ValidationResult Validate()
    {
        if ((LoanPath is null) == (BatchPath is null))
        {
            return ValidationResult.Error(CliText.Error_NeedLoanOrBatch);
        }

        return OutputPath is not null && BatchPath is null
            ? ValidationResult.Error(CliText.Error_OutputWithoutBatch)
            : ValidationResult.Success();
    }
}
