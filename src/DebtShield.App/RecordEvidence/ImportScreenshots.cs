using System.Collections.Concurrent;
using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.App.Resources;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Core.Screenshots;
using DebtShield.Core.Vocabulary;
using DebtShield.Data;
using DebtShield.Data.Evidence;
using DebtShield.Import.Screenshots;

namespace DebtShield.App.RecordEvidence;

/// <summary>A screenshot to import: its name, when its file was last written, and how to read its bytes (a file is read again to store it, not held).</summary>
/// <param name="Name">The file's name, kept as the entries' source.</param>
/// <param name="FileTime">The file's modification time: the capture time when neither EXIF nor the name gives one.</param>
/// <param name="Read">Reads its bytes.</param>
public sealed record ScreenshotFile(string Name, DateTimeOffset FileTime, Func<byte[]> Read)
{
    /// <summary>A screenshot file on disk.</summary>
    public static ScreenshotFile OnDisk(string path) =>
        new(Path.GetFileName(path), File.GetLastWriteTimeUtc(path), () => File.ReadAllBytes(path));
}

/// <summary>What became of one screenshot.</summary>
public enum ScreenshotOutcome
{
    /// <summary>Messages from it were added.</summary>
    Added,

    /// <summary>Every message on it is already kept (an overlapping screenshot brought them).</summary>
    NothingNew,

    /// <summary>The same image was imported before.</summary>
    AlreadyImported,

    /// <summary>It could not be read (not an image, damaged, no text); nothing of it was stored.</summary>
    Refused,

    /// <summary>
    /// The same image as a file earlier in this import (<see cref="ScreenshotResult.CopyOf"/>), as when
    /// a picture is chosen twice or saved again under another name: read once, as that file; nothing
    /// of the copy is stored.
    /// </summary>
    CopyInImport,
}

/// <summary>What the import did with one screenshot.</summary>
/// <param name="Name">The file's name.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="Conversation">The name or number in its title bar, if one was read.</param>
/// <param name="Messages">How many messages were read on it.</param>
/// <param name="Added">How many became new entries.</param>
/// <param name="ToConfirm">How many of those were read with low confidence and should be confirmed or corrected.</param>
/// <param name="Problem">Why it was refused.</param>
public sealed record ScreenshotResult(string Name, ScreenshotOutcome Outcome, string? Conversation, int Messages, int Added, int ToConfirm, string? Problem)
{
    /// <summary>
    /// How many of its bubbles were found but no text could be read from them
    /// (<see cref="ReadDoubts.Unread"/>): none is stored, since the chain holds only text the
    /// image gave or the borrower confirmed; the borrower reads them on the screenshot.
    /// </summary>
    public int Unread { get; init; }

    /// <summary>For <see cref="ScreenshotOutcome.CopyInImport"/>: the name of the earlier file in the import with the same image.</summary>
    public string? CopyOf { get; init; }
}

/// <summary>One screenshot as it was read, before anything is stored: what the borrower confirms.</summary>
/// <param name="Result">What became of it so far: refused (with the reason), already imported, a copy of an earlier file, or read (outcome <see cref="ScreenshotOutcome.NothingNew"/>, nothing added yet).</param>
/// <param name="Messages">The bubbles read on it, top to bottom, with side, time, confidence and flags; none when refused.</param>
public sealed record ReadScreenshot(ScreenshotResult Result, IReadOnlyList<ChatMessage> Messages);

/// <summary>
/// Screenshots read with OCR and nothing stored: shown to the borrower, then appended
/// (<see cref="ImportScreenshots.AppendAsync"/>) only as far as the borrower chooses. Holds the
/// images' bytes as the files give them, so the attachments stored are the images read.
/// </summary>
public sealed class ScreenshotReadings
{
    internal ScreenshotReadings(IReadOnlyList<ScreenshotFile> files, ImportScreenshots.Read[] reads)
    {
        Files = files;
        Reads = reads;
    }

    /// <summary>Each screenshot as read, in the order given.</summary>
    public IReadOnlyList<ReadScreenshot> Screenshots =>
        [.. Reads.Select(r => new ReadScreenshot(r.Result, r.Screenshot?.Chat.Messages ?? []))];

    internal IReadOnlyList<ScreenshotFile> Files { get; }

    internal ImportScreenshots.Read[] Reads { get; }
}

/// <summary>What a screenshot import did, screenshot by screenshot, in the order they were given.</summary>
public sealed record ScreenshotImport(IReadOnlyList<ScreenshotResult> Screenshots)
{
    /// <summary>How many entries were added.</summary>
    public int Added => Screenshots.Sum(s => s.Added);

