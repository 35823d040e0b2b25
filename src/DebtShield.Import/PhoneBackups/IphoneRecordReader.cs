using System.Globalization;
using System.Text;
using DebtShield.Core;
using DebtShield.Core.Evidence;
using DebtShield.Core.Reading;
using DebtShield.Import.Resources;
using Microsoft.Data.Sqlite;

namespace DebtShield.Import.PhoneBackups;

/// <summary>
/// Reads the messages (<c>sms.db</c>: SMS, MMS, iMessage, RCS) and the calls
/// (<c>CallHistory.storedata</c>) of an <see cref="IphoneBackup"/> as <see cref="PhoneRecord"/>s,
/// one row at a time, in the order the phone stored them. A record's <see cref="PhoneRecord.Line"/>
/// is its row id in its table.
/// </summary>
/// <remarks>
/// <para>Times are Apple's: seconds since 2001-01-01 UTC, and nanoseconds since iOS 11 in
/// <c>message.date</c>; both are accepted, told apart by size.</para>
/// <para>Attachments are not read with the records: a backup of years holds gigabytes of pictures,
/// and only the messages kept as evidence need theirs, so <see cref="WithAttachments"/> adds them
/// to a record once it is kept.</para>
/// <para>A damaged database is read up to the damage: what came out before it stands, the rest of
/// that database is left, the other database is still read, and <see cref="Damage"/> says so.</para>
/// <para>Channels: iMessage is an internet chat, so a <see cref="IncidentChannel.Chat"/>; SMS and
/// RCS (the operators' messages) are <see cref="IncidentChannel.Sms"/>, or
/// <see cref="IncidentChannel.Mms"/> with an attachment.</para>
/// </remarks>
public sealed class IphoneRecordReader
{
    /// <summary>2001-01-01T00:00:00Z, where Apple's clocks start.</summary>
    private static readonly DateTimeOffset AppleEpoch = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Above this a <c>message.date</c> is in nanoseconds (10¹¹ seconds is 3,000 years).</summary>
    private const long NanosecondThreshold = 100_000_000_000;

    private readonly IphoneBackup _backup;
    private readonly List<ReadingProblem> _problems = [];
    private readonly List<ReadingProblem> _damage = [];
    private readonly HashSet<long> _withAttachments = [];
    private readonly string? _messages;

    private IphoneRecordReader(IphoneBackup backup, string? messages)
    {
        _backup = backup;
        _messages = messages;
    }

    /// <summary>Records that were skipped, and why.</summary>
    public IReadOnlyList<ReadingProblem> Problems => _problems;

    /// <summary>Databases that stopped being readable part-way, or could not be read at all.</summary>
    public IReadOnlyList<ReadingProblem> Damage => _damage;

    /// <summary>
    /// Reads the backup's messages, then its calls; enumerate once, then look at
    /// <see cref="Problems"/> and <see cref="Damage"/>.
    /// </summary>
    /// <exception cref="PhoneBackupException">The backup holds neither database, or its file list is damaged.</exception>
    public static (IphoneRecordReader Reader, IEnumerable<PhoneRecord> Records) Read(IphoneBackup backup)
    {
        ArgumentNullException.ThrowIfNull(backup);
        var messages = backup.Locate(IphoneBackup.Messages.Domain, IphoneBackup.Messages.Path);
        var calls = backup.Locate(IphoneBackup.Calls.Domain, IphoneBackup.Calls.Path);
        if (messages is null && calls is null)
        {
            throw new PhoneBackupException(ImportMessages.Iphone_NothingToRead);
        }

        var reader = new IphoneRecordReader(backup, messages);
        return (reader, reader.ReadAll(messages, calls));
    }

    /// <summary>
    /// <paramref name="record"/> with the files its message carries, where the backup holds them
    /// (with "Messages in iCloud" turned on, it often does not).
    /// </summary>
    public PhoneRecord WithAttachments(PhoneRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Channel == IncidentChannel.Call || _messages is null || !_withAttachments.Contains(record.Line))
        {
            return record;
        }

