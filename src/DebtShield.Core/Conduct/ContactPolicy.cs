using System.Globalization;

namespace DebtShield.Core.Conduct;

/// <summary>How a collection contact was made, for the daily limits.</summary>
public enum ContactChannel
{
    /// <summary>A text message or chat message (no verified daily limit).</summary>
    Message,

    /// <summary>A call that was answered.</summary>
    Call,

    /// <summary>A call attempt that was not answered.</summary>
    UnansweredCall,
}

/// <summary>
/// The hours and daily limits for collection contacts, with their sources, from
/// <c>data/conduct/contact-rules.txt</c>. They are industry standards and self-regulation
/// (GB/T 45251—2025, the 2026 banking-association guideline), not statute: the findings say so.
/// </summary>
public sealed class ContactPolicy
{
    /// <summary>
    /// The daily limit of each channel, found once: a batch asks for every counted line, in the one step that runs in
    /// input order.
    /// </summary>
    private readonly PolicyRule?[] _dailyLimits;

    private ContactPolicy(TimeSpan offset, TimeOnly allowedFrom, TimeOnly allowedUntil, IReadOnlyDictionary<string, PolicyRule> rules)
    {
        Offset = offset;
        AllowedFrom = allowedFrom;
        AllowedUntil = allowedUntil;
        Rules = rules;
        _dailyLimits = [.. Enum.GetValues<ContactChannel>().Select(channel => rules.Values.FirstOrDefault(r => r.Channel == channel && r.PerDay is not null))];
        HourlyMessageLimit = rules.Values.FirstOrDefault(r => r.Channel == ContactChannel.Message && r.PerHour is not null);
    }

    /// <summary>The zone for "what hour was this", for times given without one (China Standard Time, UTC+8).</summary>
    public TimeSpan Offset { get; }

    /// <summary>The first minute when collection is allowed.</summary>
    public TimeOnly AllowedFrom { get; }

    /// <summary>The minute when collection stops being allowed.</summary>
    public TimeOnly AllowedUntil { get; }

    /// <summary>The metadata rules by id: <c>off_hours</c>, <c>third_party_contact</c>, <c>excessive_frequency.*</c>.</summary>
    public IReadOnlyDictionary<string, PolicyRule> Rules { get; }

    /// <summary>The daily limit for a channel, if any rule sets one.</summary>
    public PolicyRule? LimitFor(ContactChannel channel) =>
        (uint)channel < (uint)_dailyLimits.Length ? _dailyLimits[(int)channel] : null;

    /// <summary>
    /// The limit on texts from one sender within an hour (flooding), if a rule sets one: no rule
    /// text gives a number, so the figure in <c>contact-rules.txt</c> is the project's stated choice.
    /// </summary>
    public PolicyRule? HourlyMessageLimit { get; }

    /// <summary>The local calendar day of <paramref name="time"/> in this policy's zone.</summary>
    public DateOnly LocalDay(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(Offset).DateTime);

    /// <summary>True when <paramref name="time"/>, in this policy's zone, is outside the allowed hours.</summary>
    public bool IsOffHours(DateTimeOffset time)
    {
        var local = TimeOnly.FromDateTime(time.ToOffset(Offset).DateTime);
        return local < AllowedFrom || local >= AllowedUntil;
    }

    /// <summary>Parses <c>contact-rules.txt</c>.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names the line.</exception>
    public static ContactPolicy Parse(string text, string sourceName = "contact-rules.txt")
    {
        ArgumentNullException.ThrowIfNull(text);
        var offset = TimeSpan.FromHours(8);
        TimeOnly? from = null, until = null;
        var rules = new Dictionary<string, PolicyRule>(StringComparer.Ordinal);
        PolicyRuleBuilder? current = null;
        foreach (var (lineNumber, line) in ConductDataLine.Significant(text))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                Finish(current, rules, sourceName);
                current = new PolicyRuleBuilder(line[1..^1], lineNumber);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw ConductDataLine.Error(sourceName, lineNumber, "expected key: value");
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            try
            {
                switch (key)
                {
                    case "zone":
                        offset = TimeSpan.Parse(value.TrimStart('+'), CultureInfo.InvariantCulture);
                        break;
                    case "allowed":
                        var parts = value.Split('-');
                        from = TimeOnly.ParseExact(parts[0].Trim(), "HH:mm", CultureInfo.InvariantCulture);
                        until = TimeOnly.ParseExact(parts[1].Trim(), "HH:mm", CultureInfo.InvariantCulture);
                        break;
                    case "checked":
                        _ = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                        break;
                    case "source" or "status":
                        break;
                    default:
                        if (current is null || !current.Set(key, value))
                        {
                            throw ConductDataLine.Error(sourceName, lineNumber, "unknown key " + key);
                        }

                        break;
                }
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
            {
                throw e as FormatException is { } f && f.Message.StartsWith(sourceName, StringComparison.Ordinal)
                    ? f
                    : ConductDataLine.Error(sourceName, lineNumber, "invalid value for " + key + ": " + value);
            }
        }

        Finish(current, rules, sourceName);
        if (from is null || until is null || !rules.ContainsKey("off_hours") || !rules.ContainsKey("third_party_contact"))
        {
            throw Reading.DataFileException.OfWhole(sourceName, "needs allowed: HH:mm-HH:mm and the rules [off_hours] and [third_party_contact]");
        }

        return new ContactPolicy(offset, from.Value, until.Value, rules);
    }

