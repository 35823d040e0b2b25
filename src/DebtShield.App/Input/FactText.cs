using DebtShield.Core.Loans;
using DebtShield.Import.Figures;
using DebtShield.Import.LoanFiles;

namespace DebtShield.App.Input;

/// <summary>
/// The shapes in which a person types loan facts into the CLI or a web form: the same as the
/// importers accept (<c>¥1,034.50</c>, <c>2026年1月5日</c>, <c>online_platform</c> or <c>网贷平台</c>),
/// so that what works in a file works at the prompt.
/// </summary>
public static class FactText
{
    /// <summary>Reads an amount of yuan.</summary>
    public static bool TryAmount(string text, out decimal yuan) => AmountText.TryParse(text, out yuan);

    /// <summary>Reads a calendar date; the year must be written.</summary>
    public static bool TryDate(string text, out DateOnly date) => DateText.TryParse(text, out date);

    /// <summary>What is wrong with a fact, in the current UI language, without naming the field.</summary>
    public static string Describe(LoanProblemKind kind) => LoanProblemText.Describe(kind);

    /// <summary>
    /// Reads what a payment was applied to by its loan-file name (<c>principal</c>, <c>interest</c>,
    /// <c>fees</c>); <see langword="null"/> for a name we do not know.
    /// </summary>
    public static PaymentTarget? Target(string text) => PaymentTargetNames.Parse(text.Trim());

    /// <summary>A payment designation's name in files and forms; <see langword="null"/> for the statutory order.</summary>
    public static string? TargetName(PaymentTarget target) => PaymentTargetNames.Name(target);

    /// <summary>A loan's problems, worded: "schedule[2].dueDate：…；principal：…".</summary>
    public static string Describe(IEnumerable<LoanProblem> problems) => LoanProblemText.Describe(problems);
}
