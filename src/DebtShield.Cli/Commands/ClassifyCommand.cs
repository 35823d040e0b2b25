using DebtShield.App.ClassifyMessages;
using DebtShield.Cli.Resources;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands;

/// <summary>
/// <c>debtshield classify [--text] [--input FILE] [--output FILE]</c>: labels each message with
/// the collection rules it breaks, one JSON result a line. Reads and writes; never sends.
/// </summary>
internal sealed class ClassifyCommand : AsyncCommand<ClassifyCommand.Settings>
{
    /// <summary>The arguments of <c>debtshield classify</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--text")]
        [LocalizedDescription(nameof(CliText.Classify_TextOption))]
        public bool Text { get; init; }

        [CommandOption("-i|--input <FILE>")]
        [LocalizedDescription(nameof(CliText.Classify_InputOption))]
        public string? InputPath { get; init; }

        [CommandOption("-o|--output <FILE>")]
        [LocalizedDescription(nameof(CliText.Classify_OutputOption))]
        public string? OutputPath { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var input = BatchRun.OpenInput(settings.InputPath, CliText.Error_InputNotFound);
        await using var output = BatchRun.OpenOutput(settings.OutputPath);
        var summary = await ClassifyMessageBatch.RunAsync(
            input,
            output,
            settings.Text ? ClassifyInput.PlainText : ClassifyInput.JsonLines,
            cancellationToken);
        await CliContext.Current.Error.WriteLineAsync(Localized.Format(CliText.Classify_Summary, summary.Messages, summary.Errors));
        return DebtShieldApp.Success;
    }
}
