using DebtShield.App.Ledgers;

namespace DebtShield.Web.Hosting;

/// <summary>
/// The one ledger the local app serves, opened at start (or on first use) and kept open, with one
/// idle connection held (<see cref="OpenLedger.StayOpenAsync"/>). A protected ledger
/// stays locked until the borrower types the passphrase into the unlock page (or starts the app
/// with <c>DEBTSHIELD_PASSPHRASE</c>); until then every page that needs it is sent there.
/// </summary>
/// <param name="location">Where the ledger is.</param>
/// <param name="logger">Where the migrations applied on opening are told.</param>
/// <param name="fill">
/// Run on the ledger when it is first opened, however that happens, before any page is given it:
/// the example's ledger (<see cref="ExampleLedger"/>) is filled with the demo case this way, so a
/// page cannot open it empty. Null for the borrower's own ledger.
/// </param>
public sealed class LedgerGate(LedgerAddress location, ILogger<LedgerGate> logger, Func<OpenLedger, Task>? fill = null) : IDisposable
{
    private readonly SemaphoreSlim opening = new(1, 1);
    private OpenLedger? ledger;
    private IDisposable? held;

    /// <summary>Where the ledger is.</summary>
    public LedgerAddress Location => location;

    /// <summary>True once the ledger is open (and unlocked when protected).</summary>
    public bool IsOpen => Volatile.Read(ref ledger) is not null;

    /// <summary>The open ledger; opens it the first time, with the passphrase from the environment if any.</summary>
    /// <exception cref="Exception">It cannot be opened (<see cref="LedgerAccess.FailureOf"/>); <see cref="LedgerFailure.Locked"/> while locked.</exception>
    public ValueTask<OpenLedger> OpenAsync(CancellationToken cancellationToken = default) =>
        Volatile.Read(ref ledger) is { } open
            ? ValueTask.FromResult(open)
            : new ValueTask<OpenLedger>(OpenOnceAsync(EnvironmentPassphrase, null, cancellationToken));

    /// <summary>
    /// Opens the ledger at start-up and runs <paramref name="then"/> on it (loading the demo case)
    /// before any page is given it: pages asked for meanwhile wait, and never see half a case.
    /// </summary>
    /// <exception cref="Exception">It cannot be opened (<see cref="LedgerAccess.FailureOf"/>); <see cref="LedgerFailure.Locked"/> while locked.</exception>
    public Task<OpenLedger> PrepareAsync(Func<OpenLedger, Task>? then, CancellationToken cancellationToken = default) =>
        OpenOnceAsync(EnvironmentPassphrase, then, cancellationToken);

    /// <summary>Opens a protected ledger with the passphrase the borrower typed.</summary>
    /// <exception cref="Exception">The passphrase is wrong, or the ledger cannot be opened (<see cref="LedgerAccess.FailureOf"/>).</exception>
    public Task<OpenLedger> UnlockAsync(string passphrase, CancellationToken cancellationToken = default) =>
        OpenOnceAsync(() => passphrase, null, cancellationToken);

    private static string? EnvironmentPassphrase() => Environment.GetEnvironmentVariable("DEBTSHIELD_PASSPHRASE");

    private async Task<OpenLedger> OpenOnceAsync(Func<string?> passphrase, Func<OpenLedger, Task>? then, CancellationToken cancellationToken)
    {
        await opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (ledger is { } open)
            {
                return open;
            }

            var opened = await LedgerAccess.OpenAsync(location, passphrase, LogMigration, cancellationToken).ConfigureAwait(false);
            var holding = await opened.StayOpenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if ((then ?? fill) is { } first)
                {
                    await first(opened).ConfigureAwait(false);
                }
            }
            catch
            {
                holding.Dispose();
                throw;
            }

            held = holding;
            Volatile.Write(ref ledger, opened);
            return opened;
        }
        finally
        {
            opening.Release();
        }
    }

    private void LogMigration(string message)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("{Message}", message);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        held?.Dispose();
        opening.Dispose();
    }
}
