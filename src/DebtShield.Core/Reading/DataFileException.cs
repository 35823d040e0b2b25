using System.Globalization;

namespace DebtShield.Core.Reading;

/// <summary>
/// A data file of the repository (<c>data/conduct/rules.txt</c>, <c>data/law/caps.json</c>, a lender
/// list, a script table, a letter template) that cannot be read: the file and the
/// <see cref="ReadingProblem"/> (where, what), worded <c>rules.txt:12: unknown key colour</c>.
/// </summary>
/// <remarks>
/// <para>
/// The data files ship inside the program, so one that does not read is a mistake of whoever edited
/// it (a reviewer loading an edited copy, a contributor, a build): an exception, not a result, and
/// one that always says the file and the place, since that person has to open the file there.
/// It is a <see cref="FormatException"/>, as the readers always said they threw.
/// </para>
/// <para>
/// Its words are English, for the people who edit the files (the files' own keys and ids are
/// English); nothing in a data file's problem is for the borrower.
/// </para>
/// </remarks>
public sealed class DataFileException : FormatException
{
    /// <summary>A problem of <paramref name="file"/>.</summary>
    /// <param name="file">The file's name as the repository has it (<c>rules.txt</c>).</param>
    /// <param name="problem">Where in the file, and what is wrong.</param>
    /// <param name="innerException">What the reader underneath threw, if anything.</param>
    public DataFileException(string file, ReadingProblem problem, Exception? innerException = null)
        : base(Describe(file, problem), innerException)
    {
        File = file;
        Problem = problem;
    }

    /// <inheritdoc/>
    public DataFileException()
        : this("?", ReadingProblem.OfWhole("unreadable"))
    {
    }

    /// <inheritdoc/>
    public DataFileException(string message)
        : this("?", ReadingProblem.OfWhole(message))
    {
    }

    /// <inheritdoc/>
    public DataFileException(string message, Exception innerException)
        : this("?", ReadingProblem.OfWhole(message), innerException)
    {
    }

    /// <summary>The file's name.</summary>
    public string File { get; }

    /// <summary>Where in the file, and what is wrong.</summary>
    public ReadingProblem Problem { get; }

    /// <summary>A problem on a line of <paramref name="file"/>.</summary>
    public static DataFileException AtLine(string file, long line, string message) =>
        new(file, new ReadingProblem(SourceLocation.AtLine(line), message));

    /// <summary>A problem of <paramref name="file"/> as a whole (a section it lacks).</summary>
    public static DataFileException OfWhole(string file, string message) => new(file, ReadingProblem.OfWhole(message));

    /// <summary>
    /// <c>file:line: message</c>, or <c>file:line:character: message</c> where the character is known
    /// (as compilers write it, so an editor opens the file there); a field is named after the line, or
    /// after the file when no line is known.
    /// </summary>
    private static string Describe(string file, ReadingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(problem);
        var at = problem.Location;
        var place = (at.Line, at.Field) switch
        {
            ({ } line, { } field) => string.Create(CultureInfo.InvariantCulture, $":{line}: {field}"),
            ({ } line, null) when at.Character is { } character => string.Create(CultureInfo.InvariantCulture, $":{line}:{character}"),
            ({ } line, null) => string.Create(CultureInfo.InvariantCulture, $":{line}"),
            (null, { } field) => ": " + field,
            (null, null) => "",
        };
        return file + place + ": " + problem.Message;
    }
}
