using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json;
using DebtShield.App.Cases;
using DebtShield.App.Downloads;
using DebtShield.App.Ledgers;
using DebtShield.App.ReviewEvidence;
using DebtShield.App.StampEvidence;
using DebtShield.Core;
using DebtShield.Core.Evidence;
using DebtShield.Data.Backups;
using DebtShield.Data.Evidence;
using DebtShield.App.Resources;

namespace DebtShield.App.ExportEvidence;

/// <summary>What an export wrote.</summary>
/// <param name="Entries">How many entries.</param>
/// <param name="Attachments">How many attachment files.</param>
/// <param name="Head">The chain head the bundle ends at.</param>
/// <param name="Sums">The SHA-256 of the bundle's <c>SHA256SUMS</c>: kept apart, it fixes every file of this bundle.</param>
public sealed record EvidenceBundleSummary(int Entries, int Attachments, ChainHead Head, ContentHash Sums);

/// <summary>
/// Use case: the evidence bundle a borrower hands to a regulator, the police or a court: one zip
/// with every entry's canonical record (<c>entries/000001.txt</c>, whose SHA-256 is the entry's
/// hash), the attachments under their hashes, <c>manifest.json</c>, <c>SHA256SUMS</c> for
/// <c>sha256sum -c</c>, a printable <c>timeline.html</c> and <c>verify.txt</c> saying how anyone
/// can check it with standard tools.
/// </summary>
/// <remarks>
/// The bundle is built from one snapshot and refused when the chain does not verify, so it never
/// certifies a record that was tampered with. It is written beside its target and renamed into
/// place, readable by its owner only; it leaves the machine only when the borrower sends it.
/// </remarks>
public static class ExportEvidenceBundle
{
    /// <summary>Writes the case's bundle to <paramref name="path"/>.</summary>
    /// <exception cref="RequestRefusedException">The case has no evidence, its chain is broken, or the file cannot be written.</exception>
    public static async Task<EvidenceBundleSummary> WriteAsync(OpenLedger ledger, CaseReference @case, string path, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var snapshot = await ReadAsync(ledger, @case, time, cancellationToken).ConfigureAwait(false);
        ContentHash sums = default;
        try
        {
            await PrivateFile.WriteAsync(path, async (file, token) => sums = await WriteZipAsync(file, snapshot, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RequestRefusedException(Localized.Format(Resources.EvidenceText.File_Unwritable, path, e.Message));
        }

        return new EvidenceBundleSummary(snapshot.View.Items.Count, snapshot.Files.Count, snapshot.View.Head, sums);
    }

    /// <summary>
    /// The case's bundle as a download, named for the time it was made
    /// (<c>debtshield-evidence-20261205-1729.zip</c>, China time); checked and read before it is
    /// returned, so writing it can no longer be refused.
    /// </summary>
    /// <exception cref="RequestRefusedException">The case has no evidence, or its chain is broken.</exception>
    public static async Task<Download> DownloadAsync(OpenLedger ledger, CaseReference @case, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var snapshot = await ReadAsync(ledger, @case, time, cancellationToken).ConfigureAwait(false);
        var name = "debtshield-evidence-" + snapshot.ExportedAt.ToOffset(ChinaStandardTime.Offset).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture) + ".zip";
        return new Download(name, "application/zip", async (destination, token) =>
        {
            // Built in memory (the snapshot holds every attachment already): the zip writer's last
            // writes are synchronous, which a response body refuses.
            using var zip = new MemoryStream();
            await WriteZipAsync(zip, snapshot, token).ConfigureAwait(false);
            zip.Position = 0;
            await zip.CopyToAsync(destination, token).ConfigureAwait(false);
        });
    }

    /// <summary>What a bundle holds, read in one snapshot in which the chain was verified.</summary>
    private sealed record Snapshot(
        CaseEvidenceView View,
        List<(StoredAttachment Row, byte[] Content)> Files,
        IReadOnlyList<(HeadStamp Stamp, byte[] Request, byte[] Reply)> Stamps,
        DateTimeOffset ExportedAt);

    private static async Task<Snapshot> ReadAsync(OpenLedger ledger, CaseReference @case, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(time);
        var (view, files, stamps) = await ledger.ReadAsync(async (context, token) =>
        {
            // Checked and read in one snapshot: the bundle holds exactly the entries that were verified.
            var store = new AttachmentStore(ledger.Ledger);
            var stored = await CaseBook.FindAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            if (stored is null || stored.EvidenceCount == 0)
            {
                throw new RequestRefusedException(Resources.EvidenceText.Export_Empty);
            }

            if ((await VerifyEvidence.CheckAsync(context, ledger.Cipher, store, stored, token).ConfigureAwait(false)).Break is { } broken)
            {
                throw new RequestRefusedException(Localized.Format(Resources.EvidenceText.Export_Broken, broken.Position));
            }

            var read = await ReviewEvidence.ReviewEvidence.ReadAsync(context, ledger.Cipher, stored, token).ConfigureAwait(false);
            var rows = await store.DescribeAsync(context, read.Items.SelectMany(i => i.Entry.Incident.Attachments).Distinct(), token).ConfigureAwait(false);
            var contents = new List<(StoredAttachment Row, byte[] Content)>(rows.Count);
            foreach (var row in rows)
            {
                contents.Add((row, await store.GetAsync(context, ContentHash.Parse(row.Hash), token).ConfigureAwait(false) ?? []));
            }

            var stamps = await StampEvidenceHead.ReadAsync(context, stored.Id, token).ConfigureAwait(false);
            return (read, contents, stamps);
        }, cancellationToken).ConfigureAwait(false);

        return new Snapshot(view, files, stamps, time.GetUtcNow());
    }

    /// <summary>Writes the zip to <paramref name="destination"/> and returns the hash of its <c>SHA256SUMS</c>.</summary>
    private static async Task<ContentHash> WriteZipAsync(Stream destination, Snapshot snapshot, CancellationToken token)
    {
        var (view, files, stamps, exportedAt) = snapshot;
        var zip = await ZipArchive.CreateAsync(destination, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, token).ConfigureAwait(false);
        await using (zip.ConfigureAwait(false))
        {
            var sums = new StringBuilder();
            async Task AddSummedAsync(string name, byte[] content)
            {
                await AddAsync(zip, name, content, token).ConfigureAwait(false);
                sums.Append(ContentHash.Of(content).Hex).Append("  ").Append(name).Append('\n');
            }

            foreach (var item in view.Items)
            {
                await AddSummedAsync(RecordName(item.Entry.Sequence), item.Entry.Record()).ConfigureAwait(false);
            }

            foreach (var (row, content) in files)
            {
                await AddSummedAsync(AttachmentName(row), content).ConfigureAwait(false);
            }

            foreach (var (stamp, request, reply) in stamps)
            {
                await AddSummedAsync(stamp.RequestFile, request).ConfigureAwait(false);
                await AddSummedAsync(stamp.ReplyFile, reply).ConfigureAwait(false);
            }

            await AddSummedAsync("manifest.json", Manifest(view, files, exportedAt)).ConfigureAwait(false);
            await AddSummedAsync("timeline.html", Encoding.UTF8.GetBytes(EvidenceTimelineHtml.Render(view, files.ToDictionary(f => f.Row.Hash, f => AttachmentName(f.Row)), exportedAt))).ConfigureAwait(false);
            await AddSummedAsync("verify.txt", Encoding.UTF8.GetBytes(VerifyText(view))).ConfigureAwait(false);

            // Every file but this one is listed: a list cannot hold its own hash.
            var list = Encoding.UTF8.GetBytes(sums.ToString());
            await AddAsync(zip, "SHA256SUMS", list, token).ConfigureAwait(false);
            return ContentHash.Of(list);
        }
    }

    /// <summary>The tool's version, as the manifest records it.</summary>
    public static string ToolVersion { get; } =
        typeof(ExportEvidenceBundle).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    internal static string RecordName(int sequence) => "entries/" + sequence.ToString("D6", CultureInfo.InvariantCulture) + ".txt";

    internal static string AttachmentName(StoredAttachment row)
    {
        var extension = Path.GetExtension(row.FileName ?? "");
        if (extension.Length is 0 or > 8 || !extension.Skip(1).All(char.IsAsciiLetterOrDigit))
        {
            extension = "";
        }

        return "attachments/" + row.Hash + extension.ToLowerInvariant();
    }

    private static async Task AddAsync(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
    }

    private static byte[] Manifest(CaseEvidenceView view, List<(StoredAttachment Row, byte[] Content)> files, DateTimeOffset exportedAt)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = ReportJsonContext.WriterOptions.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("format", "debtshield-evidence-bundle");
            json.WriteNumber("formatVersion", 1);
            json.WriteString("tool", "DebtShield " + ToolVersion);
            json.WriteString("exportedAt", EvidenceRecord.Instant(exportedAt));
            json.WriteString("case", view.CaseTitle);
            json.WriteStartObject("chainHead");
            json.WriteNumber("count", view.Head.Count);
            json.WriteString("hash", view.Head.Hash.Hex);
            json.WriteEndObject();
            json.WriteStartArray("entries");
            foreach (var item in view.Items)
            {
                json.WriteStartObject();
                EvidenceJson.WriteEntry(json, item, hash =>
                {
                    var file = files.FirstOrDefault(f => f.Row.Hash == hash.Hex).Row;
                    return (file is null ? null : AttachmentName(file), file?.MediaType, file?.FileName);
                });
                json.WriteString("record", RecordName(item.Entry.Sequence));
                json.WriteString("previous", item.Entry.Previous.Hex);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("stamps");
            foreach (var stamp in view.Stamps)
            {
                json.WriteStartObject();
                json.WriteNumber("count", stamp.Count);
                json.WriteString("hash", stamp.Head.Hex);
                json.WriteString("authority", stamp.Authority);
                json.WriteString("stampedAt", EvidenceRecord.Instant(stamp.StampedAt));
                json.WriteString("reply", stamp.ReplyFile);
                json.WriteString("request", stamp.RequestFile);
                json.WriteString("record", RecordName(stamp.Count));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string VerifyText(CaseEvidenceView view)
    {
        var head = view.Head;
        // For whoever receives the bundle: Chinese first, English after, whatever the user's language.
        var text = new StringBuilder();
        foreach (var culture in new[] { CultureInfo.GetCultureInfo("zh-CN"), CultureInfo.GetCultureInfo("en") })
        {
            string Line(string name) => Resources.EvidenceText.ResourceManager.GetString(name, culture)!;
            text.Append(Line("Verify_Title")).Append("\n\n")
                .Append(Line("Verify_Files")).Append("\n\n    sha256sum -c SHA256SUMS\n\n")
                .Append(Line("Verify_Chain")).Append("\n\n    for f in entries/*.txt; do echo \"$(sha256sum \"$f\" | cut -c1-64) $f $(tail -n 1 \"$f\")\"; done\n\n")
                .Append(string.Format(culture, Line("Verify_Head"), head.Count, head.Hash.Hex)).Append("\n\n")
                .Append(Line("Verify_Attachments")).Append("\n\n");
            AppendStamps(text, view.Stamps, culture, Line);
            text.Append(Line("Verify_Cannot")).Append("\n\n\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// Step 5 of <c>verify.txt</c>: for each stamp, the two <c>openssl ts -verify</c> commands a third
    /// party runs offline: against the record file the stamp covers, and against the request sent.
    /// </summary>
    private static void AppendStamps(StringBuilder text, IReadOnlyList<HeadStamp> stamps, CultureInfo culture, Func<string, string> line)
    {
        if (stamps.Count == 0)
        {
            text.Append(line("Verify_NoStamps")).Append("\n\n");
            return;
        }

        text.Append(line("Verify_Stamps")).Append("\n\n");
        foreach (var stamp in stamps)
        {
            text.Append(string.Format(culture, line("Verify_Stamp"), stamp.Count, stamp.Authority, stamp.StampedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))).Append("\n\n")
                .Append("    openssl ts -verify -data ").Append(RecordName(stamp.Count)).Append(" -in ").Append(stamp.ReplyFile).Append(" -CAfile TSA-CA.pem\n")
                .Append("    openssl ts -verify -queryfile ").Append(stamp.RequestFile).Append(" -in ").Append(stamp.ReplyFile).Append(" -CAfile TSA-CA.pem\n\n");
        }
    }
}
