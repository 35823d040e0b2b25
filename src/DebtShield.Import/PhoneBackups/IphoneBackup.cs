using System.IO.Compression;
using System.Runtime.InteropServices;
using DebtShield.Core;
using DebtShield.Import.Resources;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DebtShield.Import.PhoneBackups;

/// <summary>
/// An unencrypted iPhone backup made by Finder or iTunes (iOS 10 and later): a folder, or a zip of
/// that folder. Files are found through <c>Manifest.db</c> (table <c>Files</c>: <c>fileID</c>,
/// <c>domain</c>, <c>relativePath</c>, <c>flags</c>, <c>file</c>) and stored at
/// <c>fileID[0..2]/fileID</c>; nothing in the backup is ever written.
/// </summary>
/// <remarks>
/// A zipped backup is read in place except for the databases. Opened by path (the borrower's own
/// file, from the command line), its databases are copied into a private temporary folder that
/// <see cref="Dispose"/> removes, up to <see cref="LargestDatabase"/>. Opened as a stream (an
/// upload), nothing of it touches the disk: each database is unpacked into memory and handed to
/// SQLite with <c>sqlite3_deserialize</c>, up to <see cref="LargestHeld"/>; a larger one is refused
/// with a message that says to import the file from the command line. An encrypted backup (<c>IsEncrypted</c> in <c>Manifest.plist</c>) is refused before anything
/// else, with the way to make an unencrypted one.
/// </remarks>
public sealed class IphoneBackup : IDisposable
{
    /// <summary>Where the messages are: domain and path on the phone.</summary>
    internal static readonly (string Domain, string Path) Messages = ("HomeDomain", "Library/SMS/sms.db");

    /// <summary>Where the call history is (iOS 8 and later).</summary>
    internal static readonly (string Domain, string Path) Calls = ("HomeDomain", "Library/CallHistoryDB/CallHistory.storedata");

    /// <summary>
    /// The most one file of a zipped backup is unpacked to in memory (an attachment, Manifest.plist),
    /// 128 MiB: more than any picture or MMS video.
    /// </summary>
    internal const long LargestHeld = 128L * 1024 * 1024;

    /// <summary>The most a database of a zipped backup (sms.db after years of messages) is unpacked to on disk, 4 GiB.</summary>
    internal const long LargestDatabase = 4L * 1024 * 1024 * 1024;

    private readonly string? _folder;
    private readonly ZipArchive? _zip;
    private readonly string _zipRoot = "";
    private readonly DirectoryInfo? _scratch;
    private readonly Dictionary<string, SqliteConnection>? _inMemory;
    private readonly SqliteConnection _manifest;

    private IphoneBackup(string? folder, ZipArchive? zip, string zipRoot, bool inMemory)
    {
        _folder = folder;
        _zip = zip;
        _zipRoot = zipRoot;
        if (inMemory)
        {
            _inMemory = new Dictionary<string, SqliteConnection>(StringComparer.Ordinal);
        }
        else
        {
            _scratch = Directory.CreateTempSubdirectory("debtshield-iphone-");
        }

        try
        {
            RefuseEncrypted();
            var manifest = Local("Manifest.db") ?? throw new PhoneBackupException(
                Exists("Manifest.mbdb") ? ImportMessages.Iphone_OldFormat : ImportMessages.Iphone_NotABackup);
            try
            {
                _manifest = _inMemory?[manifest] ?? OpenFileDatabase(manifest);
                using var check = _manifest.CreateCommand();
                check.CommandText = "SELECT COUNT(*) FROM Files WHERE fileID IS NULL";
                check.ExecuteScalar();
            }
            catch (SqliteException e)
            {
                throw new PhoneBackupException(Localized.Format(ImportMessages.Iphone_ManifestUnreadable, e.Message));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>True when <paramref name="path"/> is a folder, or a zip, that looks like an iPhone backup.</summary>
    public static bool IsBackup(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return File.Exists(Path.Combine(path, "Manifest.db")) || File.Exists(Path.Combine(path, "Manifest.plist"))
                || File.Exists(Path.Combine(path, "Manifest.mbdb"));
        }

        if (!File.Exists(path) || !IsZip(path))
        {
            return false;
        }

        try
        {
            using var zip = ZipFile.OpenRead(path);
            return ZipRoot(zip) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>True when the seekable <paramref name="content"/> is a zip that looks like an iPhone backup; its position is put back.</summary>
    public static bool IsBackup(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = content.Position;
        try
        {
            Span<byte> head = stackalloc byte[4];
            if (content.ReadAtLeast(head, 4, throwOnEndOfStream: false) != 4 || !head.SequenceEqual("PK\x03\x04"u8))
            {
                return false;
            }

            content.Position = start;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return ZipRoot(zip) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            content.Position = start;
        }
    }

    /// <summary>Opens the backup at <paramref name="path"/> (a folder or a zip).</summary>
    /// <exception cref="PhoneBackupException">It is encrypted, too old, or not an iPhone backup.</exception>
    /// <exception cref="IOException">It cannot be read.</exception>
    public static IphoneBackup Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return new IphoneBackup(path, null, "", inMemory: false);
        }

        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            throw new PhoneBackupException(ImportMessages.Iphone_NotABackup);
        }

        return OfZip(zip, inMemory: false);
    }

    /// <summary>
    /// Opens a zipped backup from the seekable <paramref name="zip"/> (an upload), left open;
    /// its databases are read in memory, never written to disk.
    /// </summary>
    /// <exception cref="PhoneBackupException">It is encrypted, too old, not an iPhone backup, or holds a database larger than <see cref="LargestHeld"/>.</exception>
    public static IphoneBackup Open(Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        try
        {
            return OfZip(new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true), inMemory: true);
        }
        catch (InvalidDataException)
        {
            throw new PhoneBackupException(ImportMessages.Iphone_NotABackup);
        }
    }

