using DebtShield.Core.Loans;
using DebtShield.Core.Reading;

namespace DebtShield.Import.PastedText;

/// <summary>What a lender's app says about an instalment's state; the ledger turns paid rows into payments (Core's <c>PaidInstalments</c>).</summary>
public enum InstalmentStatus
{
    /// <summary>The line says nothing about it.</summary>
    Unstated,

    /// <summary>已还, 已还清, 已结清.</summary>
    Paid,

    /// <summary>待还, 未还.</summary>
    Due,

    /// <summary>逾期, 已逾期 N 天.</summary>
    Overdue,
}

/// <summary>What the reader made of one non-blank pasted line.</summary>
public enum PastedLineKind
{
    /// <summary>A heading such as 还款计划 or 期数 日期 金额, ignored.</summary>
    Heading,

    /// <summary>An instalment.</summary>
    Instalment,

    /// <summary>Not understood; the reading has an error for it.</summary>
    NotUnderstood,
}

/// <summary>An instalment read from a pasted line.</summary>
/// <param name="Line">The 1-based line it came from.</param>
/// <param name="Number">The instalment number the line gave (第3期 → 3), if any.</param>
/// <param name="Instalment">Due date, total and the parts the line gave.</param>
/// <param name="Status">What the line said about its state.</param>
public sealed record PastedInstalment(int Line, int? Number, Instalment Instalment, InstalmentStatus Status);

/// <summary>One non-blank pasted line and what was understood of it.</summary>
/// <param name="Number">The 1-based line number.</param>
/// <param name="Text">The line as pasted.</param>
/// <param name="Kind">What it was taken for.</param>
/// <param name="Instalment">The instalment, when the line was understood as one.</param>
public sealed record PastedLine(int Number, string Text, PastedLineKind Kind, PastedInstalment? Instalment);

/// <summary>
/// The outcome of reading a pasted repayment screen: every line with what was understood, and
/// either the schedule in date order or the errors (never a schedule with a line guessed at).
/// </summary>
public sealed class PastedScheduleReading
{
    internal PastedScheduleReading(IReadOnlyList<PastedLine> lines, IReadOnlyList<PastedInstalment> instalments, IReadOnlyList<ReadingProblem> errors)
    {
        Lines = lines;
        Instalments = instalments;
        Errors = errors;
    }

    /// <summary>Every non-blank line, in input order.</summary>
    public IReadOnlyList<PastedLine> Lines { get; }

    /// <summary>The instalments in date order; empty when there are errors.</summary>
    public IReadOnlyList<PastedInstalment> Instalments { get; }

    /// <summary>The schedule, ready for <see cref="Loan.Create"/>; empty when there are errors.</summary>
    public IReadOnlyList<Instalment> Schedule => [.. Instalments.Select(i => i.Instalment)];

    /// <summary>The lines ignored as headings.</summary>
    public IReadOnlyList<PastedLine> IgnoredHeadings => [.. Lines.Where(l => l.Kind == PastedLineKind.Heading)];

    /// <summary>Every line that could not be taken, by line.</summary>
    public IReadOnlyList<ReadingProblem> Errors { get; }

    /// <summary>True when every non-blank line was understood and the instalments agree with each other.</summary>
    public bool Succeeded => Errors.Count == 0;
}
