using System.Globalization;
using DebtShield.Core;
using DebtShield.Core.Evidence;
using DebtShield.Core.Vocabulary;
using DebtShield.Import.LoanTables;
using DebtShield.Import.Resources;

namespace DebtShield.Import.PhoneBackups;

/// <summary>
/// The columns of a phone-record CSV (<c>docs/evidence.md</c>), found by their English or Chinese
/// header in any order: time, number, direction, channel, text, outcome, duration.
/// </summary>
internal sealed class PhoneCsvColumns
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["time"] = "time",
        ["时间"] = "time",
        ["number"] = "number",
        ["号码"] = "number",
        ["电话"] = "number",
        ["direction"] = "direction",
        ["方向"] = "direction",
        ["channel"] = "channel",
        ["类型"] = "channel",
        ["text"] = "text",
        ["内容"] = "text",
        ["outcome"] = "outcome",
        ["结果"] = "outcome",
        ["duration"] = "duration",
        ["时长"] = "duration",
    };

    private static readonly string[] LocalTimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
    ];

    private readonly Dictionary<string, int> _positions;

    private PhoneCsvColumns(Dictionary<string, int> positions) => _positions = positions;

    public static PhoneCsvColumns FromHeader(TableRow header)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var name = header.Cells[i].Text.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (!Names.TryGetValue(name, out var column))
            {
                throw new PhoneBackupException(Localized.Format(ImportMessages.Backup_UnknownColumn, name));
            }

            positions[column] = i;
        }

        foreach (var required in new[] { "time", "direction", "channel" })
        {
            if (!positions.ContainsKey(required))
            {
                throw new PhoneBackupException(Localized.Format(ImportMessages.Backup_MissingColumn, required));
            }
        }

        return new PhoneCsvColumns(positions);
    }

    public (PhoneRecord? Record, string? Problem) Read(TableRow row)
    {
        var time = Cell(row, "time");
        if (!TryTime(time, out var when))
        {
            return (null, Located("time", Localized.Format(ImportMessages.Backup_BadTime, time)));
        }

        var direction = Vocabularies.Directions.Parse(Cell(row, "direction"));
        if (direction is null)
        {
            return (null, Located("direction", Localized.Format(ImportMessages.Backup_BadDirection, Cell(row, "direction"))));
        }

        // A phone keeps texts, calls and chats; a visit or a post is never in its records.
        var channel = Vocabularies.Channels.Parse(Cell(row, "channel")) is { } named and (IncidentChannel.Sms or IncidentChannel.Mms or IncidentChannel.Call or IncidentChannel.Chat)
            ? named
            : (IncidentChannel?)null;
        if (channel is null)
        {
            return (null, Located("channel", Localized.Format(ImportMessages.Backup_BadChannel, Cell(row, "channel"))));
        }

        var text = Cell(row, "text");
        CallOutcome? outcome = null;
        TimeSpan? duration = null;
        if (channel == IncidentChannel.Call)
        {
            outcome = Cell(row, "outcome") is { } written ? Vocabularies.CallOutcomes.Parse(written) : CallOutcome.Answered;
            if (outcome is null)
            {
                return (null, Located("outcome", Localized.Format(ImportMessages.Backup_BadOutcome, Cell(row, "outcome"))));
            }

            if (Cell(row, "duration") is { } seconds)
            {
                if (!int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return (null, Located("duration", Localized.Format(ImportMessages.Backup_BadDuration, seconds)));
                }

                duration = TimeSpan.FromSeconds(value);
            }

            text = null;
        }
        else if (text is null)
        {
            return (null, Located("text", ImportMessages.Backup_MissingText));
        }

        return (new PhoneRecord(row.Number, channel.Value, direction.Value, when, PhoneNumber.Normalize(Cell(row, "number")), text, outcome, duration, []), null);
    }

    private static string Located(string column, string problem) => column + ": " + problem;

    private string? Cell(TableRow row, string column)
    {
        if (!_positions.TryGetValue(column, out var index) || index >= row.Cells.Count)
        {
            return null;
        }

        var text = row.Cells[index].Text.Trim();
        return text.Length == 0 ? null : text;
    }

    private static bool TryTime(string? text, out DateTimeOffset time)
    {
        time = default;
        if (text is null)
        {
            return false;
        }

        if (DateTime.TryParseExact(text, LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            time = new DateTimeOffset(local, ChinaStandardTime.Offset);
            return true;
        }

        return (text.Contains('+', StringComparison.Ordinal) || text.EndsWith('Z'))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }
}
