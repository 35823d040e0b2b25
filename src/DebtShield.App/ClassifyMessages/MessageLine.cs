using System.Globalization;
using System.Text.Json;
using DebtShield.App.Resources;
using DebtShield.Core.Conduct;
using DebtShield.Core.Vocabulary;

namespace DebtShield.App.ClassifyMessages;

/// <summary>
/// One line of <c>debtshield classify</c> input:
/// <c>{"id","text","recipient":"borrower|third_party|unknown","time":"ISO-8601","channel":"message|call|unanswered_call","from"}</c>
/// (a recipient may also be written as the conduct corpus writes it: <c>contact</c>, <c>employer</c>),
/// with <c>text</c> the only required field. Other fields (such as <c>labels</c> in a labelled
/// set) are ignored.
/// </summary>
/// <param name="Id">The caller's id, if given (numbers are kept as written).</param>
/// <param name="Message">The message to analyse.</param>
/// <param name="From">Who sent it or called, for the daily limits; empty when not given.</param>
public sealed record MessageLine(string? Id, ConductMessage Message, string From)
{
    /// <summary>Reads one JSON line; returns null and an error message in the current UI language when it is invalid.</summary>
    public static MessageLine? Parse(ReadOnlySpan<byte> utf8Json, out string? error)
    {
        string? id = null, text = null, recipient = null, time = null, channel = null, from = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = ClassifyText.Error_NotAnObject;
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // Names compared as UTF-8 where they stand: no string a field name.
                var field = reader.ValueTextEquals("id"u8) ? "id"
                    : reader.ValueTextEquals("text"u8) ? "text"
                    : reader.ValueTextEquals("recipient"u8) ? "recipient"
                    : reader.ValueTextEquals("time"u8) ? "time"
                    : reader.ValueTextEquals("channel"u8) ? "channel"
                    : reader.ValueTextEquals("from"u8) ? "from"
                    : null;
                reader.Read();
                switch (field)
                {
                    case "id":
                        id = reader.TokenType switch
                        {
                            JsonTokenType.String => reader.GetString(),
                            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                            JsonTokenType.Null => null,
                            _ => throw new WrongTypeException(field),
                        };
                        break;
                    case "text":
                        text = StringValue(ref reader, field);
                        break;
                    case "recipient":
                        recipient = StringValue(ref reader, field);
                        break;
                    case "time":
                        time = StringValue(ref reader, field);
                        break;
                    case "channel":
                        channel = StringValue(ref reader, field);
                        break;
                    case "from":
                        from = StringValue(ref reader, field);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                error = ClassifyText.Error_MalformedJson;
                return null;
            }
        }
        catch (JsonException)
        {
            error = ClassifyText.Error_MalformedJson;
            return null;
        }
        catch (WrongTypeException e)
        {
            error = Localized.Format(ClassifyText.Error_WrongType, e.Field);
            return null;
        }

        if (text is null)
        {
            error = ClassifyText.Error_MissingText;
            return null;
        }

        return Build(id, text, recipient, time, channel, from, out error);
    }

    /// <summary>A plain-text line (<c>--text</c> mode): the text alone, recipient unknown.</summary>
    public static MessageLine Plain(string text) => new(null, new ConductMessage(text), string.Empty);

    /// <summary>
    /// Reads an ISO-8601 time ("T" or a space between date and time); a time without a zone is
    /// taken in <paramref name="zone"/>. Whether a zone was given is read from the text itself, so
    /// the machine's own time zone never changes the answer. Times within a day of the calendar's
    /// ends are refused: no call happened then, and the day arithmetic would leave the calendar.
    /// </summary>
    public static bool TryParseTime(string text, TimeSpan zone, out DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParseIsoSeconds(text, zone, out time))
        {
            return true;
        }

        time = default;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var read))
        {
            return false;
        }

        if (read.Kind == DateTimeKind.Unspecified)
        {
            if (read < DateTime.MinValue.AddDays(1) || read > DateTime.MaxValue.AddDays(-1))
            {
                return false;
            }

            time = new DateTimeOffset(read, zone);
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var zoned)
            || zoned.UtcDateTime < DateTime.MinValue.AddDays(1) || zoned.UtcDateTime > DateTime.MaxValue.AddDays(-1))
        {
            return false;
        }

        time = zoned;
        return true;
    }

    /// <summary>
    /// The form nearly every export writes, <c>yyyy-MM-ddTHH:mm:ss</c> (or a space for the T) with
    /// <c>Z</c>, <c>±hh:mm</c> or no zone, read digit by digit to the instant the general parser
    /// gives; anything else (fractions of a second, years at the calendar's ends, out-of-range
    /// fields) is left to it. A batch reads a time on almost every line, and the general parser's
    /// culture machinery cost more than the rest of the line's reading.
    /// </summary>
    private static bool TryParseIsoSeconds(string text, TimeSpan zone, out DateTimeOffset time)
    {
        time = default;
        if (text.Length is not (19 or 20 or 25) || text[4] != '-' || text[7] != '-' || text[10] is not ('T' or ' ')
            || text[13] != ':' || text[16] != ':'
            || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second)
            || year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var offset = zone;
        if (text.Length == 20)
        {
            if (text[19] != 'Z')
            {
                return false;
            }

            offset = TimeSpan.Zero;
        }
        else if (text.Length == 25)
        {
            if (text[19] is not ('+' or '-') || text[22] != ':' || !TryDigits(text, 20, 2, out var hours) || !TryDigits(text, 23, 2, out var minutes)
                || hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
            {
                return false;
            }

            offset = new TimeSpan(hours, minutes, 0);
            offset = text[19] == '-' ? -offset : offset;
        }

        time = new DateTimeOffset(year, month, day, hour, minute, second, offset);
        return true;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static MessageLine? Build(string? id, string text, string? recipient, string? time, string? channel, string? from, out string? error)
    {
        error = null;
        var to = recipient is null ? Recipient.Unknown : Vocabularies.Recipients.Parse(recipient);
        if (to is null)
        {
            error = Localized.Format(ClassifyText.Error_Recipient, recipient!, Localized.WireIds(Vocabularies.Recipients));
            return null;
        }

        var how = channel switch
        {
            null or "message" => ContactChannel.Message,
            "call" => ContactChannel.Call,
            "unanswered_call" => ContactChannel.UnansweredCall,
            _ => (ContactChannel?)null,
        };
        if (how is null)
        {
            error = Localized.Format(ClassifyText.Error_Channel, channel!);
            return null;
        }

        DateTimeOffset? when = null;
        if (time is not null)
        {
            if (!TryParseTime(time, ClassifyMessage.Analyzer.Policy.Offset, out var parsed))
            {
                error = Localized.Format(ClassifyText.Error_Time, time);
                return null;
            }

            when = parsed;
        }

        return new MessageLine(id, new ConductMessage(text, to.Value, when, how.Value), from ?? string.Empty);
    }

    private static string StringValue(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        _ => throw new WrongTypeException(name),
    };

    private sealed class WrongTypeException(string field) : Exception(field)
    {
        public string Field { get; } = field;
    }
}