    private static void Finish(PolicyRuleBuilder? builder, Dictionary<string, PolicyRule> rules, string sourceName)
    {
        if (builder is null)
        {
            return;
        }

        if (builder.Explanation is null || builder.Citations.Count == 0)
        {
            throw ConductDataLine.Error(sourceName, builder.Line, "rule " + builder.Id + " needs explain: and cite:");
        }

        rules.Add(builder.Id, new PolicyRule(builder.Id, builder.Channel, builder.PerDay, builder.Explanation, builder.Citations) { PerHour = builder.PerHour });
    }

    private sealed class PolicyRuleBuilder(string id, int line)
    {
        public string Id { get; } = id;

        public int Line { get; } = line;

        public ContactChannel? Channel { get; private set; }

        public int? PerDay { get; private set; }

        public int? PerHour { get; private set; }

        public ConductExplanation? Explanation { get; private set; }

        public List<string> Citations { get; } = [];

        public bool Set(string key, string value)
        {
            switch (key)
            {
                case "channel":
                    Channel = value switch
                    {
                        "message" => ContactChannel.Message,
                        "call" => ContactChannel.Call,
                        "unanswered_call" => ContactChannel.UnansweredCall,
                        _ => throw new FormatException(value),
                    };
                    return true;
                case "per_day":
                    PerDay = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                    return true;
                case "per_hour":
                    PerHour = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                    return true;
                case "explain":
                    Explanation = ConductRuleSet.ParseExplanation(value);
                    return true;
                case "cite":
                    Citations.AddRange(ConductRuleSet.ParseCitations(value));
                    return true;
                default:
                    return false;
            }
        }
    }
}

/// <summary>A metadata rule: its id, the channel and daily limit it sets (if any), and why.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Channel">The channel a daily limit applies to.</param>
/// <param name="PerDay">The most contacts allowed a day on that channel.</param>
/// <param name="Explanation">The one-line explanation.</param>
/// <param name="Citations">Citation ids.</param>
public sealed record PolicyRule(string Id, ContactChannel? Channel, int? PerDay, ConductExplanation Explanation, IReadOnlyList<string> Citations)
{
    /// <summary>The most texts allowed from one sender within any 60 minutes, for the flooding rule.</summary>
    public int? PerHour { get; init; }
}

/// <summary>
/// Counts each sender's texts over the last 60 minutes (the window includes both ends), in time
/// order, to find flooding: seven texts in 59 minutes are the 5th, 6th and 7th of their hour.
/// Not thread-safe: one counter follows one ordered stream.
/// </summary>
public sealed class HourlyMessageCounter
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);

    /// <summary>Counts one text from <paramref name="from"/>; returns how many it has sent in the hour up to and including this one.</summary>
    public int Count(string from, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (!_recent.TryGetValue(from, out var times))
        {
            _recent[from] = times = new Queue<DateTimeOffset>();
        }

        while (times.Count > 0 && time - times.Peek() > Window)
        {
            times.Dequeue();
        }

        times.Enqueue(time);
        return times.Count;
    }
}

/// <summary>
/// Counts collection contacts a day, per sender and channel, in input order, to find the ones
/// beyond the daily limit. Not thread-safe: one counter follows one ordered stream.
/// </summary>
public sealed class DailyContactCounter(ContactPolicy policy)
{
    private readonly Dictionary<(string From, DateOnly Day, ContactChannel Channel), int> _counts = [];
    private DateOnly _latest = DateOnly.MinValue;

    /// <summary>Counts one contact; returns its number that day (1 for the first).</summary>
    public int Count(string from, DateTimeOffset time, ContactChannel channel)
    {
        ArgumentNullException.ThrowIfNull(from);
        var day = policy.LocalDay(time);
        if (day.DayNumber - _latest.DayNumber > 2 && _counts.Count > 100_000)
        {
            // Evidence streams are mostly in time order: forget days long gone to keep memory flat.
            foreach (var key in _counts.Keys.Where(k => day.DayNumber - k.Day.DayNumber > 2).ToList())
            {
                _counts.Remove(key);
            }
        }

        if (day > _latest)
        {
            _latest = day;
        }

        var key2 = (from, day, channel);
        var count = _counts.GetValueOrDefault(key2) + 1;
        _counts[key2] = count;
        return count;
    }
}
