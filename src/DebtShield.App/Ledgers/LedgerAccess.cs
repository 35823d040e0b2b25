using DebtShield.App.Resources;
using DebtShield.Data;

namespace DebtShield.App.Ledgers;

/// <summary>
/// Use case: open the ledger the user named. <c>--db</c> wins, then <c>DEBTSHIELD_DB</c>, then the
/// default file in the user's data folder; pending migrations are applied after saying so.
/// </summary>
public static class LedgerAccess
{
    /// <summary>Where the ledger is: the <c>--db</c> value, else <c>DEBTSHIELD_DB</c>, else the default file.</summary>
    /// <exception cref="RequestRefusedException">The value is not a usable path or connection string.</exception>
    public static LedgerAddress Resolve(string? db, string? environmentDb) => Resolve(db, environmentDb, LedgerLocation.DefaultFile());

    /// <summary>
    /// Where the ledger is, with the default file given by the caller: a host that runs on behalf of
    /// someone else's environment (a test running the CLI in process) knows that user's data folder.
    /// </summary>
    /// <exception cref="RequestRefusedException">The value is not a usable path or connection string.</exception>
    public static LedgerAddress Resolve(string? db, string? environmentDb, string defaultFile)
    {
        var value = !string.IsNullOrWhiteSpace(db) ? db
            : !string.IsNullOrWhiteSpace(environmentDb) ? environmentDb
            : defaultFile;
        try
        {
            return LedgerAddress.FromLedgerLocation(LedgerLocation.Parse(value));
        }
        catch (ArgumentException e)
        {
            throw new RequestRefusedException(Localized.Format(LedgerText.Db_Invalid, e.Message), e);
        }
    }

    /// <summary>Opens the ledger, telling <paramref name="notify"/> about migrations it applies.</summary>
    /// <exception cref="LedgerException">It cannot be opened; <see cref="Describe"/> words why.</exception>
    public static async Task<OpenLedger> OpenAsync(LedgerAddress address, Func<string?> passphrase, Action<string> notify, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(notify);
        var ledger = await Ledger.OpenAsync(
            address.Location,
            passphrase,
            pending => notify(Localized.Format(LedgerText.Db_Migrating, address.Display, pending.Count, string.Join(", ", pending))),
            cancellationToken).ConfigureAwait(false);
        return OpenLedger.FromLedger(ledger);
    }

    /// <summary>
    /// Which of the ledger's failures <paramref name="exception"/> is, for a host that answers
    /// them differently (a locked ledger sends the borrower to the unlock page), or
    /// <see langword="null"/> when it is not one.
    /// </summary>
    public static LedgerFailure? FailureOf(Exception? exception) => exception switch
    {
        LedgerException { Problem: LedgerProblem.PassphraseRequired } => LedgerFailure.Locked,
        LedgerException { Problem: LedgerProblem.WrongPassphrase } => LedgerFailure.WrongPassphrase,
        LedgerException { Problem: LedgerProblem.Busy } => LedgerFailure.Busy,
        LedgerException { Problem: LedgerProblem.Unreachable } => LedgerFailure.Unreachable,
        LedgerException => LedgerFailure.Other,
        _ => null,
    };

    /// <summary>
    /// The message for a failure the user can act on (a refused request, a ledger problem), or
    /// <see langword="null"/> for anything else, which is a bug.
    /// </summary>
    public static string? DescribeRefusal(Exception exception) => exception switch
    {
        RequestRefusedException refused => refused.Message,
        LedgerException ledger => Describe(ledger),
        _ => null,
    };

    /// <summary>Words a ledger failure for the user, with what to do about it.</summary>
    public static string Describe(LedgerException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = exception.Problem switch
        {
            LedgerProblem.SealedValueDamaged => LedgerText.Problem_SealedValueDamaged,
            LedgerProblem.PassphraseRequired => LedgerText.Problem_PassphraseRequired,
            LedgerProblem.WrongPassphrase => LedgerText.Problem_WrongPassphrase,
            LedgerProblem.Busy => LedgerText.Problem_Busy,
            LedgerProblem.SchemaNewerThanApp => LedgerText.Problem_SchemaNewerThanApp,
            LedgerProblem.Unreachable => LedgerText.Problem_Unreachable,
            LedgerProblem.RestoreTargetNotEmpty => LedgerText.Problem_RestoreTargetNotEmpty,
            LedgerProblem.BackupUnreadable => LedgerText.Problem_BackupUnreadable,
            LedgerProblem.ProtectionChanged => LedgerText.Problem_ProtectionChanged,
            LedgerProblem.FileUnwritable => LedgerText.Problem_FileUnwritable,
            LedgerProblem.BackupAltered => LedgerText.Problem_BackupAltered,
            LedgerProblem.RestoreConflict => LedgerText.Problem_RestoreConflict,
            LedgerProblem.StoredValueUnknown => LedgerText.Problem_StoredValueUnknown,
        };
        return exception.Detail is { Length: > 0 } detail ? Localized.Format(text, detail) : Localized.Format(text, "");
    }
}

/// <summary>
/// The ledger's failures as a host tells them apart (<see cref="LedgerAccess.FailureOf"/>); the
/// words for each are <see cref="LedgerAccess.DescribeRefusal"/>'s.
/// </summary>
public enum LedgerFailure
{
    /// <summary>It is protected and no passphrase was given.</summary>
    Locked,

    /// <summary>The passphrase given does not open it.</summary>
    WrongPassphrase,

    /// <summary>Another program holds it for writing past the wait.</summary>
    Busy,

    /// <summary>Its file or server cannot be reached.</summary>
    Unreachable,

    /// <summary>Any other of its refusals (newer schema, a damaged sealed value, a backup refused…).</summary>
    Other,
}
