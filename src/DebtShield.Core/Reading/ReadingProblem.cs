namespace DebtShield.Core.Reading;

/// <summary>
/// One thing wrong with what a reader was given, where it is and what is wrong, worded in the
/// user's language by the reader that found it. Every reader (loan files, case files, loan tables,
/// pasted text, phone backups, the batches' lines) reports its problems as this, and every host
/// words it one way, so a reader's problem reads the same at every door.
/// </summary>
/// <remarks>
/// It lives in Core because both sides of the hosts' boundary hold it: the readers (Import) make
/// it and the hosts, which cannot see Import, render it. The wording of a location with a file's
/// name is not here (Core words nothing); it is the readers' (<c>ReadingProblemText</c>).
/// </remarks>
public sealed record ReadingProblem
{
    /// <summary>A problem at <paramref name="location"/>.</summary>
    /// <param name="location">Where it is.</param>
    /// <param name="message">What is wrong, in the current UI language.</param>
    public ReadingProblem(SourceLocation location, string message)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(message);
        Location = location;
        Message = message;
    }

    /// <summary>Where the problem is.</summary>
    public SourceLocation Location { get; }

    /// <summary>What is wrong, in the UI language the reader ran in.</summary>
    public string Message { get; }

    /// <summary>A problem of the source as a whole.</summary>
    public static ReadingProblem OfWhole(string message) => new(SourceLocation.Whole, message);
}