        var found = new List<PhoneAttachment>();
        try
        {
            using var lent = _backup.OpenDatabase(_messages);
            var database = lent.Connection;
            if (!HasTable(database, "message_attachment_join") || !HasTable(database, "attachment"))
            {
                return record;
            }

            using var command = database.CreateCommand();
            command.CommandText = """
                SELECT a.filename, a.mime_type, a.transfer_name FROM message_attachment_join j
                JOIN attachment a ON a.ROWID = j.attachment_id WHERE j.message_id = $id ORDER BY a.ROWID
                """;
            command.Parameters.AddWithValue("$id", record.Line);
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                if (rows.IsDBNull(0) || MediaPath(rows.GetString(0)) is not { } path
                    || _backup.ReadAllBytes("MediaDomain", path) is not { } content)
                {
                    continue;
                }

                var type = rows.IsDBNull(1) ? "application/octet-stream" : rows.GetString(1);
                var name = rows.IsDBNull(2) ? Path.GetFileName(path) : rows.GetString(2);
                found.Add(new PhoneAttachment(type, name, content));
            }
        }
        catch (SqliteException)
        {
            // The message was read; a damaged attachment table only loses its files.
            return record;
        }

        return found.Count == 0 ? record : record with { Attachments = found };
    }

    private IEnumerable<PhoneRecord> ReadAll(string? messages, string? calls)
    {
        if (messages is not null)
        {
            foreach (var record in Guarded(messages, ImportMessages.Iphone_MessagesDatabase, ReadMessages))
            {
                yield return record;
            }
        }

        if (calls is not null)
        {
            foreach (var record in Guarded(calls, ImportMessages.Iphone_CallsDatabase, ReadCalls))
            {
                yield return record;
            }
        }
    }

    /// <summary>Runs one database's reader, turning SQLite's complaint about damage into <see cref="Damage"/>.</summary>
    private IEnumerable<PhoneRecord> Guarded(string path, string name, Func<SqliteConnection, IEnumerable<PhoneRecord?>> read)
    {
        var count = 0;
        IphoneBackup.Database? database = null;
        IEnumerator<PhoneRecord?>? rows = null;
        try
        {
            while (true)
            {
                PhoneRecord? record;
                try
                {
                    database ??= _backup.OpenDatabase(path);
                    rows ??= read(database.Value.Connection).GetEnumerator();
                    if (!rows.MoveNext())
                    {
                        yield break;
                    }

                    record = rows.Current;
                }
                catch (SqliteException e)
                {
                    _damage.Add(new ReadingProblem(SourceLocation.InDatabase(name, count), e.Message));
                    yield break;
                }

                if (record is not null)
                {
                    count++;
                    yield return record;
                }
            }
        }
        finally
        {
            rows?.Dispose();
            database?.Dispose();
        }
    }

    private IEnumerable<PhoneRecord?> ReadMessages(SqliteConnection database)
    {
        var columns = Columns(database, "message");
        string Optional(string column, string fallback = "NULL") => columns.Contains(column) ? "m." + column : fallback;

        // A sent message in a chat has no handle of its own; the chat's only other member is the recipient.
        var chatPeer = HasTable(database, "chat_message_join") && HasTable(database, "chat_handle_join")
            ? """
              (SELECT MIN(h2.id) FROM chat_message_join cm JOIN chat_handle_join ch ON ch.chat_id = cm.chat_id
               JOIN handle h2 ON h2.ROWID = ch.handle_id WHERE cm.message_id = m.ROWID
               HAVING COUNT(DISTINCT ch.handle_id) = 1)
              """
            : "NULL";
        var hasAttachments = HasTable(database, "message_attachment_join")
            ? "EXISTS (SELECT 1 FROM message_attachment_join j WHERE j.message_id = m.ROWID)"
            : "0";
        using var command = database.CreateCommand();
        command.CommandText = $"""
            SELECT m.ROWID, m.text, {Optional("attributedBody")}, {Optional("service")}, m.date, m.is_from_me,
                   COALESCE(h.id, {chatPeer}), {hasAttachments}
            FROM message m LEFT JOIN handle h ON h.ROWID = m.handle_id
            WHERE {Optional("error", "0")} = 0 AND {Optional("associated_message_type", "0")} = 0
              AND {Optional("item_type", "0")} = 0
            ORDER BY m.ROWID
            """;
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            var id = rows.GetInt64(0);
            var text = rows.IsDBNull(1) ? null : rows.GetString(1);
            if (string.IsNullOrWhiteSpace(text) && !rows.IsDBNull(2))
            {
                text = AttributedBodyText((byte[])rows.GetValue(2));
            }

            // U+FFFC stands where an attachment sits in the text; the attachment itself is kept apart.
            text = text?.Replace("\uFFFC", "", StringComparison.Ordinal).Trim();
            var attached = rows.GetInt64(7) != 0;
            if (attached)
            {
                _withAttachments.Add(id);
            }

            if (string.IsNullOrEmpty(text) && !attached)
            {
                _problems.Add(new ReadingProblem(SourceLocation.AtLine(id), ImportMessages.Iphone_MissingText));
                yield return null;
                continue;
            }

            if (!TryTime(rows.GetValue(4), id, out var time))
            {
                yield return null;
                continue;
            }

            var service = rows.IsDBNull(3) ? "SMS" : rows.GetString(3);
            var channel = service.Equals("iMessage", StringComparison.OrdinalIgnoreCase) ? IncidentChannel.Chat
                : attached ? IncidentChannel.Mms : IncidentChannel.Sms;
            var direction = rows.GetInt64(5) != 0 ? IncidentDirection.Sent : IncidentDirection.Received;
            var number = rows.IsDBNull(6) ? null : PhoneNumber.Normalize(rows.GetString(6));
            yield return new PhoneRecord(id, channel, direction, time, number, string.IsNullOrEmpty(text) ? null : text, null, null, []);
        }
    }

    private IEnumerable<PhoneRecord?> ReadCalls(SqliteConnection database)
    {
        var columns = Columns(database, "ZCALLRECORD");
        string Optional(string column, string fallback = "NULL") => columns.Contains(column) ? column : fallback;
        using var command = database.CreateCommand();
        command.CommandText = $"""
            SELECT Z_PK, ZADDRESS, ZDATE, ZDURATION, ZORIGINATED, {Optional("ZANSWERED", "1")}
            FROM ZCALLRECORD ORDER BY Z_PK
            """;
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            var id = rows.GetInt64(0);
            if (!TryTime(rows.GetValue(2), id, out var time))
            {
                yield return null;
                continue;
            }

            // ZADDRESS is text on most versions and the same characters as a blob on some.
            var address = rows.IsDBNull(1) ? null : rows.GetValue(1) switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                var value => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
            var seconds = rows.IsDBNull(3) ? 0 : rows.GetDouble(3);
            var duration = TimeSpan.FromSeconds(Math.Round(Math.Clamp(seconds, 0, 86_400 * 7)));
            var outgoing = !rows.IsDBNull(4) && rows.GetInt64(4) != 0;
            var answered = !rows.IsDBNull(5) && rows.GetInt64(5) != 0;
            var outcome = outgoing
                ? duration > TimeSpan.Zero ? CallOutcome.Answered : CallOutcome.Missed
                : answered ? CallOutcome.Answered : CallOutcome.Missed;
            yield return new PhoneRecord(
                id, IncidentChannel.Call, outgoing ? IncidentDirection.Sent : IncidentDirection.Received, time,
                PhoneNumber.Normalize(address), null, outcome, duration, []);
        }
    }

    private bool TryTime(object value, long id, out DateTimeOffset time)
    {
        time = default;
        var raw = value switch
        {
            long whole => whole,
            double real when double.IsFinite(real) && Math.Abs(real) < long.MaxValue => real,
            _ => (double?)null,
        };
        if (raw is { } number && number > 0)
        {
            var seconds = value is long ticks && ticks > NanosecondThreshold ? ticks / 1e9 : number;
            if (seconds < NanosecondThreshold / 10)
            {
                time = AppleEpoch.AddSeconds(seconds).ToOffset(ChinaStandardTime.Offset);
                return true;
            }
        }

        _problems.Add(new ReadingProblem(SourceLocation.AtLine(id), Localized.Format(ImportMessages.Iphone_BadDate, Convert.ToString(value, CultureInfo.InvariantCulture))));
        return false;
    }

    /// <summary>
    /// The string of an <c>attributedBody</c> (an NSAttributedString in Apple's "typedstream"
    /// archive, where iOS 16 and later keep the text and leave <c>text</c> empty): after the class
    /// name <c>NSString</c>, the bytes 0x01 0x2B, a length (one byte below 0x80; 0x81 and two
    /// bytes, or 0x82 and four, little-endian), then that many bytes of UTF-8.
    /// </summary>
    internal static string? AttributedBodyText(ReadOnlySpan<byte> body)
    {
        var at = body.IndexOf("NSString"u8);
        if (at < 0)
        {
            return null;
        }

        var rest = body[(at + 8)..];
        var marker = rest.IndexOf([(byte)0x01, (byte)0x2B]);
        if (marker < 0 || marker > 16)
        {
            return null;
        }

        rest = rest[(marker + 2)..];
        if (rest.IsEmpty)
        {
            return null;
        }

        long length;
        int skip;
        switch (rest[0])
        {
            case < 0x80:
                (length, skip) = (rest[0], 1);
                break;
            case 0x81 when rest.Length >= 3:
                (length, skip) = (System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(rest[1..]), 3);
                break;
            case 0x82 when rest.Length >= 5:
                (length, skip) = (System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(rest[1..]), 5);
                break;
            default:
                return null;
        }

        return length > rest.Length - skip ? null : Encoding.UTF8.GetString(rest.Slice(skip, (int)length));
    }

    /// <summary>An attachment's path on the phone as the path in the backup's MediaDomain.</summary>
    private static string? MediaPath(string filename)
    {
        foreach (var prefix in new[] { "~/", "/var/mobile/", "/private/var/mobile/" })
        {
            if (filename.StartsWith(prefix, StringComparison.Ordinal))
            {
                return filename[prefix.Length..];
            }
        }

        return null;
    }

    private static HashSet<string> Columns(SqliteConnection database, string table)
    {
        using var command = database.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        using var rows = command.ExecuteReader();
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (rows.Read())
        {
            columns.Add(rows.GetString(0));
        }

        return columns;
    }

    private static bool HasTable(SqliteConnection database, string table)
    {
        using var command = database.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $table";
        command.Parameters.AddWithValue("$table", table);
        return (long)command.ExecuteScalar()! > 0;
    }
}
