using DebtShield.App.Cases;
using DebtShield.App.Input;
using DebtShield.App.Ledgers;
using DebtShield.App.Resources;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Core.Reading;
using DebtShield.Data.Evidence;
using DebtShield.Import.Conduct;
using DebtShield.Import.PhoneBackups;

namespace DebtShield.App.RecordEvidence;

/// <summary>What the borrower says about a phone backup before it is imported.</summary>
/// <param name="Collectors">Numbers the borrower marks as collectors' (remembered for the case).</param>
/// <param name="ContactName">When the backup is a contact's phone, not the borrower's: the name the borrower gives that contact.</param>
public sealed record PhoneBackupChoices(IReadOnlyList<string> Collectors, string? ContactName = null);

/// <summary>What an import did.</summary>
/// <param name="Read">How many messages and calls the backup held.</param>
/// <param name="Added">How many became new entries.</param>
/// <param name="AlreadyKept">How many were already in the chain (an earlier import of the same backup).</param>
/// <param name="Skipped">How many were from other numbers and were not stored.</param>
/// <param name="FlaggedNumbers">Numbers the analyser flagged that are now treated as collectors'.</param>
/// <param name="Problems">Records that could not be read.</param>
/// <param name="Break">Where a damaged backup stopped being readable; everything before it was imported.</param>
/// <param name="DamagedDatabases">The databases of an iPhone backup that were read only up to damage (what came before it was imported).</param>
/// <param name="SkippedNumbers">The numbers whose texts or calls reached the borrower but were not kept (not named as a
/// collector's, nothing flagged), most first: a collector the borrower did not name shows up here.</param>
public sealed record PhoneBackupImport(
    int Read,
    int Added,
    int AlreadyKept,
    int Skipped,
    IReadOnlyList<string> FlaggedNumbers,
    IReadOnlyList<ReadingProblem> Problems,
    ReadingProblem? Break,
    IReadOnlyList<ReadingProblem>? DamagedDatabases = null,
    IReadOnlyList<SkippedNumber>? SkippedNumbers = null);

/// <summary>
/// A number whose records a backup held but the import did not keep, so the borrower can see a
/// collector they did not name, and mark it (its records are then kept from the same file).
/// </summary>
/// <param name="Number">The number in its one written form (<see cref="PhoneNumber.Normalize"/>).</param>
/// <param name="Messages">Texts received from it.</param>
/// <param name="Calls">Calls received from it.</param>
/// <param name="First">The earliest of them.</param>
/// <param name="Last">The latest of them.</param>
/// <param name="Sample">The latest text, to recognise the sender by; null when it only called.</param>
public sealed record SkippedNumber(string Number, int Messages, int Calls, DateTimeOffset First, DateTimeOffset Last, string? Sample)
{
    /// <summary>This number's summary with one more record received from it.</summary>
    internal SkippedNumber With(PhoneRecord record)
    {
        var text = record.Channel == IncidentChannel.Call ? Sample : record.Time >= Last || Sample is null ? record.Text ?? Sample : Sample;
        return new(
            Number,
            Messages + (record.Channel == IncidentChannel.Call ? 0 : 1),
            Calls + (record.Channel == IncidentChannel.Call ? 1 : 0),
            record.Time < First ? record.Time : First,
            record.Time > Last ? record.Time : Last,
            text);
    }

    /// <summary>The summary of one record.</summary>
    internal static SkippedNumber Of(string number, PhoneRecord record) =>
        new SkippedNumber(number, 0, 0, record.Time, record.Time, null).With(record);
}

