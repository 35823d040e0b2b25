using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;
using DebtShield.Import.Resources;

namespace DebtShield.Import.LoanFiles;

/// <summary>Words Core's loan problems for the user, for every way a loan's facts arrive (files, commands, forms).</summary>
public static class LoanProblemText
{
    /// <summary>What each problem is, as every door but a loan table words it.</summary>
    internal static MemberTexts<LoanProblemKind> Problems { get; } = new(
        ImportMessages.ResourceManager,
        (LoanProblemKind.NotPositive, "Problem_NotPositive"),
        (LoanProblemKind.Negative, "Problem_Negative"),
        (LoanProblemKind.ReceivedAbovePrincipal, "Problem_ReceivedAbovePrincipal"),
        (LoanProblemKind.Empty, "Problem_Empty"),
        (LoanProblemKind.NotAfterContractDate, "Problem_NotAfterContractDate"),
        (LoanProblemKind.OutOfOrder, "Problem_OutOfOrder"),
        (LoanProblemKind.PartsDisagreeWithTotal, "Problem_PartsDisagreeWithTotal"),
        (LoanProblemKind.NeverRepays, "Problem_NeverRepays"),
        (LoanProblemKind.FeeAfterFirstInstalment, "Problem_FeeAfterFirstInstalment"),
        (LoanProblemKind.FeesConsumeReceived, "Problem_FeesConsumeReceived"),
        (LoanProblemKind.BeforeContractDate, "Problem_BeforeContractDate"),
        (LoanProblemKind.ImplausiblyLarge, "Problem_ImplausiblyLarge"),
        (LoanProblemKind.RateOutOfRange, "Problem_RateOutOfRange"),
        (LoanProblemKind.AfterToday, "Problem_AfterToday"));

    /// <summary>
    /// What a problem is in a loan table, where the words name the table's columns; a problem a
    /// table words as every other door does has none here.
    /// </summary>
    internal static MemberTexts<LoanProblemKind> TableProblems { get; } = new(
        ImportMessages.ResourceManager,
        (LoanProblemKind.NotPositive, null),
        (LoanProblemKind.Negative, null),
        (LoanProblemKind.ReceivedAbovePrincipal, "TableProblem_ReceivedAbovePrincipal"),
        (LoanProblemKind.Empty, "TableProblem_Empty"),
        (LoanProblemKind.NotAfterContractDate, "TableProblem_NotAfterContractDate"),
        (LoanProblemKind.OutOfOrder, null),
        (LoanProblemKind.PartsDisagreeWithTotal, "TableProblem_PartsDisagreeWithTotal"),
        (LoanProblemKind.NeverRepays, null),
        (LoanProblemKind.FeeAfterFirstInstalment, "TableProblem_FeeAfterFirstInstalment"),
        (LoanProblemKind.FeesConsumeReceived, null),
        (LoanProblemKind.BeforeContractDate, null),
        (LoanProblemKind.ImplausiblyLarge, null),
        (LoanProblemKind.RateOutOfRange, null),
        (LoanProblemKind.AfterToday, null));

    /// <summary>What is wrong, in the current UI language.</summary>
    public static string Describe(LoanProblemKind kind) => Problems.Text(kind);

    /// <summary>What is wrong in a loan table, in the current UI language: in the table's own words where it has them.</summary>
    public static string DescribeInTable(LoanProblemKind kind) =>
        TableProblems.Has(kind) ? TableProblems.Text(kind) : Problems.Text(kind);

    /// <summary>Every problem as one line: "schedule[2].dueDate：…；principal：…".</summary>
    public static string Describe(IEnumerable<LoanProblem> problems) =>
        string.Join("；", problems.Select(p => p.Field + "：" + Describe(p.Kind)));
}
