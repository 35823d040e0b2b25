using DebtShield.Core.Evidence;

namespace DebtShield.Core.Screenshots;

/// <summary>A message read from a screenshot, as duplicates are recognised by.</summary>
/// <param name="Conversation">Whose conversation (the title bar's name or number) and who received it.</param>
/// <param name="Direction">Which way it went.</param>
/// <param name="Text">What it says.</param>
/// <param name="Time">Its time stamp, or the latest time it can have been sent.</param>
/// <param name="TimeEstimated">True when <paramref name="Time"/> is only an upper bound.</param>
public sealed record SeenMessage(string Conversation, IncidentDirection Direction, string Text, DateTimeOffset Time, bool TimeEstimated);

/// <summary>
/// The messages already kept from screenshots, to recognise the same message seen again in an
/// overlapping screenshot. The chain's fingerprint cannot: the second screenshot is another
/// attachment, OCR may read a character differently on another background, and a message whose
/// time stamp scrolled out of view only has the capture time as an upper bound.
/// </summary>
/// <remarks>
/// Two messages are the same when they are in the same conversation (the same title, or one read
/// short), go the same way, say the
/// same (ignoring spaces and punctuation, with one character in eight allowed to differ, or one a part of the other
/// of at least six characters: a fragment) and their times agree: equal when both were stamped; an
/// estimate (an upper bound) not before the stamp; two estimates within a day. A collector's
/// template sent again under another stamp is another message, and kept.
/// </remarks>
public sealed class SeenMessages
{
    private static readonly TimeSpan EstimateWindow = TimeSpan.FromDays(1);

    /// <summary>The shortest text recognised as a fragment of a longer one: shorter ones (好的, 收到) are too common to say.</summary>
    private const int FragmentAtLeast = 6;
    /// <summary>The shortest title recognised as a part of a longer one: OCR may drop the end of a title (融易借在线 for 融易借在线客服).</summary>
    private const int TitlePartAtLeast = 3;

    private readonly Dictionary<IncidentDirection, List<(string Conversation, string Text, DateTimeOffset Time, bool Estimated)>> _seen = [];

    /// <summary>Remembers <paramref name="message"/> unless the same message is known.</summary>
    /// <returns>True when it is new.</returns>
    public bool TryAdd(SeenMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_seen.TryGetValue(message.Direction, out var list))
        {
            _seen[message.Direction] = list = [];
        }

        var text = Squeeze(message.Text);
        var conversation = Squeeze(message.Conversation);
        if (list.Any(seen => SameConversation(seen.Conversation, conversation) && TimesAgree(seen.Time, seen.Estimated, message.Time, message.TimeEstimated) && Similar(seen.Text, text)))
        {
            return false;
        }

        list.Add((conversation, text, message.Time, message.TimeEstimated));
        return true;
    }

    /// <summary>True when two titles name the same conversation: equal, or one of three or more characters the start or end of the other (a title read short).</summary>
    private static bool SameConversation(string a, string b) =>
        a == b || (Math.Min(a.Length, b.Length) >= TitlePartAtLeast && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal) || a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal)));

    private static bool TimesAgree(DateTimeOffset a, bool aEstimated, DateTimeOffset b, bool bEstimated) => (aEstimated, bEstimated) switch
    {
        (false, false) => a == b,
        (true, true) => (a - b).Duration() <= EstimateWindow,
        (true, false) => a >= b,
        (false, true) => b >= a,
    };

    /// <summary>
    /// The text as duplicates are compared: its letters, digits and characters alone. Punctuation
    /// and symbols are what OCR reads least steadily from one screenshot to the next (，or , or
    /// nothing; an emoji as 》), and two messages never differ by them alone.
    /// </summary>
    private static string Squeeze(string text) => string.Concat(text.Where(char.IsLetterOrDigit));

    /// <summary>
    /// True when at most one character in eight differs (edit distance), exactly equal for texts under
    /// eight characters, or one of six or more characters is part of the other.
    /// </summary>
    private static bool Similar(string a, string b)
    {
        if (Math.Min(a.Length, b.Length) >= FragmentAtLeast && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)))
        {
            return true;
        }

        var allowed = Math.Max(a.Length, b.Length) / 8;
        return EditDistance.Capped(a, b, allowed) <= allowed;
    }
}
