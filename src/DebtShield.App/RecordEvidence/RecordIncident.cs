using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.App.Resources;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Data.Evidence;

namespace DebtShield.App.RecordEvidence;

/// <summary>An incident the borrower enters by hand: a call, a visit, a post, or what a contact reported.</summary>
/// <param name="Channel">How it reached its recipient.</param>
/// <param name="Time">When it happened.</param>
/// <param name="Counterpart">The collector's number or name, when known.</param>
/// <param name="Text">What was said or done, word for word where possible.</param>
/// <param name="ContactName">The contact who received it (a name the borrower chooses), when it was not the borrower.</param>
/// <param name="ContactPhone">The contact's phone number, only if the borrower wants it kept (protected ledgers only).</param>
/// <param name="Outcome">For a call: answered, missed…</param>
/// <param name="Duration">For a call: how long.</param>
/// <param name="Attachments">Files to keep with it: screenshots, recordings, photos.</param>
/// <param name="Corrects">The sequence of the entry this corrects, if it is a correction.</param>
public sealed record ManualIncident(
    IncidentChannel Channel,
    DateTimeOffset Time,
    string? Counterpart,
    string? Text,
    string? ContactName = null,
    string? ContactPhone = null,
    CallOutcome? Outcome = null,
    TimeSpan? Duration = null,
    IReadOnlyList<string>? Attachments = null,
    int? Corrects = null);

/// <summary>
/// Use case: record an incident by hand, or a correction of an earlier entry. A correction is a
/// new entry that supersedes the old one; both stay in the chain.
/// </summary>
public static class RecordIncident
{
    /// <summary>Appends the incident to the case's chain (the case is opened when the ledger has none).</summary>
    /// <returns>The new entry.</returns>
    /// <exception cref="RequestRefusedException">An attachment cannot be read, the corrected entry does not exist,
    /// the facts contradict each other, or a contact's phone number is given for an unprotected ledger.</exception>
    public static async Task<EvidenceEntry> AddAsync(OpenLedger ledger, CaseReference @case, ManualIncident manual, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(manual);
        ArgumentNullException.ThrowIfNull(time);
        if (manual.ContactPhone is not null && !ledger.Cipher.IsProtected)
        {
            throw new RequestRefusedException(EvidenceText.Add_ContactPhoneNeedsProtection);
        }

        var files = new List<(byte[] Content, string Name)>();
        foreach (var path in manual.Attachments ?? [])
        {
            try
            {
                files.Add((await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), Path.GetFileName(path)));
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

        var now = time.GetUtcNow();
        return await ledger.WriteAsync(async (context, token) =>
        {
            var stored = await CaseBook.FindOrCreateAsync(context, ledger.Cipher, @case, time, token).ConfigureAwait(false);
            if (manual.Corrects is { } old && (old < 1 || old > stored.EvidenceCount))
            {
                throw new RequestRefusedException(Localized.Format(EvidenceText.Add_NoSuchEntry, old, stored.EvidenceCount));
            }

            var store = new AttachmentStore(ledger.Ledger);
            var hashes = new List<ContentHash>(files.Count);
            foreach (var (content, name) in files)
            {
                hashes.Add(await store.PutAsync(context, content, MediaTypeOf(name), name, now, token).ConfigureAwait(false));
            }

            Incident incident;
            try
            {
                incident = new Incident(
                    manual.Channel,
                    IncidentDirection.Received,
                    manual.Time,
                    PhoneNumber.Normalize(manual.Counterpart),
                    manual.ContactName is null ? Recipient.Borrower : Recipient.ThirdParty,
                    manual.Text,
                    manual.ContactName is null ? "manual" : "contact-report",
                    manual.ContactName,
                    manual.ContactPhone,
                    manual.Channel == IncidentChannel.Call ? manual.Outcome ?? CallOutcome.Answered : manual.Outcome,
                    manual.Duration,
                    hashes);
            }
            catch (ArgumentException)
            {
                throw new RequestRefusedException(manual.Channel == IncidentChannel.Call ? EvidenceText.Add_CallFacts : EvidenceText.Add_TextRequired);
            }

            var (_, appended) = await CaseEvidence.AppendAsync(context, ledger.Cipher, stored, [new(incident, manual.Corrects)], skipKnown: false, now, token).ConfigureAwait(false);
            return appended!;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A media type from a file's extension, for the bundle and the web page to show it rightly.</summary>
    internal static string MediaTypeOf(string fileName) => Path.GetExtension(fileName).ToUpperInvariant() switch
    {
        ".PNG" => "image/png",
        ".JPG" or ".JPEG" => "image/jpeg",
        ".GIF" => "image/gif",
        ".WEBP" => "image/webp",
        ".HEIC" => "image/heic",
        ".MP3" => "audio/mpeg",
        ".M4A" => "audio/mp4",
        ".AMR" => "audio/amr",
        ".WAV" => "audio/wav",
        ".MP4" => "video/mp4",
        ".PDF" => "application/pdf",
        ".TXT" => "text/plain",
        _ => "application/octet-stream",
    };
}
