using DebtShield.App.Cases;
using DebtShield.App.Resources;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core.Evidence;
using DebtShield.Data;
using DebtShield.Data.Backups;
using DebtShield.Data.Evidence;
using DebtShield.Data.Protection;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.Ledgers;

/// <summary>
/// Use case: look after the ledger itself: its schema (<c>db status</c>, <c>db migrate</c>), its
/// passphrase (<c>db protect</c>), and its backups (<c>backup</c>, <c>restore</c>).
/// </summary>
public static class LedgerAdministration
{
    /// <summary>Where the ledger is, its schema, whether it is protected (and fully), and how much it holds.</summary>
    public static async Task<LedgerStatus> StatusAsync(LedgerAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var location = address.Location;
        var schema = SchemaStatus.Of(await LedgerSchema.StatusAsync(location, cancellationToken).ConfigureAwait(false));
        if (schema.Applied.Count == 0)
        {
            return new LedgerStatus(location.Display, location.Provider.ToString(), schema, false, false, 0, 0, 0);
        }

        // Before the migration that keeps the marker, nothing recorded whether protection finished:
        // the next open treats it as unfinished (the column's default), and so does this answer.
        var markerKept = !schema.Pending.Any(m => m.EndsWith(ProtectionMarkerMigration, StringComparison.Ordinal));
        return await Ledger.InspectAsync(location, async (context, token) =>
        {
            var isProtected = await context.Protection.AnyAsync(token).ConfigureAwait(false);
            var unfinished = isProtected && (!markerKept || await context.Protection.AnyAsync(p => p.FinishPending, token).ConfigureAwait(false));
            return new LedgerStatus(
                location.Display,
                location.Provider.ToString(),
                schema,
                isProtected,
                unfinished,
                await context.Cases.CountAsync(token).ConfigureAwait(false),
                await context.Loans.CountAsync(token).ConfigureAwait(false),
                await context.Payments.CountAsync(token).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
    }

    private const string ProtectionMarkerMigration = "_Issue22ProtectionFinishes";

    /// <summary>
    /// Sets the passphrase, or changes it (see <see cref="Ledger.ProtectAsync"/>); false when old
    /// plain pages of a SQLite file could not be cleaned up yet (the next open does it).
    /// </summary>
    public static Task<bool> ProtectAsync(OpenLedger ledger, string passphrase, TimeProvider time, CancellationToken cancellationToken = default) =>
        ProtectAtCostAsync(ledger, passphrase, KeyDerivationCost.Default, time, cancellationToken);

    /// <summary>
    /// The same with a chosen key-derivation cost (tests use a light one); named apart so that a
    /// host, compiled without Data, never has to weigh an overload that takes Data's types.
    /// </summary>
    public static Task<bool> ProtectAtCostAsync(OpenLedger ledger, string passphrase, KeyDerivationCost cost, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrEmpty(passphrase) || passphrase.Length < MinimumPassphraseLength)
        {
            throw new RequestRefusedException(Localized.Format(LedgerText.Protect_TooShort, MinimumPassphraseLength));
        }

        return ledger.Ledger.ProtectAsync(passphrase, cost, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Applies pending migrations; returns the schema before and after.</summary>
    /// <exception cref="LedgerException">The database was written by a newer version.</exception>
    public static async Task<(SchemaStatus Before, SchemaStatus After)> MigrateAsync(LedgerAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var before = await LedgerSchema.StatusAsync(address.Location, cancellationToken).ConfigureAwait(false);
        if (before.Unknown.Count > 0)
        {
            throw new LedgerException(LedgerProblem.SchemaNewerThanApp, before.Unknown[^1]);
        }

        return (SchemaStatus.Of(before), SchemaStatus.Of(await LedgerSchema.MigrateAsync(address.Location, cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>The shortest passphrase accepted: long enough that guessing it costs more than the data is worth to a thief.</summary>
    public const int MinimumPassphraseLength = 8;

    /// <summary>Writes a consistent backup of the whole ledger; returns the rows written.</summary>
    public static Task<int> BackupAsync(OpenLedger ledger, string path, TimeProvider time, CancellationToken cancellationToken = default) =>
        LedgerBackup.WriteAsync(ledger.Ledger, path, time, cancellationToken);

    /// <summary>
    /// Restores a backup into an empty ledger and returns the rows restored. Nothing is committed
    /// unless every row reads, every attachment is what its hash says, every case has a title,
    /// every loan's facts check out and every case's chain holds, attachments included, up to the
    /// head the case recorded and through every head an authority time-stamped. A backup of a protected ledger is opened with its passphrase for
    /// this: every sealed field, text and attachment is opened and checked, none taken on trust.
    /// </summary>
    /// <param name="target">The empty ledger.</param>
    /// <param name="path">The backup file.</param>
    /// <param name="passphrase">The passphrase of the ledger the backup was made from; asked only when it is protected.</param>
    /// <param name="cancellationToken">Cancels the restore.</param>
    /// <exception cref="LedgerException">The file is unreadable, altered, its rows conflict, the target holds data, or a protected backup's passphrase is missing or wrong.</exception>
    /// <exception cref="RequestRefusedException">A case, loan or chain of the backup does not hold: it is named.</exception>
    public static Task<int> RestoreAsync(LedgerAddress target, string path, Func<string?> passphrase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return LedgerBackup.RestoreAsync(target.Location, path, VerifyRestoredAsync, passphrase, cancellationToken);
    }

    /// <summary>Opens a restored row's sealed fields; a field that does not open (edited in the backup) refuses the restore, naming the row.</summary>
    private static T Opened<T>(Func<T> open, string row)
    {
        try
        {
            return open();
        }
        catch (LedgerException e) when (e.Problem == LedgerProblem.SealedValueDamaged)
        {
            throw new RequestRefusedException(Localized.Format(LedgerText.Restore_SealedDamaged, row), e);
        }
    }

    /// <summary>Checks the restored rows inside the restore's transaction; throws to refuse them all.</summary>
    private static async Task VerifyRestoredAsync(Ledger restored, LedgerContext context, CancellationToken cancellationToken)
    {
        var store = new AttachmentStore(restored);
        foreach (var stored in await context.Cases.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            var sealedCase = Localized.Format(LedgerText.Restore_SealedCase, stored.Id);
            var title = Opened(() => stored.ReadTitle(restored.Cipher), sealedCase);
            if (string.IsNullOrWhiteSpace(title))
            {
                throw new RequestRefusedException(Localized.Format(LedgerText.Restore_Untitled, stored.Id));
            }

            Opened(() => stored.ReadProfile(restored.Cipher), sealedCase);

            foreach (var line in await context.BudgetLines.AsNoTracking().Where(l => l.CaseId == stored.Id).OrderBy(l => l.Position).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                Opened(() => line.ToBudgetLine(restored.Cipher), Localized.Format(LedgerText.Restore_SealedBudgetLine, title, line.Position + 1));
            }

            foreach (var loan in await CaseLoans.LoadAsync(context, stored.Id, cancellationToken).ConfigureAwait(false))
            {
                CaseLoans.ToLoan(loan);
            }

            var chain = await VerifyEvidence.CheckAsync(context, restored.Cipher, store, stored, cancellationToken).ConfigureAwait(false);
            if (chain.Break is { } broken)
            {
                throw new RequestRefusedException(Localized.Format(LedgerText.Restore_ChainBroken, title, broken.Sequence, EvidenceNames.Break(broken.Kind)));
            }

            if (await VerifyEvidence.StampedHeadMissingAsync(context, stored.Id, cancellationToken).ConfigureAwait(false) is { } stamped)
            {
                throw new RequestRefusedException(Localized.Format(LedgerText.Restore_ChainBroken, title, stamped, EvidenceNames.Break(ChainBreakKind.StampedHeadMismatch)));
            }
        }
    }
}

/// <summary>What <c>db status</c> reports.</summary>
/// <param name="Location">Where the ledger is (never a password).</param>
/// <param name="Provider">Sqlite or PostgreSql.</param>
/// <param name="Schema">Applied, pending and unknown migrations.</param>
/// <param name="Protected">Whether a passphrase protects it.</param>
/// <param name="ProtectionUnfinished">
/// Whether setting the passphrase was interrupted before the copies of what it sealed were gone
/// (plain pages in a SQLite file or its log, plain attachment files, plain fingerprints): the next
/// open finishes it.
/// </param>
/// <param name="Cases">Cases held.</param>
/// <param name="Loans">Loans held.</param>
/// <param name="Payments">Payments held.</param>
public sealed record LedgerStatus(string Location, string Provider, SchemaStatus Schema, bool Protected, bool ProtectionUnfinished, int Cases, int Loans, int Payments);

/// <summary>The ledger's migrations, as <c>db status</c> and <c>db migrate</c> tell them.</summary>
/// <param name="Applied">Applied, oldest first.</param>
/// <param name="Pending">Known to this program and not yet applied.</param>
/// <param name="Unknown">Applied by a newer program.</param>
public sealed record SchemaStatus(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    internal static SchemaStatus Of(LedgerSchema schema) => new(schema.Applied, schema.Pending, schema.Unknown);
}
