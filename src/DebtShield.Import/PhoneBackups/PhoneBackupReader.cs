using System.Globalization;
using System.Xml;
using DebtShield.Core;
using DebtShield.Core.Evidence;
using DebtShield.Core.Reading;
using DebtShield.Import.LoanTables;
using DebtShield.Import.Resources;

namespace DebtShield.Import.PhoneBackups;

/// <summary>
/// Reads a phone backup: the XML of the Android app "SMS Backup &amp; Restore" (<c>&lt;smses&gt;</c>
/// with <c>&lt;sms&gt;</c> and <c>&lt;mms&gt;</c>, <c>&lt;calls&gt;</c> with <c>&lt;call&gt;</c>) or
/// the CSV described in <c>docs/evidence.md</c>. The XML is streamed, one record at a time, so a
/// 200 MB backup never sits in memory.
/// </summary>
/// <remarks>
/// A damaged backup is read up to the damage: every record that is whole before it comes out,
/// nothing of the record the damage is in, and <see cref="Break"/> says where (line and byte).
/// A record with an unreadable value is skipped and named in <see cref="Problems"/>. Drafts,
/// queued and failed messages are not contacts and are passed over. DTDs are refused.
/// </remarks>
public sealed class PhoneBackupReader
{
    private readonly List<ReadingProblem> _problems = [];

    private PhoneBackupReader()
    {
    }

    /// <summary>Records that were skipped, and why.</summary>
    public IReadOnlyList<ReadingProblem> Problems => _problems;

    /// <summary>Where a damaged backup stopped being readable; null when it was read to the end.</summary>
    public ReadingProblem? Break { get; private set; }

