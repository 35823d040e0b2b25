using DebtShield.Core.Evidence;
using DebtShield.Data.Backups;
using DebtShield.Data.Protection;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Data.Evidence;

/// <summary>
/// Where attachments live: content-addressed by SHA-256, stored once. A SQLite ledger keeps them
/// as files in a folder beside its database file (<c>ledger.db.attachments/ab/abcd…</c>), readable
/// by the owner only; a PostgreSQL ledger keeps them in the <c>attachments</c> table, so every
/// web node sees them. Content is sealed with the ledger's key when it is protected.
/// </summary>
/// <remarks>
/// On SQLite the file is written (beside its final name, then renamed) before the row that names
/// it is committed: a failed transaction can leave an unreferenced file, never a row without its
/// file.
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
    /// it is already there, and returns its hash.
    /// </summary>
    public async Task<ContentHash> PutAsync(LedgerContext context, byte[] content, string mediaType, string? fileName, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(content);
        var hash = ContentHash.Of(content);
        var known = await context.Attachments.AnyAsync(a => a.Hash == hash.Hex, cancellationToken).ConfigureAwait(false)
            || context.Attachments.Local.Any(a => a.Hash == hash.Hex);
        if (known && FolderOf(_ledger.Location) is null)
        {
            return hash;
        }

        var stored = _ledger.Cipher.Seal(content, Context(hash));
        if (FolderOf(_ledger.Location) is { } folder)
        {
            var path = PathOf(folder, hash);
            if (!File.Exists(path))
            {
                CreatePrivateFolder(Path.GetDirectoryName(path)!);
                await PrivateFile.WriteAsync(path, (file, token) => file.WriteAsync(stored, token).AsTask(), cancellationToken).ConfigureAwait(false);
            }
        }

        if (!known)
        {
            context.Attachments.Add(new StoredAttachment
            {
                Hash = hash.Hex,
                MediaType = mediaType,
                FileName = fileName,
                Size = content.LongLength,
                StoredAt = now.ToUniversalTime(),
                Content = FolderOf(_ledger.Location) is null ? stored : null,
            });
        }

        return hash;
    }

    /// <summary>The content of an attachment, opened; null when it is missing.</summary>
    /// <exception cref="LedgerException">The stored content does not open (it was edited).</exception>
    public async Task<byte[]?> GetAsync(LedgerContext context, ContentHash hash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stored = FolderOf(_ledger.Location) is { } folder
            ? await ReadFileAsync(PathOf(folder, hash), cancellationToken).ConfigureAwait(false)
            : await context.Attachments.Where(a => a.Hash == hash.Hex).Select(a => a.Content).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);

        // Content stored before the ledger was protected is sealed just after (SQLite files); until then it is plain.
        return stored is null ? null
            : _ledger.Cipher.IsProtected && ContentHash.Of(stored) == hash ? stored
            : _ledger.Cipher.Open(stored, Context(hash));
    }

    /// <summary>The bytes of an attachment as stored (sealed when protected), for a backup; null when missing.</summary>
    internal static async Task<byte[]?> ReadStoredAsync(LedgerContext context, LedgerLocation location, string hash, CancellationToken cancellationToken) =>
        FolderOf(location) is { } folder && ContentHash.TryParse(hash, out var parsed)
            ? await ReadFileAsync(PathOf(folder, parsed), cancellationToken).ConfigureAwait(false)
            : await context.Attachments.Where(a => a.Hash == hash).Select(a => a.Content).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);

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

    /// <summary>True when the attachment is there and its content still hashes to its address.</summary>
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
    /// True when <paramref name="stored"/>, an attachment's bytes as a protected ledger keeps them,
    /// opens with <paramref name="cipher"/> to content that hashes to <paramref name="hash"/> (or is
    /// that content still plain, as a ledger whose protection is unfinished may hold it).
    /// </summary>
    internal static bool Holds(LedgerCipher cipher, byte[]? stored, ContentHash hash)
    {
        if (stored is null)
        {
            return false;
        }

        try
        {
            return ContentHash.Of(stored) == hash || ContentHash.Of(cipher.Open(stored, Context(hash))) == hash;
        }
        catch (LedgerException e) when (e.Problem == LedgerProblem.SealedValueDamaged)
        {
            return false;
        }
    }

    /// <summary>Seals the attachments a PostgreSQL ledger holds, inside the transaction that protects it.</summary>
    internal static async Task SealRowsAsync(LedgerContext context, LedgerCipher sealing, CancellationToken cancellationToken)
    {
        foreach (var attachment in await context.Attachments.Where(a => a.Content != null).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            attachment.Content = sealing.Seal(attachment.Content!, Context(ContentHash.Parse(attachment.Hash)));
        }
    }

    /// <summary>
    /// Seals a SQLite ledger's attachment files still plain, once protection is committed. Each is
    /// sealed beside itself first (<c>….sealing</c>, renamed <c>….sealed</c> once complete and on
    /// disk), then the sealed bytes are written over the plain ones in place, so the plain bytes do
    /// not stay behind in a replaced file, then the copy is deleted. Run again after a crash, it
    /// finishes a file whose copy is complete and starts over one whose copy is not.
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
            await OverwriteAsync(copy[..^SealedSuffix.Length], await File.ReadAllBytesAsync(copy, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            File.Delete(copy);
        }

        var first = true;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList())
        {
            if (!ContentHash.TryParse(Path.GetFileName(path), out var hash))
            {
                continue;
            }

            var plain = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            if (ContentHash.Of(plain) != hash)
            {
                continue;
            }

            var sealedBytes = sealing.Seal(plain, Context(hash));
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
            File.Delete(path + SealedSuffix);
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

    private static string PathOf(string folder, ContentHash hash) => Path.Combine(folder, hash.Hex[..2], hash.Hex);

    private static string Context(ContentHash hash) => "attachments:" + hash.Hex;
}
