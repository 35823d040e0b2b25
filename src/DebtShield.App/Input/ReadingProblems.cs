using DebtShield.Core.Reading;
using DebtShield.Import;

namespace DebtShield.App.Input;

/// <summary>
/// A reader's <see cref="ReadingProblem"/> worded for a person, for the hosts, which cannot see the
/// readers: the same words the readers use (<see cref="ReadingProblemText"/>), so a problem reads the
/// same from the CLI, the web and a batch.
/// </summary>
public static class ReadingProblems
{
    /// <summary>
    /// The problem as one line naming <paramref name="source"/> (a file name):
    /// "loan.json 第 3 行，字段 schedule[2].dueDate：…", "loans.csv 第 12 行，列 total：…".
    /// </summary>
    public static string Describe(this ReadingProblem problem, string source) => ReadingProblemText.Describe(problem, source);

    /// <summary>The problem without a file name: "第 3 行，字段 schedule[2].dueDate：…".</summary>
    public static string Describe(this ReadingProblem problem) => ReadingProblemText.Describe(problem);

    /// <summary>Several problems as one line without a file name, as a batch writes a line's error.</summary>
    public static string Describe(this IEnumerable<ReadingProblem> problems) => ReadingProblemText.Describe(problems);
}
