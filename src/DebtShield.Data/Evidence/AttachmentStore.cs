using DebtShield.Core.Evidence;
using DebtShield.Data.Backups;
using DebtShield.Data.Protection;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Data.Evidence;

/// <summary>
/// Where attachments live: content-addressed, stored once. A SQLite ledger keeps them as files in a
/// folder beside its database file (<c>ledger.db.attachments/ab/abcd…</c>), readable by the owner
/// only; a PostgreSQL ledger keeps them in the <c>attachments</c> table, so every web node sees them.
/// The name a file or row is stored under is <see cref="LedgerCipher.AttachmentName"/> of the
/// content's SHA-256: that hash itself when the ledger is unprotected, a keyed hash of it when it
/// is protected, and then the content is sealed too, bound to that name. Callers address an
/// attachment by its plain content hash (what the chain and the bundle carry); only this class
/// knows the stored name.
/// </summary>
/// <remarks>
/// On SQLite the file is written (beside its final name, then renamed) before the row that names
/// it is committed: a failed transaction can leave an unreferenced file, never a row without its
/// file. Until an interrupted protection is finished, an attachment may still be under its plain
/// name, plain or sealed for that name; reads look there too.
/// </remarks>
public sealed class AttachmentStore
{
    private readonly Ledger _ledger;

    /// <summary>The store of <paramref name="ledger"/>.</summary>
    public AttachmentStore(Ledger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        _ledger = ledger;
    }

    /// <summary>The folder of a SQLite ledger's attachments; null for PostgreSQL.</summary>
    public static string? FolderOf(LedgerLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.FilePath is { } file ? file + ".attachments" : null;
    }

    /// <summary>
    /// Stores <paramref name="content"/> inside the current write (<paramref name="context"/>) unless
    /// it is already there, and returns its content hash.
    /// </summary>
    public async Task<ContentHash> PutAsync(LedgerContext context, byte[] content, string mediaType, string? fileName, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(content);
        var hash = ContentHash.Of(content);
        var name = _ledger.Cipher.AttachmentName(hash);
        string[] names = [name.Hex, hash.Hex];
        var known = await context.Attachments.AnyAsync(a => names.Contains(a.Hash), cancellationToken).ConfigureAwait(false)
            || context.Attachments.Local.Any(a => names.Contains(a.Hash));
        if (known && FolderOf(_ledger.Location) is null)
        {
            return hash;
        }

        var stored = _ledger.Cipher.Seal(content, Context(name));
        if (FolderOf(_ledger.Location) is { } folder)
        {
            var path = PathOf(folder, name);
            if (!File.Exists(path) && !File.Exists(PathOf(folder, hash)))
            {
                CreatePrivateFolder(Path.GetDirectoryName(path)!);
                await PrivateFile.WriteAsync(path, (file, token) => file.WriteAsync(stored, token).AsTask(), cancellationToken).ConfigureAwait(false);
            }
        }

        if (!known)
        {
            context.Attachments.Add(new StoredAttachment
            {
                Hash = name.Hex,
                MediaType = mediaType,
                FileName = fileName,
                Size = content.LongLength,
                StoredAt = now.ToUniversalTime(),
                Content = FolderOf(_ledger.Location) is null ? stored : null,
            });
        }

        return hash;
    }

    /// <summary>The content of the attachment whose content hash is <paramref name="hash"/>, opened; null when it is missing.</summary>
    /// <exception cref="LedgerException">The stored content does not open (it was edited).</exception>
    public async Task<byte[]?> GetAsync(LedgerContext context, ContentHash hash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = _ledger.Cipher.AttachmentName(hash);
        foreach (var candidate in name == hash ? [hash] : (ContentHash[])[name, hash])
        {
            var stored = FolderOf(_ledger.Location) is { } folder
                ? await ReadFileAsync(PathOf(folder, candidate), cancellationToken).ConfigureAwait(false)
                : await context.Attachments.Where(a => a.Hash == candidate.Hex).Select(a => a.Content).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);

            // Content stored before the ledger was protected is sealed just after (SQLite files); until then it is plain.
            if (stored is not null)
            {
                return _ledger.Cipher.IsProtected && ContentHash.Of(stored) == hash ? stored : _ledger.Cipher.Open(stored, Context(candidate));
            }
        }

