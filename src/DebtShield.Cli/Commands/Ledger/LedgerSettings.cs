using DebtShield.App.Cases;
using DebtShield.Cli.Resources;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Ledger;

/// <summary>What every command that touches the ledger takes: <c>--db</c> (else <c>DEBTSHIELD_DB</c>, else the default file).</summary>
internal class LedgerSettings : CommandSettings
{
    [CommandOption("--db <DB>")]
    [LocalizedDescription(nameof(CliText.Ledger_DbOption))]
    public string? Db { get; init; }
}

/// <summary>Ledger commands that work on one case: <c>--case</c> names it, by title or id, when the ledger holds several.</summary>
internal class CaseSettings : LedgerSettings
{
    [CommandOption("--case <CASE>")]
    [LocalizedDescription(nameof(CliText.Ledger_CaseOption))]
    public string? CaseName { get; init; }

    /// <summary>The case as the App's use cases take it: by id when the words read as one a case has, else by title.</summary>
    public CaseReference Case => CaseReference.Named(CaseName);
}

/// <summary>Case commands that can print JSON.</summary>
internal class CaseJsonSettings : CaseSettings
{
    [CommandOption("--json")]
    [LocalizedDescription(nameof(CliText.Rate_JsonOption))]
    public bool Json { get; init; }
}