    private static IphoneBackup OfZip(ZipArchive zip, bool inMemory)
    {
        string? root;
        try
        {
            root = ZipRoot(zip);
        }
        catch (InvalidDataException)
        {
            // A central directory that lists entries its bytes do not hold.
            root = null;
        }

        if (root is null)
        {
            zip.Dispose();
            throw new PhoneBackupException(ImportMessages.Iphone_NotABackup);
        }

        return new IphoneBackup(null, zip, root, inMemory);
    }

    /// <summary>
    /// The local path of the file the phone kept at <paramref name="domain"/>/<paramref name="relativePath"/>,
    /// or null when the backup does not hold it.
    /// </summary>
    /// <exception cref="SqliteException">Manifest.db is damaged.</exception>
    internal string? Locate(string domain, string relativePath) =>
        FileId(domain, relativePath) is { } id ? Local(id[..2] + "/" + id) : null;

    /// <summary>The bytes of a file the phone kept, or null when the backup does not hold it.</summary>
    internal byte[]? ReadAllBytes(string domain, string relativePath) =>
        FileId(domain, relativePath) is { } id ? ReadBytes(id[..2] + "/" + id) : null;

    /// <summary>
    /// A database of the backup as <see cref="Locate"/> found it, to be disposed after use: one
    /// opened read-only from a file, or the one held in memory for an upload (which stays open).
    /// </summary>
    internal Database OpenDatabase(string located) =>
        _inMemory is not null ? new Database(_inMemory[located], owned: false) : new Database(OpenFileDatabase(located), owned: true);

