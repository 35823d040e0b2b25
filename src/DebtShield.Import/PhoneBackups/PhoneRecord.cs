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

/// <summary>A record of the backup that could not be read, and why; the others are still read.</summary>
/// <param name="Line">Where it starts.</param>
/// <param name="Reason">What is wrong with it, in the user's language.</param>
public sealed record PhoneRecordProblem(long Line, string Reason);

/// <summary>Where a damaged backup stops being readable: everything before it was read.</summary>
/// <param name="Line">The line of the break.</param>
/// <param name="ByteOffset">The byte offset of the break from the start of the file.</param>
/// <param name="Reason">What the XML reader found there.</param>
public sealed record BackupBreak(long Line, long ByteOffset, string Reason);

/// <summary>The file is not a phone backup this program reads (not XML or CSV, or a different XML).</summary>
public sealed class PhoneBackupException(string message) : Exception(message);
