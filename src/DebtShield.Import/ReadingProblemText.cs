using System.Globalization;
using DebtShield.Core.Reading;
using DebtShield.Import.Resources;

namespace DebtShield.Import;

/// <summary>
/// A <see cref="ReadingProblem"/> as one line for a person, the way every reader has always worded
/// its problems: "loan.json 第 3 行，字段 schedule[2].dueDate：…", "loans.csv 第 12 行，列 total：…",
/// "第 3 行“…”：…". The one home of these words (<c>Resources/ImportMessages</c>, <c>Location_*</c>).
/// </summary>
public static class ReadingProblemText
{
    private static readonly char[] LocationPunctuation = [' ', '：', ':'];

    /// <summary>
    /// <paramref name="problem"/> naming <paramref name="source"/> (a file name, or a file name and
    /// line in a batch), in the current culture.
    /// </summary>
    public static string Describe(ReadingProblem problem, string source)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(source);
        var culture = CultureInfo.CurrentCulture;
        var at = problem.Location;
        var message = problem.Message;
        return at.Kind switch
        {
            LocationKind.Whole => string.Format(culture, ImportMessages.Location_File, source, message),
            LocationKind.Line => string.Format(culture, ImportMessages.Location_FileLine, source, at.Line, message),
            LocationKind.LineAndByte => string.Format(culture, ImportMessages.Location_FileLineByte, source, at.Line, at.ByteOffset, message),
            LocationKind.LineAndCharacter => string.Format(culture, ImportMessages.Location_FileLineCharacter, source, at.Line, at.Character, message),
            LocationKind.QuotedLine => source.Length == 0 ? Quoted(problem) : source + " " + Quoted(problem),
            LocationKind.Row => string.Format(culture, ImportMessages.Location_FileRow, source, at.Row, message),
            LocationKind.Cell => string.Format(culture, ImportMessages.Location_FileRowColumn, source, at.Row, at.Column, message),
            LocationKind.Field => string.Format(culture, ImportMessages.Location_FileField, source, at.Field, message),
            LocationKind.FieldAtLine => string.Format(culture, ImportMessages.Location_FileLineField, source, at.Line, at.Field, message),
            LocationKind.Database => string.Format(culture, ImportMessages.Location_FileDatabase, source, at.Database, at.RecordsRead, message),
        };
    }

    /// <summary>
    /// <paramref name="problem"/> without a file name, for a source that has none of its own (a
    /// batch's line, pasted text): "第 3 行，字段 schedule[2].dueDate：…", "第 3 行“…”：…".
    /// </summary>
    public static string Describe(ReadingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Location.Kind == LocationKind.QuotedLine
            ? Quoted(problem)
            : Describe(problem, string.Empty).TrimStart(LocationPunctuation);
    }

    /// <summary>Several problems as one line without a file name: "field schedule[2].dueDate: …; …".</summary>
    public static string Describe(IEnumerable<ReadingProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return string.Join("; ", problems.Select(Describe));
    }

    private static string Quoted(ReadingProblem problem) =>
        string.Format(CultureInfo.CurrentCulture, ImportMessages.Pasted_Location, problem.Location.Line, problem.Location.Text, problem.Message);
}