    /// <summary>
    /// Reads <paramref name="stream"/>; the records come out as they are read, so enumerate once,
    /// then look at <see cref="Problems"/> and <see cref="Break"/>.
    /// </summary>
    /// <exception cref="PhoneBackupException">(while enumerating) The file is not a backup this program reads.</exception>
    public static (PhoneBackupReader Reader, IEnumerable<PhoneRecord> Records) Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new PhoneBackupReader();
        return (reader, reader.Dispatch(stream));
    }

    private IEnumerable<PhoneRecord> Dispatch(Stream stream)
    {
        var buffered = new BufferedStream(stream, 1 << 16);
        if (BinaryKind(buffered) is { } binary)
        {
            // An image or a PDF chosen by mistake would otherwise be read as a CSV with a garbled header.
            throw new PhoneBackupException(Localized.Format(ImportMessages.Backup_Binary, binary));
        }

        var first = FirstSignificantByte(buffered);
        return first == '<' ? ReadXml(buffered) : ReadCsv(buffered);
    }

    /// <summary>What kind of binary file the stream starts like (PNG, JPEG, GIF, WebP, PDF, or any with a NUL byte); null for text.</summary>
    private static string? BinaryKind(BufferedStream stream)
    {
        Span<byte> head = stackalloc byte[64];
        var start = stream.Position;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        var span = head[..read];
        return span switch
        {
            [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "PNG",
            [0xFF, 0xD8, 0xFF, ..] => "JPEG",
            _ when span.StartsWith("GIF8"u8) => "GIF",
            _ when span.Length >= 12 && span.StartsWith("RIFF"u8) && span[8..12].SequenceEqual("WEBP"u8) => "WebP",
            _ when span.StartsWith("%PDF"u8) => "PDF",
            _ when span.Contains((byte)0) => ImportMessages.Backup_BinaryOther,
            _ => null,
        };
    }

    private static int FirstSignificantByte(BufferedStream stream)
    {
        // Peek past a byte-order mark and blank space without consuming anything.
        Span<byte> head = stackalloc byte[64];
        var start = stream.CanSeek ? stream.Position : 0;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (stream.CanSeek)
        {
            stream.Position = start;
        }
        else
        {
            throw new InvalidOperationException("A phone backup is read from a file.");
        }

        var span = head[..read];
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        foreach (var b in span)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        return -1;
    }

    private IEnumerable<PhoneRecord> ReadXml(Stream stream)
    {
        var counting = new LineOffsetStream(stream);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            CheckCharacters = false, // the app writes emoji as pairs of surrogate character references
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        using var xml = XmlReader.Create(counting, settings);
        var info = (IXmlLineInfo)xml;
        var root = false;
        while (true)
        {
            PhoneRecord? record = null;
            try
            {
                if (!xml.Read())
                {
                    break;
                }

                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.Depth == 0)
                {
                    if (xml.LocalName is not ("smses" or "calls"))
                    {
                        throw new PhoneBackupException(Localized.Format(ImportMessages.Backup_UnknownXml, xml.LocalName));
                    }

                    root = true;
                    continue;
                }

                if (xml.Depth == 1)
                {
                    var line = info.LineNumber;
                    record = xml.LocalName switch
                    {
                        "sms" => Sms(xml, line),
                        "call" => Call(xml, line),
                        "mms" => Mms(xml, line),
                        _ => null,
                    };
                    if (xml.LocalName != "mms" && !xml.IsEmptyElement)
                    {
                        xml.Skip();
                    }
                }
            }
            catch (XmlException e)
            {
                if (!root)
                {
                    throw new PhoneBackupException(string.Format(CultureInfo.CurrentCulture, ImportMessages.Backup_NotXml, e.LineNumber, e.LinePosition));
                }

                // The parser's own message is English and names XML internals; the borrower needs where, and that the file breaks off there.
                Break = new ReadingProblem(SourceLocation.AtLine(e.LineNumber, counting.ByteOffset(e.LineNumber, e.LinePosition)), ImportMessages.Backup_XmlBroken);
                yield break;
            }

            if (record is not null)
            {
                yield return record;
            }
        }

        if (!root)
        {
            throw new PhoneBackupException(ImportMessages.Backup_Empty);
        }
    }

    private PhoneRecord? Sms(XmlReader xml, long line)
    {
        var direction = xml.GetAttribute("type") switch
        {
            "1" => IncidentDirection.Received,
            "2" => IncidentDirection.Sent,
            _ => (IncidentDirection?)null, // draft, outbox, failed, queued: never reached anyone
        };
        if (direction is null || !TryTime(xml.GetAttribute("date"), line, out var time))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(xml.GetAttribute("body")))
        {
            // An empty text message says nothing; keeping it would be an incident without content.
            _problems.Add(new ReadingProblem(SourceLocation.AtLine(line), ImportMessages.Backup_MissingText));
            return null;
        }

        return new PhoneRecord(line, IncidentChannel.Sms, direction.Value, time, PhoneNumber.Normalize(xml.GetAttribute("address")), xml.GetAttribute("body"), null, null, []);
    }

    private PhoneRecord? Call(XmlReader xml, long line)
    {
        var type = xml.GetAttribute("type");
        if (!TryTime(xml.GetAttribute("date"), line, out var time))
        {
            return null;
        }

        TimeSpan? duration = null;
        if (xml.GetAttribute("duration") is { } seconds)
        {
            if (!long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 86_400 * 7)
            {
                _problems.Add(new ReadingProblem(SourceLocation.AtLine(line), Localized.Format(ImportMessages.Backup_BadDuration, seconds)));
                return null;
            }

            duration = TimeSpan.FromSeconds(value);
        }

        (IncidentDirection Direction, CallOutcome Outcome)? kind = type switch
        {
            "1" => (IncidentDirection.Received, CallOutcome.Answered),
            "2" => (IncidentDirection.Sent, duration > TimeSpan.Zero ? CallOutcome.Answered : CallOutcome.Missed),
            "3" => (IncidentDirection.Received, CallOutcome.Missed),
            "4" => (IncidentDirection.Received, CallOutcome.Voicemail),
            "5" => (IncidentDirection.Received, CallOutcome.Rejected),
            "6" => (IncidentDirection.Received, CallOutcome.Blocked),
            _ => null,
        };
        if (kind is null)
        {
            _problems.Add(new ReadingProblem(SourceLocation.AtLine(line), Localized.Format(ImportMessages.Backup_UnknownCallType, type)));
            return null;
        }

        return new PhoneRecord(line, IncidentChannel.Call, kind.Value.Direction, time, PhoneNumber.Normalize(xml.GetAttribute("number")), null, kind.Value.Outcome, duration, []);
    }

    private PhoneRecord? Mms(XmlReader xml, long line)
    {
        var box = xml.GetAttribute("msg_box");
        var date = xml.GetAttribute("date");
        var address = xml.GetAttribute("address");
        string? from = null;
        var texts = new List<string>();
        var attachments = new List<PhoneAttachment>();
        string? problem = null;
        if (!xml.IsEmptyElement)
        {
            // The whole element is read before anything of it is used: a break inside it drops it.
            using var subtree = xml.ReadSubtree();
            while (subtree.Read())
            {
                if (subtree.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (subtree.LocalName == "part")
                {
                    var type = subtree.GetAttribute("ct") ?? "";
                    if (type == "text/plain" && subtree.GetAttribute("text") is { } text && !string.IsNullOrWhiteSpace(text))
                    {
                        texts.Add(text);
                    }
                    else if (type != "application/smil" && subtree.GetAttribute("data") is { Length: > 0 } data)
                    {
                        try
                        {
                            attachments.Add(new PhoneAttachment(type, subtree.GetAttribute("cl") ?? subtree.GetAttribute("name"), Convert.FromBase64String(data)));
                        }
                        catch (FormatException)
                        {
                            problem = ImportMessages.Backup_BadAttachment;
                        }
                    }
                }
                else if (subtree.LocalName == "addr" && subtree.GetAttribute("type") == "137")
                {
                    from = subtree.GetAttribute("address");
                }
            }
        }

        if (problem is not null)
        {
            _problems.Add(new ReadingProblem(SourceLocation.AtLine(line), problem));
            return null;
        }

        var direction = box switch
        {
            "1" => IncidentDirection.Received,
            "2" => IncidentDirection.Sent,
            _ => (IncidentDirection?)null,
        };
        if (direction is null || !TryTime(date, line, out var time))
        {
            return null;
        }

        var number = direction == IncidentDirection.Received ? from ?? address : address;
        var body = texts.Count == 0 ? null : string.Join("\n", texts);
        if (body is null && attachments.Count == 0)
        {
            return null;
        }

        return new PhoneRecord(line, IncidentChannel.Mms, direction.Value, time, PhoneNumber.Normalize(number?.Split('~')[0]), body, null, null, attachments);
    }

    private bool TryTime(string? epochMilliseconds, long line, out DateTimeOffset time)
    {
        time = default;
        if (long.TryParse(epochMilliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && ms is > 0 and < 253_402_300_799_999)
        {
            time = DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(ChinaStandardTime.Offset);
            return true;
        }

        _problems.Add(new ReadingProblem(SourceLocation.AtLine(line), Localized.Format(ImportMessages.Backup_BadDate, epochMilliseconds)));
        return false;
    }

    private IEnumerable<PhoneRecord> ReadCsv(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var columns = (PhoneCsvColumns?)null;
        string text;
        try
        {
            text = CsvRows.Decode(buffer.ToArray());
        }
        catch (DamagedUtf8Exception e)
        {
            throw new PhoneBackupException(e.Describe());
        }

        foreach (var row in CsvRows.Read(text))
        {
            if (columns is null)
            {
                columns = PhoneCsvColumns.FromHeader(row);
                continue;
            }

            if (row.Cells.All(c => c.IsBlank))
            {
                continue;
            }

            var (record, problem) = row.Problem is { } malformed ? (null, malformed) : columns.Read(row);
            if (problem is not null)
            {
                _problems.Add(new ReadingProblem(SourceLocation.AtLine(row.Number), problem));
            }
            else if (record is not null)
            {
                yield return record;
            }
        }

        if (columns is null)
        {
            throw new PhoneBackupException(ImportMessages.Backup_Empty);
        }
    }
}
