namespace DebtShield.Data.Evidence;

/// <summary>
/// A file kept as evidence (a screenshot, a recording, an MMS picture), addressed by the SHA-256
/// of its content so the same file is stored once however often it is attached. On PostgreSQL
/// the content is in <see cref="Content"/>; on SQLite it is a file in the ledger's data folder
/// (<see cref="AttachmentStore"/>), and <see cref="Content"/> is null.
/// </summary>
public sealed class StoredAttachment
{
    /// <summary>The SHA-256 of the content, as 64 hex digits.</summary>
    public string Hash { get; set; } = "";

    /// <summary>Its media type (<c>image/png</c>), as given or guessed from the file name.</summary>
    public string MediaType { get; set; } = "application/octet-stream";

    /// <summary>The name it was first given.</summary>
    public string? FileName { get; set; }

    /// <summary>Its size in bytes.</summary>
    public long Size { get; set; }

    /// <summary>When it was first stored.</summary>
    public DateTimeOffset StoredAt { get; set; }

    /// <summary>The stored content (sealed when protected), in the database's own storage; null on SQLite.</summary>
    public byte[]? Content { get; set; }
}