/// <summary>
/// Use case: bring the collection contacts of a phone backup ("SMS Backup &amp; Restore" XML, the
/// phone-record CSV, or an unencrypted iPhone computer backup, as a folder or a zip) into a case's evidence chain. Messages and calls with numbers marked as
/// collectors, and messages the conduct analyser flags (whose numbers then count as collectors'),
/// become incidents; everything else in the backup is read and forgotten, never stored.
/// </summary>
/// <remarks>
/// The backup is read twice when a number is newly flagged, so that the earlier messages of that
/// number are kept too; both passes stream the file. The import is one transaction: a damaged
/// backup imports what is whole before the damage, and importing the same backup again adds nothing.
/// </remarks>
public static class ImportPhoneBackup
{
    /// <summary>Imports the file at <paramref name="path"/> into the case (opened when the ledger has none).</summary>
    /// <exception cref="RequestRefusedException">The file cannot be read, or is not a phone backup.</exception>
    public static async Task<PhoneBackupImport> ImportAsync(OpenLedger ledger, CaseReference @case, string path, PhoneBackupChoices choices, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var source = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        if (!IsIphoneBackup(path))
        {
            return await ImportAsync(ledger, @case, source, () => OpenFile(path), choices, time, cancellationToken).ConfigureAwait(false);
        }

        using var backup = Refusing(source, () => IphoneBackup.Open(path));
        return await ImportAsync(ledger, @case, source, () => BackupReading.Of(backup), choices, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Imports a backup given as bytes, an upload: "SMS Backup &amp; Restore" XML, the phone-record
    /// CSV or a zipped iPhone backup, told apart by their content; <paramref name="fileName"/> only
    /// names it (<see cref="UploadName"/>).
    /// </summary>
    /// <remarks>
    /// A stream that cannot seek (a request body) is first copied into a <see cref="SealedSpool"/>,
    /// since the backup may be read twice and a zip must be read out of order: nothing of it is
    /// written to disk in the clear, and an iPhone backup's databases are read in memory.
    /// </remarks>
    /// <exception cref="RequestRefusedException">The backup is not one this program reads, or could not be read back.</exception>
    public static async Task<PhoneBackupImport> ImportAsync(OpenLedger ledger, CaseReference @case, Stream content, string fileName, PhoneBackupChoices choices, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var source = UploadName.Label(fileName);
        using var spool = content.CanSeek ? null : await SealedSpool.CreateAsync(content, cancellationToken).ConfigureAwait(false);
        await using var seekable = spool?.OpenRead();
        var backup = seekable ?? content;
        var start = backup.Position;
        if (!Refusing(source, () => IphoneBackup.IsBackup(backup)))
        {
            return await ImportAsync(ledger, @case, source, () =>
            {
                backup.Position = start;
                return BackupReading.Of(backup, owned: false);
            }, choices, time, cancellationToken).ConfigureAwait(false);
        }

        using var iphone = Refusing(source, () => IphoneBackup.Open(backup));
        return await ImportAsync(ledger, @case, source, () => BackupReading.Of(iphone), choices, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Imports a backup that <paramref name="open"/> opens (once, or twice when a number is newly
    /// flagged); <paramref name="source"/> names it in the entries and in messages.
    /// </summary>
    /// <exception cref="RequestRefusedException">The backup is not one this program reads.</exception>
    public static Task<PhoneBackupImport> ImportAsync(OpenLedger ledger, CaseReference @case, string source, Func<Stream> open, PhoneBackupChoices choices, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        return ImportAsync(ledger, @case, source, () => BackupReading.Of(open()), choices, time, cancellationToken);
    }

    private static async Task<PhoneBackupImport> ImportAsync(OpenLedger ledger, CaseReference @case, string source, Func<BackupReading> open, PhoneBackupChoices choices, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(time);
        var marked = choices.Collectors.Select(PhoneNumber.Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var known = await ledger.ReadAsync(async (context, token) =>
        {
            var stored = await CaseBook.FindAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            return stored is null ? [] : await CaseEvidence.CollectorsAsync(context, stored.Id, token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        known.UnionWith(marked);

        var analyzer = ConductDataReader.LoadEmbedded();
        var flagged = new HashSet<string>(StringComparer.Ordinal);
        var recipient = choices.ContactName is null ? Recipient.Borrower : Recipient.ThirdParty;
        var first = Pass(open, source, known, flagged, analyzer, recipient, cancellationToken);
        var last = first;
        if (flagged.Count > 0)
        {
            // Numbers flagged in this backup: keep all their records, not only those after the first flag.
            known.UnionWith(flagged);
            first.Kept.Clear();
            first.Kept.TrimExcess();
            last = Pass(open, source, known, null, analyzer, recipient, cancellationToken);
        }

        var records = last.Kept;

        var now = time.GetUtcNow();
        var kept = records.Count;
        var added = await ledger.WriteAsync(async (context, token) =>
        {
            var stored = await CaseBook.FindOrCreateAsync(context, ledger.Cipher, @case, time, token).ConfigureAwait(false);
            var store = new AttachmentStore(ledger.Ledger);
            var additions = new List<CaseEvidence.Addition>(records.Count);
            foreach (var record in records)
            {
                var hashes = new List<ContentHash>(record.Attachments.Count);
                foreach (var attachment in record.Attachments)
                {
                    hashes.Add(await store.PutAsync(context, attachment.Content, attachment.MediaType, attachment.FileName, now, token).ConfigureAwait(false));
                }

                additions.Add(new CaseEvidence.Addition(new Incident(
                    record.Channel,
                    record.Direction,
                    record.Time,
                    record.Number,
                    recipient,
                    record.Text,
                    source,
                    choices.ContactName,
                    outcome: record.Outcome,
                    duration: record.Duration,
                    attachments: hashes)));
            }

            records.Clear(); // the additions hold what is needed; let the records go before the inserts
            await CaseEvidence.AddCollectorsAsync(context, stored.Id, marked, CollectorOrigin.Marked, now, token).ConfigureAwait(false);
            await CaseEvidence.AddCollectorsAsync(context, stored.Id, flagged, CollectorOrigin.Flagged, now, token).ConfigureAwait(false);
            return (await CaseEvidence.AppendAsync(context, ledger.Cipher, stored, additions, skipKnown: true, now, token).ConfigureAwait(false)).Count;
        }, cancellationToken).ConfigureAwait(false);

        var skipped = (flagged.Count > 0 ? last : first).Skipped.Values
            .OrderByDescending(n => n.Messages + n.Calls).ThenBy(n => n.Number, StringComparer.Ordinal).ToList();
        return new PhoneBackupImport(first.Read, added, kept - added, first.Read - kept, [.. flagged.Order(StringComparer.Ordinal)], first.Problems, first.Break, first.Damage, skipped);
    }

    /// <summary>
    /// Reads the backup once, keeping the records of <paramref name="collectors"/>. With
    /// <paramref name="flagged"/>, every other received message is analysed: a flagged one is kept
    /// and its number noted. (The analysis is not kept: holding 100,000 of them cost more memory
    /// than analysing the kept messages again costs time.)
    /// </summary>
    private static PassResult Pass(Func<BackupReading> open, string source, HashSet<string> collectors, HashSet<string>? flagged, ConductAnalyzer analyzer, Recipient recipient, CancellationToken cancellationToken) =>
        Refusing(source, () =>
        {
            using var reading = open();
            var kept = new List<PhoneRecord>();
            var skipped = new Dictionary<string, SkippedNumber>(StringComparer.Ordinal);
            var read = 0;
            foreach (var record in reading.Records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                read++;
                if (record.Number is { } number && collectors.Contains(number))
                {
                    kept.Add(reading.Complete(record));
                }
                else if (flagged is not null && record.Number is { } sender && record.Direction == IncidentDirection.Received && record.Text is { } text)
                {
                    if (analyzer.Analyze(new ConductMessage(text, recipient, record.Time)).Labels.Any(l => l.IsAbusive()))
                    {
                        flagged.Add(sender);
                        kept.Add(reading.Complete(record));
                        continue;
                    }

                    Skip(skipped, sender, record);
                }
                else if (record.Number is { } other && record.Direction == IncidentDirection.Received)
                {
                    Skip(skipped, other, record);
                }
            }

            return new PassResult(read, kept, reading.Problems(), reading.Break(), reading.Damage(), skipped);
        });

    private static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RequestRefusedException(Localized.Format(EvidenceText.File_NotFound, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RequestRefusedException(Localized.Format(EvidenceText.File_Unreadable, path, e.Message));
        }
    }

    /// <summary>An iPhone backup: a folder, or a zip, holding Manifest.db (or its plist) at its top.</summary>
    private static bool IsIphoneBackup(string path)
    {
        try
        {
            return IphoneBackup.IsBackup(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RequestRefusedException(Localized.Format(EvidenceText.File_Unreadable, path, e.Message));
        }
    }

    private static T Refusing<T>(string source, Func<T> open)
    {
        try
        {
            return open();
        }
        catch (PhoneBackupException e)
        {
            throw new RequestRefusedException(source + "：" + e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RequestRefusedException(Localized.Format(EvidenceText.File_Unreadable, source, e.Message));
        }
    }

    /// <summary>Counts a received record that is not kept under its sender's number.</summary>
    private static void Skip(Dictionary<string, SkippedNumber> skipped, string number, PhoneRecord record) =>
        skipped[number] = skipped.TryGetValue(number, out var seen) ? seen.With(record) : SkippedNumber.Of(number, record);

    private sealed record PassResult(int Read, List<PhoneRecord> Kept, IReadOnlyList<ReadingProblem> Problems, ReadingProblem? Break, IReadOnlyList<ReadingProblem> Damage, Dictionary<string, SkippedNumber> Skipped);
}
