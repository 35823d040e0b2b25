namespace DebtShield.App.Downloads;

/// <summary>
/// A file the borrower saves (an evidence bundle, a letter): its name, its media type, and how to
/// write it to a stream the caller owns, such as a response body.
/// </summary>
/// <remarks>
/// A use case returns one only after everything that can refuse the request has been checked, so a
/// host can send the headers and then the bytes: a download never fails half-way for a reason the
/// borrower could fix, and never passes through a temporary file on disk.
/// </remarks>
public sealed class Download
{
    private readonly Func<Stream, CancellationToken, Task> write;

    internal Download(string fileName, string mediaType, Func<Stream, CancellationToken, Task> write)
    {
        FileName = fileName;
        MediaType = mediaType;
        this.write = write;
    }

    /// <summary>The name to save it under.</summary>
    public string FileName { get; }

    /// <summary>Its media type (<c>application/zip</c>, <c>application/pdf</c>…).</summary>
    public string MediaType { get; }

    /// <summary>Writes the file to <paramref name="destination"/>, asynchronously only, and leaves it open.</summary>
    public Task WriteToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return write(destination, cancellationToken);
    }
}
