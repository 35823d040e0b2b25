using System.Globalization;
using DebtShield.Core.Loans;
using DebtShield.Import.Resources;

namespace DebtShield.Import.LoanFiles;

/// <summary>Words Core's loan problems for the user, for every way a loan's facts arrive (files, commands, forms).</summary>
public static class LoanProblemText
{
    /// <summary>What is wrong, in the current UI language.</summary>
    public static string Describe(LoanProblemKind kind) =>
        ImportMessages.ResourceManager.GetString("Problem_" + kind, CultureInfo.CurrentUICulture) ?? kind.ToString();

    /// <summary>Every problem as one line: "schedule[2].dueDate：…；principal：…".</summary>
    public static string Describe(IEnumerable<LoanProblem> problems) =>
        string.Join("；", problems.Select(p => p.Field + "：" + Describe(p.Kind)));
}