    /// <summary>How many added entries should be confirmed.</summary>
    public int ToConfirm => Screenshots.Sum(s => s.ToConfirm);

    /// <summary>How many bubbles were found but could not be read, and so were not stored.</summary>
    public int Unread => Screenshots.Sum(s => s.Unread);

    /// <summary>How many screenshots were refused.</summary>
    public int Refused => Screenshots.Count(s => s.Outcome == ScreenshotOutcome.Refused);
}

/// <summary>
/// Use case: bring chat and SMS screenshots into a case's evidence chain. Each is decoded, read
/// with OCR and laid out as a conversation; every message on it becomes an incident with the
/// screenshot as its attachment (received ones analysed for the conduct labels), with the OCR
/// confidence kept beside it so that doubtful text is confirmed before it is relied on.
/// </summary>
/// <remarks>
/// Screenshots are read in parallel, one per core; the entries are written in one transaction
/// afterwards, oldest screenshot first. The same image twice in one import is read once, the same
/// image imported again adds nothing, and a message already kept from an overlapping screenshot is
/// recognised (<see cref="SeenMessages"/>).
/// A screenshot that cannot be read is reported and nothing of it is stored; when OCR itself is
/// missing nothing is stored at all.
/// </remarks>
public static class ImportScreenshots
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp"];

    /// <summary>The screenshots named by <paramref name="paths"/>: files as given, and the images in folders (not their subfolders), by name.</summary>
    /// <exception cref="RequestRefusedException">A path does not exist.</exception>
    public static IReadOnlyList<ScreenshotFile> Files(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<ScreenshotFile>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path)
                    .Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal)
                    .Select(ScreenshotFile.OnDisk));
            }
            else if (File.Exists(path))
            {
                files.Add(ScreenshotFile.OnDisk(path));
            }
            else
            {
                throw new RequestRefusedException(Localized.Format(EvidenceText.File_NotFound, path));
            }
        }

        return files;
    }

    /// <summary>Imports <paramref name="files"/> into the case (opened when the ledger has none).</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="case">The case, or null for the only one.</param>
    /// <param name="files">The screenshots.</param>
    /// <param name="contactName">When the screenshots are a contact's, not the borrower's: the name the borrower gives that contact.</param>
    /// <param name="time">The clock.</param>
    /// <param name="progress">Told after each screenshot is read.</param>
    /// <param name="cancellationToken">Stops the import; nothing is stored then.</param>
    /// <exception cref="RequestRefusedException">OCR is not available on this machine.</exception>
    public static async Task<ScreenshotImport> ImportAsync(
        OpenLedger ledger,
        CaseReference @case,
        IReadOnlyList<ScreenshotFile> files,
        string? contactName,
        TimeProvider time,
        IProgress<ScreenshotResult>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var readings = await ReadAsync(ledger, @case, files, progress, cancellationToken).ConfigureAwait(false);
        return await AppendAsync(ledger, @case, readings, null, contactName, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads <paramref name="files"/> with OCR and stores nothing: each is refused (not an image, no
    /// text, or not a chat, <see cref="ChatShape"/>), already imported, a copy of an earlier file in
    /// <paramref name="files"/> (not read again), or read into bubbles to confirm.
    /// </summary>
    /// <exception cref="RequestRefusedException">OCR is not available on this machine.</exception>
    public static async Task<ScreenshotReadings> ReadAsync(
        OpenLedger ledger,
        CaseReference @case,
        IReadOnlyList<ScreenshotFile> files,
        IProgress<ScreenshotResult>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(files);
        var known = await ledger.ReadAsync(async (context, token) =>
        {
            var stored = await CaseBook.FindAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            return stored is null ? [] : (await KeptAsync(context, ledger, stored.Id, token).ConfigureAwait(false)).Attached;
        }, cancellationToken).ConfigureAwait(false);

        var readings = new Read[files.Count];
        // Each content opened and the first file (lowest index) that has it: a later file with the
        // same content is a copy, settled without OCR.
        var first = new ConcurrentDictionary<ContentHash, int>();
        var ocr = new TesseractOcr();
        // A batch of screenshots shares one Tesseract process a model (ScreenshotReader.ReadAllAsync);
        // the batches are read one a core, each file's content held only while its batch is read.
        // A batch chooses what to read once every earlier batch has opened its files, so a copy is
        // known whichever batch runs first (the earlier batches are running: they are taken in order).
        var batches = ScreenshotReader.Batches(files.Count, Environment.ProcessorCount).ToArray();
        var opened = batches.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        await Parallel.ForEachAsync(
            batches.Index(),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (numbered, token) =>
            {
                var (k, batch) = numbered;
                var (offset, length) = batch.GetOffsetAndLength(files.Count);
                var toRead = new List<(int Index, ScreenshotSource Source, ContentHash Hash)>(length);
                try
                {
                    for (var i = offset; i < offset + length; i++)
                    {
                        var (settled, source, hash) = Open(files[i], known);
                        if (settled is not null)
                        {
                            readings[i] = settled;
                            progress?.Report(settled.Result);
                        }
                        else
                        {
                            first.AddOrUpdate(hash, i, (_, other) => Math.Min(i, other));
                            toRead.Add((i, source!, hash));
                        }
                    }
                }
                finally
                {
                    opened[k].SetResult();
                }

                await Task.WhenAll(opened[..k].Select(o => o.Task)).WaitAsync(token).ConfigureAwait(false);
                foreach (var (i, _, hash) in toRead.Where(r => first[r.Hash] != r.Index))
                {
                    readings[i] = new Read(new ScreenshotResult(files[i].Name, ScreenshotOutcome.CopyInImport, null, 0, 0, 0, null) { CopyOf = files[first[hash]].Name }, null, hash);
                    progress?.Report(readings[i].Result);
                }

                toRead.RemoveAll(r => first[r.Hash] != r.Index);
                IReadOnlyList<ScreenshotAttempt> attempts;
                try
                {
                    attempts = await ScreenshotReader.ReadAllAsync([.. toRead.Select(r => r.Source)], ocr, token).ConfigureAwait(false);
                }
                catch (ScreenshotException e) when (e.OcrUnavailable)
                {
                    throw new RequestRefusedException(e.Message);
                }

                for (var j = 0; j < toRead.Count; j++)
                {
                    var (i, _, hash) = toRead[j];
                    readings[i] = Judged(files[i], attempts[j], hash);
                    progress?.Report(readings[i].Result);
                }
            }).ConfigureAwait(false);
        return new ScreenshotReadings(files, readings);
    }

    /// <summary>
    /// Appends what <paramref name="readings"/> read, in one transaction: every bubble, or only those
    /// <paramref name="chosen"/> keeps (by screenshot and bubble index, from 0, as
    /// <see cref="ScreenshotReadings.Screenshots"/> lists them). Refused screenshots add nothing.
    /// </summary>
    /// <exception cref="RequestRefusedException">A screenshot's file changed since it was read.</exception>
    public static async Task<ScreenshotImport> AppendAsync(
        OpenLedger ledger,
        CaseReference @case,
        ScreenshotReadings readings,
        Func<int, int, bool>? chosen,
        string? contactName,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(time);
        var files = readings.Files;
        var read = readings.Reads;
        var results = read.Select(r => r.Result).ToArray();
        var recipient = contactName is null ? Recipient.Borrower : Recipient.ThirdParty;
        var now = time.GetUtcNow();
        await ledger.WriteAsync(async (context, token) =>
        {
            var stored = await CaseBook.FindOrCreateAsync(context, ledger.Cipher, @case, time, token).ConfigureAwait(false);
            var (attached, seen) = await KeptAsync(context, ledger, stored.Id, token).ConfigureAwait(false);
            var store = new AttachmentStore(ledger.Ledger);
            var additions = new List<CaseEvidence.Addition>();
            foreach (var i in Enumerable.Range(0, files.Count).Where(i => read[i].Screenshot is not null).OrderBy(i => read[i].Screenshot!.Captured.Time).ThenBy(i => i))
            {
                var (result, reading, hash) = read[i];
                if (!attached.Add(hash))
                {
                    results[i] = result with { Outcome = ScreenshotOutcome.AlreadyImported };
                    continue;
                }

                var title = reading!.Chat.Title;
                var counterpart = PhoneNumber.Normalize(title);
                var channel = counterpart is not null && counterpart.All(char.IsAsciiDigit) ? IncidentChannel.Sms : IncidentChannel.Chat;
                var conversation = string.Join('\n', counterpart, Vocabularies.Recipients.WireId(recipient), contactName);
                var fresh = reading.Chat.Messages
                    .Where((m, j) => (chosen is null || chosen(i, j)) && !m.Unread && seen.TryAdd(new SeenMessage(conversation, m.Direction, m.Text, m.Time, m.TimeEstimated)))
                    .ToList();

                if (fresh.Count > 0)
                {
                    byte[] content;
                    try
                    {
                        content = files[i].Read();
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        throw new RequestRefusedException(Localized.Format(EvidenceText.File_Unreadable, files[i].Name, e.Message));
                    }

                    if (ContentHash.Of(content) != hash)
                    {
                        throw new RequestRefusedException(Localized.Format(EvidenceText.Screenshot_Changed, files[i].Name));
                    }

                    await store.PutAsync(context, content, reading.MediaType, files[i].Name, now, token).ConfigureAwait(false);
                }

                additions.AddRange(fresh.Select(m => new CaseEvidence.Addition(
                    new Incident(channel, m.Direction, m.Time, counterpart, recipient, m.Text, files[i].Name, contactName, attachments: [hash]),
                    ReadConfidence: m.Confidence,
                    TimeEstimated: m.TimeEstimated)));
                results[i] = result with
                {
                    Outcome = fresh.Count > 0 ? ScreenshotOutcome.Added : ScreenshotOutcome.NothingNew,
                    Added = fresh.Count,
                    ToConfirm = fresh.Count(m => m.NeedsConfirmation),
                };
            }

            return (await CaseEvidence.AppendAsync(context, ledger.Cipher, stored, additions, skipKnown: true, now, token).ConfigureAwait(false)).Count;
        }, cancellationToken).ConfigureAwait(false);

        return new ScreenshotImport(results);
    }

    /// <summary>
    /// A file opened for reading: settled already when it cannot be read or is in the case (then
    /// not read with OCR), else its content to read and its hash.
    /// </summary>
    private static (Read? Settled, ScreenshotSource? Source, ContentHash Hash) Open(ScreenshotFile file, HashSet<ContentHash> known)
    {
        byte[] content;
        try
        {
            content = file.Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (Refused(file, Localized.Format(EvidenceText.File_Unreadable, file.Name, e.Message)), null, default);
        }

        var hash = ContentHash.Of(content);
        return known.Contains(hash)
            ? (new Read(new ScreenshotResult(file.Name, ScreenshotOutcome.AlreadyImported, null, 0, 0, 0, null), null, hash), null, hash)
            : (null, new ScreenshotSource(content, file.Name, file.FileTime), hash);
    }

    /// <summary>What a screenshot read with OCR comes to: refused (unreadable, or not a chat), or read into bubbles to confirm.</summary>
    private static Read Judged(ScreenshotFile file, ScreenshotAttempt attempt, ContentHash hash)
    {
        if (attempt.Reading is not { } reading)
        {
            return Refused(file, attempt.Refusal!.Message);
        }

        var signs = reading.SignsAgainstChat;
        if (signs.Count > 0)
        {
            return Refused(file, Localized.Format(EvidenceText.Screenshot_NotChat, file.Name, string.Join("；", signs.Select(s => EvidenceNames.NotChat(s)))));
        }

        var unread = reading.Chat.Messages.Count(m => m.Unread);
        return new Read(new ScreenshotResult(file.Name, ScreenshotOutcome.NothingNew, reading.Chat.Title, reading.Chat.Messages.Count - unread, 0, 0, null) { Unread = unread }, reading, hash);
    }

    private static Read Refused(ScreenshotFile file, string problem) =>
        new(new ScreenshotResult(file.Name, ScreenshotOutcome.Refused, null, 0, 0, 0, problem), null, default);

    /// <summary>The case's attachments and the messages it already holds from screenshots, inside the write.</summary>
    private static async Task<(HashSet<ContentHash> Attached, SeenMessages Seen)> KeptAsync(LedgerContext context, OpenLedger ledger, Guid caseId, CancellationToken cancellationToken)
    {
        var attached = new HashSet<ContentHash>();
        var seen = new SeenMessages();
        await foreach (var row in EvidenceRows.ReadAsync(context, caseId, cancellationToken).ConfigureAwait(false))
        {
            var entry = EvidenceItem.Open(row, ledger.Cipher);
            attached.UnionWith(entry.Incident.Attachments);
            if (row.ReadConfidence is not null && entry.Incident.Text is { } text)
            {
                var incident = entry.Incident;
                seen.TryAdd(new SeenMessage(string.Join('\n', incident.Counterpart, Vocabularies.Recipients.WireId(incident.Recipient), incident.ContactName), incident.Direction, text, incident.Time, row.TimeEstimated));
            }
        }

        return (attached, seen);
    }

    /// <summary>One screenshot read: its result so far, what OCR and the layout made of it, and its hash.</summary>
    internal sealed record Read(ScreenshotResult Result, ScreenshotReading? Screenshot, ContentHash Hash);
}
