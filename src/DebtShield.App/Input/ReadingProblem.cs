using System.Text.Json.Serialization;
using DebtShield.Import.LoanFiles;
using DebtShield.Import.PhoneBackups;

namespace DebtShield.App.Input;

/// <summary>
/// One thing wrong with what a reader was given (a loan file, a phone backup), located as
/// precisely as the reader knows, with what is wrong in the user's language. App's one problem
/// type: the readers' own records (a loan file's error, a backup's unreadable record, the break
/// of a damaged backup, a damaged iPhone database) come out of App's reports as this, so a host
/// words a reading without naming the reader.
/// </summary>
/// <remarks>
/// A part of the location the reader does not know is null and left out of the JSON, so each
/// reader's problems keep the JSON they had: a backup's record <c>{line, reason}</c>, its break
/// <c>{line, byteOffset, reason}</c>, a damaged database <c>{database, recordsRead, reason}</c>.
/// </remarks>
public sealed record ReadingProblem
{
    /// <summary>The part of the source the problem is in: an iPhone backup's database (<c>sms.db</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Database { get; init; }

    /// <summary>How many records of <see cref="Database"/> were read before the problem.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RecordsRead { get; init; }

    /// <summary>The field, as a path such as <c>schedule[2].dueDate</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Field { get; init; }

    /// <summary>The 1-based line.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Line { get; init; }

    /// <summary>The byte offset from the start of the file.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ByteOffset { get; init; }

    /// <summary>What is wrong, in the current UI language.</summary>
    public required string Reason { get; init; }

    /// <summary>
    /// The problem as one line for a person, naming <paramref name="source"/> (a file name):
    /// "loan.json 第 3 行，字段 schedule[2].dueDate：…", worded as the loan files' readers word it.
    /// </summary>
    public string Describe(string source) => new LoanFileError(Field, Line, Reason).Describe(source);

    internal static ReadingProblem Of(LoanFileError error) => new() { Field = error.Field, Line = error.Line, Reason = error.Message };

    internal static ReadingProblem Of(PhoneRecordProblem problem) => new() { Line = problem.Line, Reason = problem.Reason };

    internal static ReadingProblem Of(BackupBreak broken) => new() { Line = broken.Line, ByteOffset = broken.ByteOffset, Reason = broken.Reason };

    internal static ReadingProblem Of(DatabaseDamage damage) => new() { Database = damage.Database, RecordsRead = damage.RecordsRead, Reason = damage.Reason };
}
