using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace DebtShield.Tests.Shared.PhoneBackups;

/// <summary>
/// Writes an iPhone backup folder as Finder and iTunes lay it out (iOS 10 and later): Manifest.plist,
/// Manifest.db (table Files) and each file at fileID[0..2]/fileID, fileID being the SHA-1 of
/// "domain-relativePath". The databases are real SQLite files with the tables and columns of
/// sms.db (message, handle, chat, chat_message_join, chat_handle_join, attachment,
/// message_attachment_join) and CallHistory.storedata (ZCALLRECORD) that the reader uses.
/// </summary>
public sealed class IphoneBackupBuilder : IDisposable
{
    public static readonly DateTimeOffset AppleEpoch = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<(string Domain, string Path, string Id)> _files = [];
    private readonly SqliteConnection _messages;
    private readonly SqliteConnection _calls;
    private readonly Dictionary<string, long> _handles = new(StringComparer.Ordinal);
    private long _nextMessage = 1;

    public IphoneBackupBuilder(bool encrypted = false)
    {
        Folder = Directory.CreateTempSubdirectory("iphone-backup-").FullName;
        File.WriteAllText(Path.Combine(Folder, "Manifest.plist"), $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0">
            <dict>
              <key>BackupKeyBag</key>
              <data>AAAA</data>
              <key>Lockdown</key>
              <dict><key>ProductVersion</key><string>17.5</string><key>IsEncrypted</key><true/></dict>
              <key>IsEncrypted</key>
              <{(encrypted ? "true" : "false")}/>
              <key>Version</key>
              <string>10.0</string>
            </dict>
            </plist>
            """);
        _messages = Create(Path.Combine(Folder, "sms.db.tmp"), """
            CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, country TEXT, service TEXT NOT NULL, uncanonicalized_id TEXT, person_centric_id TEXT);
            CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, handle_id INTEGER DEFAULT 0,
              service TEXT, date INTEGER, date_read INTEGER, is_from_me INTEGER DEFAULT 0, error INTEGER DEFAULT 0, item_type INTEGER DEFAULT 0,
              associated_message_type INTEGER DEFAULT 0, cache_has_attachments INTEGER DEFAULT 0, attributedBody BLOB);
            CREATE TABLE chat (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, chat_identifier TEXT, service_name TEXT);
            CREATE TABLE chat_message_join (chat_id INTEGER, message_id INTEGER, message_date INTEGER DEFAULT 0, PRIMARY KEY (chat_id, message_id));
            CREATE TABLE chat_handle_join (chat_id INTEGER, handle_id INTEGER, UNIQUE(chat_id, handle_id));
            CREATE TABLE attachment (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, filename TEXT, mime_type TEXT, transfer_name TEXT, total_bytes INTEGER DEFAULT 0);
            CREATE TABLE message_attachment_join (message_id INTEGER, attachment_id INTEGER, UNIQUE(message_id, attachment_id));
            """);
        _calls = Create(Path.Combine(Folder, "calls.db.tmp"), """
            CREATE TABLE ZCALLRECORD (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZANSWERED INTEGER, ZCALLTYPE INTEGER,
              ZDISCONNECTED_CAUSE INTEGER, ZFACE_TIME_DATA INTEGER, ZNUMBER_AVAILABILITY INTEGER, ZORIGINATED INTEGER, ZREAD INTEGER,
              ZDATE TIMESTAMP, ZDURATION FLOAT, ZADDRESS VARCHAR, ZDEVICE_ID VARCHAR, ZISO_COUNTRY_CODE VARCHAR, ZNAME VARCHAR,
              ZSERVICE_PROVIDER VARCHAR, ZUNIQUE_ID VARCHAR);
            """);
    }

    public string Folder { get; }

    /// <summary>Apple's seconds since 2001 for a time.</summary>
    public static long AppleSeconds(DateTimeOffset time) => (long)(time - AppleEpoch).TotalSeconds;

    /// <summary>Adds a message; returns its ROWID. Times are written in nanoseconds unless <paramref name="seconds"/>.</summary>
    public long Message(string? number, DateTimeOffset time, string? text, bool fromMe = false, string service = "SMS",
        bool seconds = false, byte[]? attributedBody = null, int error = 0, string? groupWith = null)
    {
        var id = _nextMessage++;
        var handle = number is null ? 0 : Handle(number, service);
        var date = seconds ? AppleSeconds(time) : AppleSeconds(time) * 1_000_000_000L;
        Execute(_messages, "INSERT INTO message (ROWID, guid, text, handle_id, service, date, is_from_me, error, attributedBody) VALUES ($id, $guid, $text, $handle, $service, $date, $me, $error, $body)",
            ("$id", id), ("$guid", "G-" + id.ToString(CultureInfo.InvariantCulture)), ("$text", text), ("$handle", handle), ("$service", service),
            ("$date", date), ("$me", fromMe ? 1 : 0), ("$error", error), ("$body", attributedBody));
        if (groupWith is not null)
        {
            // A sent message in a one-to-one chat: no handle on the message, the chat names the other side.
            var chat = Handle(groupWith, service);
            Execute(_messages, "INSERT OR IGNORE INTO chat (ROWID, guid, chat_identifier, service_name) VALUES ($c, $g, $i, $s)", ("$c", chat), ("$g", "chat" + chat), ("$i", groupWith), ("$s", service));
            Execute(_messages, "INSERT OR IGNORE INTO chat_handle_join (chat_id, handle_id) VALUES ($c, $c)", ("$c", chat));
            Execute(_messages, "INSERT INTO chat_message_join (chat_id, message_id) VALUES ($c, $m)", ("$c", chat), ("$m", id));
        }

        return id;
    }

    /// <summary>Adds many received SMS in one transaction (for the benchmark).</summary>
    public void Messages(int count, Func<int, (string Number, DateTimeOffset Time, string Text)> message)
    {
        using var transaction = _messages.BeginTransaction();
        for (var i = 0; i < count; i++)
        {
            var (number, time, text) = message(i);
            Message(number, time, text);
        }

        transaction.Commit();
    }

    /// <summary>Attaches a file stored in the backup's MediaDomain to a message.</summary>
    public void Attachment(long message, string name, string mediaType, byte[] content, bool inBackup = true)
    {
        var relative = "Library/SMS/Attachments/ab/11/" + Guid.NewGuid().ToString("D").ToUpperInvariant() + "/" + name;
        Execute(_messages, "INSERT INTO attachment (guid, filename, mime_type, transfer_name, total_bytes) VALUES ($g, $f, $m, $n, $b)",
            ("$g", Guid.NewGuid().ToString()), ("$f", "~/" + relative), ("$m", mediaType), ("$n", name), ("$b", content.Length));
        Execute(_messages, "INSERT INTO message_attachment_join (message_id, attachment_id) VALUES ($m, last_insert_rowid())", ("$m", message));
        Execute(_messages, "UPDATE message SET cache_has_attachments = 1 WHERE ROWID = $m", ("$m", message));
        if (inBackup)
        {
            Store("MediaDomain", relative, content);
        }
    }

    /// <summary>Adds a call: <paramref name="answered"/> as ZANSWERED, <paramref name="outgoing"/> as ZORIGINATED.</summary>
    public void Call(string number, DateTimeOffset time, double seconds, bool outgoing = false, bool answered = true, bool addressAsBlob = false)
    {
        Execute(_calls, "INSERT INTO ZCALLRECORD (Z_ENT, Z_OPT, ZANSWERED, ZCALLTYPE, ZORIGINATED, ZDATE, ZDURATION, ZADDRESS, ZSERVICE_PROVIDER) VALUES (2, 1, $a, 1, $o, $d, $s, $n, 'com.apple.Telephony')",
            ("$a", answered ? 1 : 0), ("$o", outgoing ? 1 : 0), ("$d", (time - AppleEpoch).TotalSeconds), ("$s", seconds),
            ("$n", addressAsBlob ? Encoding.UTF8.GetBytes(number) : number));
    }

    /// <summary>Writes the databases into the backup and its Manifest.db; returns the folder.</summary>
    public string Build(bool withMessages = true, bool withCalls = true)
    {
        _messages.Close();
        _calls.Close();
        if (withMessages)
        {
            Store("HomeDomain", "Library/SMS/sms.db", File.ReadAllBytes(Path.Combine(Folder, "sms.db.tmp")));
        }

        if (withCalls)
        {
            Store("HomeDomain", "Library/CallHistoryDB/CallHistory.storedata", File.ReadAllBytes(Path.Combine(Folder, "calls.db.tmp")));
        }

        File.Delete(Path.Combine(Folder, "sms.db.tmp"));
        File.Delete(Path.Combine(Folder, "calls.db.tmp"));
        using var manifest = Create(Path.Combine(Folder, "Manifest.db"), """
            CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, flags INTEGER, file BLOB);
            CREATE INDEX FilesDomainIdx ON Files(domain);
            CREATE INDEX FilesRelativePathIdx ON Files(relativePath);
            CREATE INDEX FilesFlagsIdx ON Files(flags);
            CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB);
            """);
        Execute(manifest, "INSERT INTO Files VALUES ('0000000000000000000000000000000000000001', 'HomeDomain', 'Library/SMS', 2, NULL)");
        foreach (var (domain, path, id) in _files)
        {
            Execute(manifest, "INSERT INTO Files VALUES ($id, $domain, $path, 1, NULL)", ("$id", id), ("$domain", domain), ("$path", path));
        }

        return Folder;
    }

    /// <summary>The path of a stored file of the backup (to damage it).</summary>
    public string PathOf(string domain, string relativePath)
    {
        var id = FileId(domain, relativePath);
        return Path.Combine(Folder, id[..2], id);
    }

    /// <summary>Zips the built folder the way a person does: the backup's own folder inside the zip.</summary>
    public string Zip()
    {
        var zip = Path.Combine(Path.GetTempPath(), "iphone-" + Guid.NewGuid().ToString("N") + ".zip");
        ZipFile.CreateFromDirectory(Folder, zip, CompressionLevel.Fastest, includeBaseDirectory: true);
        return zip;
    }

    /// <summary>An attributedBody as iOS 16 and later write it (typedstream, the string after NSString, 0x01 0x2B and its length).</summary>
    public static byte[] AttributedBody(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var body = new List<byte>();
        body.AddRange([0x04, 0x0B]);
        body.AddRange("streamtyped"u8.ToArray());
        body.AddRange([0x81, 0xE8, 0x03, 0x84, 0x01, 0x40, 0x84, 0x84, 0x84, 0x12]);
        body.AddRange("NSAttributedString"u8.ToArray());
        body.AddRange([0x00, 0x84, 0x84, 0x08]);
        body.AddRange("NSObject"u8.ToArray());
        body.AddRange([0x00, 0x85, 0x92, 0x84, 0x84, 0x84, 0x08]);
        body.AddRange("NSString"u8.ToArray());
        body.AddRange([0x01, 0x94, 0x84, 0x01, 0x2B]);
        if (utf8.Length < 0x80)
        {
            body.Add((byte)utf8.Length);
        }
        else
        {
            body.Add(0x81);
            body.Add((byte)(utf8.Length & 0xFF));
            body.Add((byte)(utf8.Length >> 8));
        }

        body.AddRange(utf8);
        body.AddRange([0x86, 0x84, 0x02, 0x69, 0x49, 0x01]);
        return [.. body];
    }

    public void Dispose()
    {
        _messages.Dispose();
        _calls.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private long Handle(string number, string service)
    {
        if (_handles.TryGetValue(number, out var id))
        {
            return id;
        }

        id = _handles.Count + 1;
        Execute(_messages, "INSERT INTO handle (ROWID, id, country, service) VALUES ($id, $n, 'cn', $s)", ("$id", id), ("$n", number), ("$s", service));
        _handles[number] = id;
        return id;
    }

    private void Store(string domain, string relativePath, byte[] content)
    {
        var id = FileId(domain, relativePath);
        Directory.CreateDirectory(Path.Combine(Folder, id[..2]));
        File.WriteAllBytes(Path.Combine(Folder, id[..2], id), content);
        _files.Add((domain, relativePath, id));
    }

#pragma warning disable CA5350 // SHA-1 is how Apple names a backup's files, not a protection
    private static string FileId(string domain, string relativePath) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(domain + "-" + relativePath)));
#pragma warning restore CA5350

    private static SqliteConnection Create(string path, string schema)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, schema);
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}
