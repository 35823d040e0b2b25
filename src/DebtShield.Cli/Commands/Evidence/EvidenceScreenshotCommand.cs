using System.Globalization;
using DebtShield.App.RecordEvidence;
using DebtShield.Cli.Commands.Ledger;
using DebtShield.Cli.Resources;
using DebtShield.Core.Vocabulary;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Evidence;

/// <summary>
/// <c>debtshield evidence import-screenshot IMAGE… [--recipient borrower|third_party] [--contact NAME]</c>:
/// chat and SMS screenshots into the chain, with a progress bar while they are read.
/// </summary>
internal sealed class EvidenceScreenshotCommand(TimeProvider time) : AsyncCommand<EvidenceScreenshotCommand.Settings>
{
    internal sealed class Settings : CaseSettings
    {
        [CommandArgument(0, "<IMAGE>")]
        [LocalizedDescription(nameof(CliText.Evidence_ImagesArgument))]
        public string[] Images { get; init; } = [];

        [CommandOption("--recipient <KIND>")]
        [LocalizedDescription(nameof(CliText.Evidence_ScreenshotRecipientOption))]
        public string? Recipient { get; init; }

        [CommandOption("--contact <NAME>")]
        [LocalizedDescription(nameof(CliText.Evidence_ScreenshotContactOption))]
        public string? Contact { get; init; }

        public override ValidationResult Validate()
        {
            var recipient = Vocabularies.Recipients.Parse(Recipient);
            if (Recipient is not null && recipient is not (Core.Conduct.Recipient.Borrower or Core.Conduct.Recipient.ThirdParty))
            {
                return ValidationResult.Error(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_BadRecipient, Recipient));
            }

            return (recipient == Core.Conduct.Recipient.ThirdParty && string.IsNullOrWhiteSpace(Contact)) || (recipient == Core.Conduct.Recipient.Borrower && Contact is not null)
                ? ValidationResult.Error(CliText.Evidence_ScreenshotNeedsContact)
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var files = ImportScreenshots.Files(settings.Images);
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        ScreenshotImport? result = null;
        await LedgerSession.Prompts.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(CliText.Evidence_ScreenshotReading, maxValue: Math.Max(1, files.Count));
                result = await ImportScreenshots.ImportAsync(ledger, settings.Case, files, settings.Contact, time, new Ticks(task), cancellationToken);
            });

        foreach (var screenshot in result!.Screenshots)
        {
            LedgerSession.Notice(screenshot.Outcome switch
            {
                ScreenshotOutcome.Added => Localized.Format(CliText.Evidence_ScreenshotAdded, screenshot.Name, screenshot.Added, screenshot.Conversation ?? "—", screenshot.ToConfirm),
                ScreenshotOutcome.NothingNew => Localized.Format(CliText.Evidence_ScreenshotNothingNew, screenshot.Name, screenshot.Messages),
                ScreenshotOutcome.AlreadyImported => Localized.Format(CliText.Evidence_ScreenshotAlready, screenshot.Name),
                ScreenshotOutcome.CopyInImport => Localized.Format(CliText.Evidence_ScreenshotCopy, screenshot.Name, screenshot.CopyOf),
                _ => screenshot.Problem ?? screenshot.Name,
            });
            if (screenshot.Unread > 0)
            {
                LedgerSession.Notice(Localized.Format(CliText.Evidence_ScreenshotUnread, screenshot.Name, screenshot.Unread));
            }
        }

        LedgerSession.Notice(Localized.Format(CliText.Evidence_ScreenshotsImported, result.Added, result.ToConfirm, result.Refused));
        return result.Refused == 0 ? DebtShieldApp.Success
            : result.Refused == result.Screenshots.Count ? DebtShieldApp.UserError
            : DebtShieldApp.PartlyDone;
    }

    /// <summary>Moves the bar by one for each screenshot read (from whichever thread read it).</summary>
    private sealed class Ticks(ProgressTask task) : IProgress<ScreenshotResult>
    {
        public void Report(ScreenshotResult value) => task.Increment(1);
    }
}