    /// <summary>Opens a database file read-only and immutable: SQLite writes nothing, not even a lock or a journal.</summary>
    private static SqliteConnection OpenFileDatabase(string path)
    {
        var uri = new Uri(Path.GetFullPath(path)).AbsoluteUri + "?immutable=1";
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = uri,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _manifest?.Dispose();
        foreach (var database in _inMemory?.Values ?? Enumerable.Empty<SqliteConnection>())
        {
            database.Dispose();
        }

        _zip?.Dispose();
        try
        {
            _scratch?.Delete(recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private string? FileId(string domain, string relativePath)
    {
        try
        {
            using var command = _manifest.CreateCommand();
            command.CommandText = "SELECT fileID FROM Files WHERE domain = $domain AND relativePath = $path AND (flags IS NULL OR flags = 1) LIMIT 1";
            command.Parameters.AddWithValue("$domain", domain);
            command.Parameters.AddWithValue("$path", relativePath);
            return command.ExecuteScalar() is string { Length: >= 3 } id && id.All(char.IsAsciiHexDigit) ? id.ToLowerInvariant() : null;
        }
        catch (SqliteException e)
        {
            throw new PhoneBackupException(Localized.Format(ImportMessages.Iphone_ManifestUnreadable, e.Message));
        }
    }

    private void RefuseEncrypted()
    {
        if (ReadBytes("Manifest.plist") is { } plist && PropertyListFlag.Read(plist, "IsEncrypted") == true)
        {
            throw new PhoneBackupException(ImportMessages.Iphone_Encrypted);
        }
    }

    private bool Exists(string name) =>
        _folder is not null ? File.Exists(Path.Combine(_folder, name)) : _zip!.GetEntry(_zipRoot + name) is not null;

    private byte[]? ReadBytes(string name, string? tooLarge = null)
    {
        if (_folder is not null)
        {
            var path = Path.Combine(_folder, name);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }

        if (_zip!.GetEntry(_zipRoot + name) is not { } entry)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        Inflate(entry, buffer, LargestHeld, tooLarge ?? ImportMessages.Iphone_FileTooLarge);
        return buffer.ToArray();
    }

    /// <summary>
    /// A database of the backup, located: a path (itself in a folder, a private copy from a zip
    /// opened by path), or for an upload the name under which it is held in memory.
    /// </summary>
    private string? Local(string name)
    {
        if (_inMemory is not null)
        {
            if (_inMemory.ContainsKey(name))
            {
                return name;
            }

            if (ReadBytes(name, ImportMessages.Iphone_DatabaseTooLargeInMemory) is not { } image)
            {
                return null;
            }

            _inMemory[name] = Deserialize(image);
            return name;
        }

        if (_folder is not null)
        {
            var path = Path.Combine(_folder, name);
            return File.Exists(path) ? path : null;
        }

        if (_zip!.GetEntry(_zipRoot + name) is not { } entry)
        {
            return null;
        }

        // Copied under a name of our own: the entry's name never becomes a path.
        var copy = Path.Combine(_scratch!.FullName, Guid.NewGuid().ToString("N"));
        using (var file = new FileStream(copy, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            Inflate(entry, file, LargestDatabase, ImportMessages.Iphone_FileTooLarge);
        }

        return copy;
    }

    /// <summary>
    /// An in-memory, read-only SQLite database holding <paramref name="image"/> (a database file's
    /// bytes): SQLite takes a copy in memory it allocates and frees itself when the connection closes.
    /// </summary>
    /// <exception cref="SqliteException">The bytes are not a database SQLite can open.</exception>
    private static SqliteConnection Deserialize(byte[] image)
    {
        // A database in WAL mode says so in its header (bytes 18 and 19 are 2); an in-memory database
        // has no WAL, so this copy is marked as a rollback-journal database, as a backup's checkpointed file is.
        if (image.Length > 19 && image[18] == 2 && image[19] == 2)
        {
            image[18] = 1;
            image[19] = 1;
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ":memory:", Pooling = false }.ToString());
        try
        {
            connection.Open();
            var memory = raw.sqlite3_malloc64(image.LongLength);
            if (memory == IntPtr.Zero)
            {
                throw new InsufficientMemoryException();
            }

            Marshal.Copy(image, 0, memory, image.Length);
            var result = raw.sqlite3_deserialize(connection.Handle, "main", memory, image.LongLength, image.LongLength,
                raw.SQLITE_DESERIALIZE_FREEONCLOSE | raw.SQLITE_DESERIALIZE_READONLY);
            SqliteException.ThrowExceptionForRC(result, connection.Handle);
            using var memoryOnly = connection.CreateCommand();
            memoryOnly.CommandText = "PRAGMA temp_store = MEMORY"; // a sort or index SQLite builds for a query stays in memory too
            memoryOnly.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Copies a zip entry's content, at most <paramref name="limit"/> bytes of it: a zip's few
    /// bytes may claim to unpack into any size (a "zip bomb"), so the claim and the bytes are both held.
    /// A damaged entry (a bad header, deflate data or checksum) refuses the backup by the entry's name.
    /// </summary>
    private static void Inflate(ZipArchiveEntry entry, Stream target, long limit, string tooLarge)
    {
        try
        {
            if (entry.Length > limit)
            {
                throw new InputTooLargeException(limit);
            }

            using var content = entry.Open();
            new BoundedStream(content, limit).CopyTo(target);
        }
        catch (InputTooLargeException)
        {
            throw new PhoneBackupException(string.Format(System.Globalization.CultureInfo.CurrentCulture, tooLarge, entry.FullName, limit / (1024 * 1024)));
        }
        catch (InvalidDataException e)
        {
            throw new PhoneBackupException(string.Format(System.Globalization.CultureInfo.CurrentCulture, ImportMessages.Iphone_ZipDamaged, entry.FullName, e.Message));
        }
    }

    private static bool IsZip(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual("PK\x03\x04"u8);
    }

    /// <summary>The folder inside the zip that holds Manifest.db (or Manifest.plist): the shallowest one.</summary>
    private static string? ZipRoot(ZipArchive zip) => zip.Entries
        .Where(e => e.Name is "Manifest.db" or "Manifest.plist" or "Manifest.mbdb")
        .Select(e => e.FullName[..^e.Name.Length])
        .OrderBy(p => p.Count(c => c == '/'))
        .FirstOrDefault();

    /// <summary>A database lent by the backup; disposing it closes only what was opened for this use.</summary>
    internal readonly struct Database(SqliteConnection connection, bool owned) : IDisposable
    {
        /// <summary>The open connection.</summary>
        public SqliteConnection Connection { get; } = connection;

        /// <inheritdoc />
        public void Dispose()
        {
            if (owned)
            {
                Connection.Dispose();
            }
        }
    }
}
