using DebtShield.Core.Evidence;

namespace DebtShield.Import.PhoneBackups;

/// <summary>
/// One message or call as a phone backup holds it, before the borrower's choices (which numbers
/// are collectors, who received it) make it an incident.
/// </summary>
/// <param name="Line">The line of the backup where it starts, for messages about it.</param>
/// <param name="Channel">SMS, MMS or call.</param>
/// <param name="Direction">Received or sent, seen from the phone that was backed up.</param>
/// <param name="Time">When, as the phone recorded it.</param>
/// <param name="Number">The other side's number, normalised; null when the phone did not record one.</param>
/// <param name="Text">The message text; null for a call.</param>
/// <param name="Outcome">A call's outcome; null for a message.</param>
/// <param name="Duration">A call's duration; null for a message.</param>
/// <param name="Attachments">An MMS's pictures, sounds or files.</param>
public sealed record PhoneRecord(
    long Line,
    IncidentChannel Channel,
    IncidentDirection Direction,
    DateTimeOffset Time,
    string? Number,
    string? Text,
    CallOutcome? Outcome,
    TimeSpan? Duration,
    IReadOnlyList<PhoneAttachment> Attachments);

/// <summary>A file carried by a message (an MMS picture).</summary>
/// <param name="MediaType">Its media type, as the message declared it.</param>
/// <param name="FileName">Its name in the message, if it had one.</param>
/// <param name="Content">Its bytes.</param>
public sealed record PhoneAttachment(string MediaType, string? FileName, byte[] Content);

/// <summary>The file is not a phone backup this program reads (not XML or CSV, or a different XML).</summary>
public sealed class PhoneBackupException(string message) : Exception(message);