        return null;
    }

    /// <summary>
    /// The rows of the attachments whose content hashes are <paramref name="hashes"/> (media type,
    /// file name, size), each with <see cref="StoredAttachment.Hash"/> set to the plain content hash
    /// whatever name it is stored under, ordered by that hash.
    /// </summary>
    public async Task<IReadOnlyList<StoredAttachment>> DescribeAsync(LedgerContext context, IEnumerable<ContentHash> hashes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(hashes);
        var byName = new Dictionary<string, ContentHash>(StringComparer.Ordinal);
        foreach (var hash in hashes)
        {
            byName[_ledger.Cipher.AttachmentName(hash).Hex] = hash;
            byName[hash.Hex] = hash;
        }

        var names = byName.Keys.ToList();
        var rows = await context.Attachments.AsNoTracking().Where(a => names.Contains(a.Hash))
            .Select(a => new StoredAttachment { Hash = a.Hash, MediaType = a.MediaType, FileName = a.FileName, Size = a.Size, StoredAt = a.StoredAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            row.Hash = byName[row.Hash].Hex;
        }

        return [.. rows.DistinctBy(r => r.Hash).OrderBy(r => r.Hash, StringComparer.Ordinal)];
    }

    /// <summary>The bytes of an attachment as stored (sealed when protected) under <paramref name="name"/>, for a backup; null when missing.</summary>
    internal static async Task<byte[]?> ReadStoredAsync(LedgerContext context, LedgerLocation location, string name, CancellationToken cancellationToken) =>
        FolderOf(location) is { } folder && ContentHash.TryParse(name, out var parsed)
            ? await ReadFileAsync(PathOf(folder, parsed), cancellationToken).ConfigureAwait(false)
            : await context.Attachments.Where(a => a.Hash == name).Select(a => a.Content).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Puts restored bytes where <paramref name="location"/> keeps attachments: a file on SQLite
    /// (whose path is returned, for removal should the restore not be committed), the row on PostgreSQL.
    /// </summary>
    internal static async Task<string?> RestoreAsync(LedgerLocation location, StoredAttachment attachment, CancellationToken cancellationToken)
    {
        if (FolderOf(location) is { } folder && attachment.Content is { } content && ContentHash.TryParse(attachment.Hash, out var hash))
        {
            var path = PathOf(folder, hash);
            CreatePrivateFolder(Path.GetDirectoryName(path)!);
            await PrivateFile.WriteAsync(path, (file, token) => file.WriteAsync(content, token).AsTask(), cancellationToken).ConfigureAwait(false);
            attachment.Content = null;
            return path;
        }

        return null;
    }

    private static async Task<byte[]?> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>True when the attachment is there and its content still hashes to <paramref name="hash"/>.</summary>
    public async Task<bool> HoldsAsync(LedgerContext context, ContentHash hash, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(context, hash, cancellationToken).ConfigureAwait(false) is { } content && ContentHash.Of(content) == hash;
        }
        catch (LedgerException e) when (e.Problem == LedgerProblem.SealedValueDamaged)
        {
            return false;
        }
    }

    /// <summary>
    /// True when <paramref name="stored"/>, an attachment's bytes as a protected ledger keeps them
    /// under <paramref name="name"/>, opens with <paramref name="cipher"/> to content whose hash is
    /// that name or keys to it (or is that content still plain, as a ledger whose protection is
    /// unfinished may hold it).
    /// </summary>
    internal static bool Holds(LedgerCipher cipher, byte[]? stored, ContentHash name) =>
        stored is not null && (ContentHash.Of(stored) == name || Opened(cipher, stored, name) is { } hash && (hash == name || cipher.AttachmentName(hash) == name));

    /// <summary>The content hash of <paramref name="stored"/> sealed for <paramref name="name"/>, or null when it does not open.</summary>
    private static ContentHash? Opened(LedgerCipher cipher, byte[] stored, ContentHash name)
    {
        try
        {
            return ContentHash.Of(cipher.Open(stored, Context(name)));
        }
        catch (LedgerException e) when (e.Problem == LedgerProblem.SealedValueDamaged)
        {
            return null;
        }
    }

    /// <summary>
    /// Moves the attachment rows still under their plain content hash (<paramref name="plain"/>, the
    /// hashes the case's entries list) to their keyed names, inside the transaction that protects
    /// the ledger or finishes its protection; on PostgreSQL their content is sealed for the new
    /// name as well (it was plain, or sealed for the plain name). SQLite files are moved later
    /// (<see cref="SealFilesAsync"/>), so reads look under both names until then.
    /// </summary>
    internal static async Task KeyRowsAsync(LedgerContext context, LedgerCipher sealing, IReadOnlySet<ContentHash> plain, CancellationToken cancellationToken)
    {
        var names = plain.Select(h => h.Hex).ToList();
        var rows = await context.Attachments.Where(a => names.Contains(a.Hash)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var keyedNames = plain.Select(h => sealing.AttachmentName(h).Hex).ToList();
        var keyed = (await context.Attachments.Where(a => keyedNames.Contains(a.Hash)).Select(a => a.Hash).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var hash = ContentHash.Parse(row.Hash);
            var name = sealing.AttachmentName(hash);
            context.Attachments.Remove(row);
            if (keyed.Contains(name.Hex))
            {
                // Stored again under its keyed name while the protection was unfinished.
                continue;
            }

            byte[]? content = null;
            if (row.Content is { } stored)
            {
                try
                {
                    content = sealing.Seal(ContentHash.Of(stored) == hash ? stored : sealing.Open(stored, Context(hash)), Context(name));
                }
                catch (LedgerException e) when (e.Problem == LedgerProblem.SealedValueDamaged)
                {
                    // Edited: kept as it is for verify to report, under the name it will be looked for.
                    content = stored;
                }
            }

            context.Attachments.Add(new StoredAttachment
            {
                Hash = name.Hex,
                MediaType = row.MediaType,
                FileName = row.FileName,
                Size = row.Size,
                StoredAt = row.StoredAt,
                Content = content,
            });
        }
    }

    /// <summary>
    /// Seals a SQLite ledger's attachment files still plain, and moves those still under their
    /// plain content hash to their keyed names, once protection is committed. Each is sealed for
    /// its keyed name beside itself first (<c>….sealing</c>, renamed <c>….sealed</c> once complete
    /// and on disk), then the sealed bytes are written over the old ones in place, so plain bytes
    /// do not stay behind in a replaced file, then the file is renamed and the copy deleted. Run
    /// again after a crash, it finishes a file whose copy is complete and starts over one whose
    /// copy is not. A file already under its keyed name is left alone.
    /// </summary>
    internal static async Task SealFilesAsync(LedgerLocation location, LedgerCipher sealing, CancellationToken cancellationToken)
    {
        if (FolderOf(location) is not { } folder || !Directory.Exists(folder))
        {
            return;
        }

        foreach (var partial in Directory.EnumerateFiles(folder, "*" + SealingSuffix, SearchOption.AllDirectories).ToList())
        {
            File.Delete(partial);
        }

        foreach (var copy in Directory.EnumerateFiles(folder, "*" + SealedSuffix, SearchOption.AllDirectories).ToList())
        {
            var path = copy[..^SealedSuffix.Length];
            if (File.Exists(path) && ContentHash.TryParse(Path.GetFileName(path), out var hash))
            {
                await OverwriteAsync(path, await File.ReadAllBytesAsync(copy, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                Rename(folder, path, sealing.AttachmentName(hash));
            }

            File.Delete(copy);
        }

        var first = true;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList())
        {
            if (!ContentHash.TryParse(Path.GetFileName(path), out var hash))
            {
                continue;
            }

            var stored = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var plain = ContentHash.Of(stored) == hash ? stored
                : Opened(sealing, stored, hash) == hash ? sealing.Open(stored, Context(hash))
                : null;
            if (plain is null)
            {
                // Under its keyed name already (or edited: verify reports it).
                continue;
            }

            var name = sealing.AttachmentName(hash);
            var sealedBytes = sealing.Seal(plain, Context(name));
            await using (var copy = new FileStream(path + SealingSuffix, SealingCopy))
            {
                await copy.WriteAsync(sealedBytes, cancellationToken).ConfigureAwait(false);
                copy.Flush(flushToDisk: true);
            }

            File.Move(path + SealingSuffix, path + SealedSuffix);
            if (first)
            {
                ProtectionStage.Reached(ProtectionStage.SealingFile);
                first = false;
            }

            await OverwriteAsync(path, sealedBytes, cancellationToken).ConfigureAwait(false);
            Rename(folder, path, name);
            File.Delete(path + SealedSuffix);
        }
    }

    /// <summary>Moves a file sealed in place to its keyed name (over a copy stored there meanwhile).</summary>
    private static void Rename(string folder, string path, ContentHash name)
    {
        var target = PathOf(folder, name);
        if (!string.Equals(target, path, StringComparison.Ordinal))
        {
            CreatePrivateFolder(Path.GetDirectoryName(target)!);
            File.Move(path, target, overwrite: true);
        }
    }

    /// <summary>Writes <paramref name="content"/> over the file's own bytes (not a new file renamed over it) and flushes it to disk.</summary>
    private static async Task OverwriteAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None);
        await file.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        file.SetLength(content.Length);
        file.Flush(flushToDisk: true);
    }

    private const string SealingSuffix = ".sealing";
    private const string SealedSuffix = ".sealed";

    private static FileStreamOptions SealingCopy { get; } = OperatingSystem.IsWindows()
        ? new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write }
        : new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };

    private static void CreatePrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static string PathOf(string folder, ContentHash name) => Path.Combine(folder, name.Hex[..2], name.Hex);

    /// <summary>What sealed content is bound to: the name it is stored under.</summary>
    private static string Context(ContentHash name) => "attachments:" + name.Hex;
}
