using DebtShield.Core.Conduct;

namespace DebtShield.Core.Evidence;

/// <summary>How a collection contact reached its recipient.</summary>
public enum IncidentChannel
{
    /// <summary>A text message.</summary>
    Sms,

    /// <summary>A multimedia message (text, pictures).</summary>
    Mms,

    /// <summary>A phone call.</summary>
    Call,

    /// <summary>A chat message (WeChat, QQ, an app's own chat).</summary>
    Chat,

    /// <summary>A visit to the home or the workplace.</summary>
    Visit,

    /// <summary>A post in a group or online.</summary>
    Post,

    /// <summary>Anything else the borrower wants on record.</summary>
    Other,
}

/// <summary>Which way a message or call went, seen from the borrower's phone.</summary>
public enum IncidentDirection
{
    /// <summary>The collector sent it or called.</summary>
    Received,

    /// <summary>The borrower sent it or called (kept for the context of a conversation).</summary>
    Sent,
}

/// <summary>What happened to a call.</summary>
public enum CallOutcome
{
    /// <summary>The call was answered (or made and connected).</summary>
    Answered,

    /// <summary>The call rang and was not answered.</summary>
    Missed,

    /// <summary>The borrower rejected the call.</summary>
    Rejected,

    /// <summary>The phone blocked the number.</summary>
    Blocked,

    /// <summary>The caller left a voicemail.</summary>
    Voicemail,
}

/// <summary>
/// One collection contact as the borrower can prove it: who, when, which way, what was said, and
/// to whom. It is what the evidence chain protects; the conduct analyser's labels are stored
/// beside it as an opinion that a newer analyser may revise, and are not part of it.
/// </summary>
/// <remarks>
/// Invalid combinations cannot be built: a third-party recipient is always named, a contact's
/// phone number exists only with the contact, a call has an outcome and no text is required of
/// it, a message has text (or, for an MMS, an attachment).
/// </remarks>
public sealed record Incident
{
    /// <summary>Creates an incident; empty strings are treated as absent.</summary>
    /// <exception cref="ArgumentException">The facts contradict each other.</exception>
    public Incident(
        IncidentChannel channel,
        IncidentDirection direction,
        DateTimeOffset time,
        string? counterpart,
        Recipient recipient,
        string? text,
        string source,
        string? contactName = null,
        string? contactPhone = null,
        CallOutcome? outcome = null,
        TimeSpan? duration = null,
        IReadOnlyList<ContentHash>? attachments = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        contactName = Blank(contactName);
        contactPhone = Blank(contactPhone);
        text = Blank(text);
        attachments ??= [];
        if ((recipient == Recipient.ThirdParty) != (contactName is not null))
        {
            throw new ArgumentException("A contact is named exactly when someone other than the borrower received the contact.", nameof(contactName));
        }

        if (contactPhone is not null && contactName is null)
        {
            throw new ArgumentException("A contact's phone number belongs to a named contact.", nameof(contactPhone));
        }

        if ((channel == IncidentChannel.Call) != (outcome is not null))
        {
            throw new ArgumentException("A call, and only a call, has an outcome.", nameof(outcome));
        }

        if (duration is { } d && (channel != IncidentChannel.Call || d < TimeSpan.Zero))
        {
            throw new ArgumentException("Only a call has a duration, and it is not negative.", nameof(duration));
        }

        if (channel != IncidentChannel.Call && text is null && (channel != IncidentChannel.Mms || attachments.Count == 0))
        {
            throw new ArgumentException("A message or a described incident needs its text.", nameof(text));
        }

        Channel = channel;
        Direction = direction;
        Time = time;
        Counterpart = Blank(counterpart);
        Recipient = recipient;
        Text = text;
        Source = source.Trim();
        ContactName = contactName;
        ContactPhone = contactPhone;
        Outcome = outcome;
        Duration = duration;
        Attachments = attachments;
    }

    /// <summary>How it reached the recipient.</summary>
    public IncidentChannel Channel { get; }

    /// <summary>Which way it went.</summary>
    public IncidentDirection Direction { get; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The collector's number (normalised by <see cref="PhoneNumber"/>) or name, when known.</summary>
    public string? Counterpart { get; }

    /// <summary>Who received it.</summary>
    public Recipient Recipient { get; }

    /// <summary>What was said or what happened, word for word where there was text.</summary>
    public string? Text { get; }

    /// <summary>Where it came from: a backup file's name, "manual", a contact's report.</summary>
    public string Source { get; }

    /// <summary>The contact who received it, by the name the borrower chose; only for a third party.</summary>
    public string? ContactName { get; }

    /// <summary>The contact's phone number, only when the borrower entered it.</summary>
    public string? ContactPhone { get; }

    /// <summary>What happened to a call; null for anything else.</summary>
    public CallOutcome? Outcome { get; }

    /// <summary>How long a call lasted, when known.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>The hashes of its attachments, in the order they were given.</summary>
    public IReadOnlyList<ContentHash> Attachments { get; }

    /// <summary>What the conduct analyser is given: the text, the recipient, the time, the channel.</summary>
    public ConductMessage ToConductMessage(int? contactNumberToday = null, int? messagesThisHour = null) => new(
        Text ?? "",
        Recipient,
        Time,
        Channel switch
        {
            IncidentChannel.Call when Outcome == CallOutcome.Answered => ContactChannel.Call,
            IncidentChannel.Call => ContactChannel.UnansweredCall,
            _ => ContactChannel.Message,
        },
        contactNumberToday,
        messagesThisHour,
        FromCollector: IsCollectorContact);

    /// <summary>True when it is the collector's doing (received), so the analyser's labels apply.</summary>
    public bool IsCollectorContact => Direction == IncidentDirection.Received;

    /// <summary>
    /// True when both describe the same contact: the same canonical incident block. The source is
    /// not compared, so a message read from two backups is one incident.
    /// </summary>
    public bool Equals(Incident? other) =>
        other is not null && EvidenceRecord.Incident(this).AsSpan().SequenceEqual(EvidenceRecord.Incident(other));

    /// <inheritdoc />
    public override int GetHashCode() => EvidenceRecord.Fingerprint(this).GetHashCode();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
