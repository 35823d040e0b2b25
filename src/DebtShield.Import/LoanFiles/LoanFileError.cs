using System.Globalization;
using DebtShield.Import.Resources;

namespace DebtShield.Import.LoanFiles;

/// <summary>
/// One thing wrong with a loan file, located as precisely as the reader knows: the line (for
/// JSON syntax and type errors) and the field, as a path such as <c>schedule[2].dueDate</c>.
/// </summary>
/// <param name="Field">The field, or <see langword="null"/> when the problem is the file as a whole.</param>
/// <param name="Line">The 1-based line, when known.</param>
/// <param name="Message">What is wrong, in the current UI language.</param>
public sealed record LoanFileError(string? Field, long? Line, string Message)
{
    /// <summary>
    /// The error as one line for a person, naming <paramref name="source"/> (a file name, or a
    /// file name and line in a batch): "loan.json 第 3 行，字段 schedule[2].dueDate：…".
    /// </summary>
    public string Describe(string source)
    {
        var culture = CultureInfo.CurrentCulture;
        return (Field, Line) switch
        {
            ({ } field, { } line) => string.Format(culture, ImportMessages.Location_FileLineField, source, line, field, Message),
            (null, { } line) => string.Format(culture, ImportMessages.Location_FileLine, source, line, Message),
            ({ } field, null) => string.Format(culture, ImportMessages.Location_FileField, source, field, Message),
            (null, null) => string.Format(culture, ImportMessages.Location_File, source, Message),
        };
    }
}

/// <summary>Formatting of several loan-file errors as one line.</summary>
public static class LoanFileErrors
{
    /// <summary>The errors as one line without a file name: "field schedule[2].dueDate: …; …".</summary>
    public static string Describe(this IReadOnlyList<LoanFileError> errors) =>
        string.Join("; ", errors.Select(e => e.Describe(string.Empty).TrimStart(' ', '：', ':')));
}
