using DebtShield.App.Ledgers;
using DebtShield.Cli.Resources;
using Spectre.Console;

namespace DebtShield.Cli.Commands.Ledger;

/// <summary>
/// Opens the ledger for a command: location from <c>--db</c> or <c>DEBTSHIELD_DB</c>, passphrase
/// from <c>DEBTSHIELD_PASSPHRASE</c> or, in a terminal, typed without echo; migrations announced on stderr.
/// </summary>
internal static class LedgerSession
{
    /// <summary>Where the ledger is.</summary>
    public static LedgerAddress Locate(LedgerSettings settings) =>
        LedgerAccess.Resolve(settings.Db, CliContext.Current.Variable("DEBTSHIELD_DB"), CliContext.Current.DefaultLedgerFile());

    /// <summary>Opens the ledger.</summary>
    public static Task<OpenLedger> OpenAsync(LedgerSettings settings, CancellationToken cancellationToken) =>
        LedgerAccess.OpenAsync(Locate(settings), Passphrase, Notice, cancellationToken);

    /// <summary>The passphrase, when one is available.</summary>
    public static string? Passphrase() =>
        CliContext.Current.Variable("DEBTSHIELD_PASSPHRASE") is { Length: > 0 } given ? given
        : Interactive ? Prompts.Prompt(new TextPrompt<string>(CliText.Ledger_PassphrasePrompt).Secret())
        : null;

    /// <summary>
    /// True when a person can answer prompts: input and the prompts' own stream are a terminal.
    /// Standard output may be piped (<c>loan list --json | jq</c>).
    /// </summary>
    public static bool Interactive => CliContext.Current.IsTerminal;

    /// <summary>Where questions are asked: standard error, so that standard output stays the command's result.</summary>
    public static IAnsiConsole Prompts => CliContext.Current.Prompts;

    /// <summary>A line for the user on stderr, so stdout stays clean for <c>--json</c>.</summary>
    public static void Notice(string text) => CliContext.Current.Error.WriteLine(text);
}
