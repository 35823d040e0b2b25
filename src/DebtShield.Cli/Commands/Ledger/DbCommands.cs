using System.Globalization;
using DebtShield.App;
using DebtShield.App.Ledgers;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Ledger;

/// <summary><c>debtshield db status [--json]</c>: where the ledger is, its schema, protection and contents.</summary>
internal sealed class DbStatusCommand : AsyncCommand<DbStatusCommand.Settings>
{
    internal sealed class Settings : LedgerSettings
    {
        [CommandOption("--json")]
        [LocalizedDescription(nameof(CliText.Rate_JsonOption))]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var status = await LedgerAdministration.StatusAsync(LedgerSession.Locate(settings), cancellationToken);
        if (settings.Json)
        {
            await JsonOutput.WriteAsync(status, ReportJsonContext.Default.LedgerStatus, cancellationToken);
            return DebtShieldApp.Success;
        }

        var culture = CultureInfo.CurrentCulture;
        FigureTable.Section(CliContext.Current.Console, CliText.Db_StatusTitle,
        [
            string.Format(culture, CliText.Db_StatusLocation, status.Location, status.Provider),
            string.Format(culture, CliText.Db_StatusSchema, status.Schema.Applied.Count, status.Schema.Pending.Count, (status.Schema.Applied.Count > 0 ? status.Schema.Applied[^1] : "—")),
            status.ProtectionUnfinished ? CliText.Db_StatusProtectionUnfinished : status.Protected ? CliText.Db_StatusProtected : CliText.Db_StatusUnprotected,
            string.Format(culture, CliText.Db_StatusContents, status.Cases, status.Loans, status.Payments),
        ]);
        return DebtShieldApp.Success;
    }
}

/// <summary><c>debtshield db migrate</c>: applies pending migrations now (every other command also does, first).</summary>
internal sealed class DbMigrateCommand : AsyncCommand<LedgerSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LedgerSettings settings, CancellationToken cancellationToken)
    {
        var location = LedgerSession.Locate(settings);
        var (before, after) = await LedgerAdministration.MigrateAsync(location, cancellationToken);
        LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Db_Migrated, location.Display, before.Pending.Count, after.Applied.Count > 0 ? after.Applied[^1] : "—"));
        return DebtShieldApp.Success;
    }
}

/// <summary>
/// <c>debtshield db protect</c>: sets the ledger's passphrase, or changes it. The new passphrase is
/// typed twice at the terminal, or given as <c>DEBTSHIELD_NEW_PASSPHRASE</c> in scripts.
/// </summary>
internal sealed class DbProtectCommand(TimeProvider time) : AsyncCommand<LedgerSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LedgerSettings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var passphrase = CliContext.Current.Variable("DEBTSHIELD_NEW_PASSPHRASE");
        if (string.IsNullOrEmpty(passphrase))
        {
            if (!LedgerSession.Interactive)
            {
                throw new UserInputException(CliText.Db_ProtectNeedsPassphrase);
            }

            passphrase = LedgerSession.Prompts.Prompt(new TextPrompt<string>(CliText.Db_NewPassphrasePrompt).Secret());
            var again = LedgerSession.Prompts.Prompt(new TextPrompt<string>(CliText.Db_RepeatPassphrasePrompt).Secret());
            if (passphrase != again)
            {
                throw new UserInputException(CliText.Db_PassphrasesDiffer);
            }
        }

        var wasProtected = ledger.IsProtected;
        var cleaned = await LedgerAdministration.ProtectAsync(ledger, passphrase, time, cancellationToken);
        LedgerSession.Notice(wasProtected ? CliText.Db_PassphraseChanged : CliText.Db_Protected);
        if (!cleaned)
        {
            LedgerSession.Notice(CliText.Db_CleanupPending);
        }
        return DebtShieldApp.Success;
    }
}

/// <summary><c>debtshield backup FILE</c>: a consistent snapshot of the whole ledger, safe while other commands run.</summary>
internal sealed class BackupCommand(TimeProvider time) : AsyncCommand<BackupCommand.Settings>
{
    internal sealed class Settings : LedgerSettings
    {
        [CommandArgument(0, "<FILE>")]
        [LocalizedDescription(nameof(CliText.Backup_FileArgument))]
        public string File { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var rows = await LedgerAdministration.BackupAsync(ledger, settings.File, time, cancellationToken);
        LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Backup_Done, rows, ledger.Display, settings.File));
        return DebtShieldApp.Success;
    }
}

/// <summary><c>debtshield restore FILE</c>: the backup into an empty ledger (<c>--db</c>), every row or none.</summary>
internal sealed class RestoreCommand : AsyncCommand<BackupCommand.Settings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BackupCommand.Settings settings, CancellationToken cancellationToken)
    {
        var location = LedgerSession.Locate(settings);
        var rows = await LedgerAdministration.RestoreAsync(location, settings.File, LedgerSession.Passphrase, cancellationToken);
        LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Restore_Done, rows, settings.File, location.Display));
        return DebtShieldApp.Success;
    }
}
