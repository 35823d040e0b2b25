using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.Core.Budget;
using DebtShield.Core.Vocabulary;
using DebtShield.Data.Cases;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.Budgets;

/// <summary>
/// Use case: the borrower's monthly income and essential expenses, the ceiling of every
/// repayment plan and negotiation offer. Set as a whole, so what is stored is always one
/// consistent budget.
/// </summary>
public static class CaseBudget
{
    /// <summary>The case's budget (empty when the ledger has no case yet).</summary>
    public static Task<BudgetReport> ShowAsync(OpenLedger ledger, CaseReference @case, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.ReadAsync(async (context, token) =>
        {
            var stored = await CaseBook.FindAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            var lines = stored is null
                ? []
                : await context.BudgetLines.AsNoTracking().Where(b => b.CaseId == stored.Id).OrderBy(b => b.Position).ToListAsync(token).ConfigureAwait(false);
            return BudgetReport.From(stored?.ReadTitle(ledger.Cipher), new MonthlyBudget(lines.Select(l => l.ToBudgetLine(ledger.Cipher))));
        }, cancellationToken);
    }

    /// <summary>Replaces the case's budget with <paramref name="budget"/> (opening the default case when the ledger has none).</summary>
    public static Task<BudgetReport> SetAsync(OpenLedger ledger, CaseReference @case, MonthlyBudget budget, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(time);
        return ledger.WriteAsync(async (context, token) =>
        {
            var stored = await CaseBook.FindOrCreateAsync(context, ledger.Cipher, @case, time, token).ConfigureAwait(false);
            await context.BudgetLines.Where(b => b.CaseId == stored.Id).ExecuteDeleteAsync(token).ConfigureAwait(false);
            context.BudgetLines.AddRange(budget.Lines.Select((line, position) => StoredBudgetLine.From(stored.Id, position, line, ledger.Cipher)));
            return BudgetReport.From(stored.ReadTitle(ledger.Cipher), budget);
        }, cancellationToken);
    }
}

/// <summary>A case's monthly budget as the CLI and the web app show it.</summary>
/// <param name="Case">The case's title; null when the ledger has no case.</param>
/// <param name="Lines">Every line, in order.</param>
/// <param name="Income">All income a month.</param>
/// <param name="EssentialExpenses">All essential expenses a month.</param>
/// <param name="LeftForDebts">What is left a month for debts; negative when the essentials exceed the income.</param>
public sealed record BudgetReport(string? Case, IReadOnlyList<BudgetLineFigure> Lines, decimal Income, decimal EssentialExpenses, decimal LeftForDebts)
{
    /// <summary>The report of a budget.</summary>
    /// <param name="title">The case's title as the report shows it (the case was found by its id); null when the ledger has no case.</param>
    /// <param name="budget">The budget.</param>
    public static BudgetReport From(string? title, MonthlyBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return new BudgetReport(
            title,
            [.. budget.Lines.Select(l => new BudgetLineFigure(Vocabularies.BudgetLineKinds.Ids.Of(l.Kind), l.Name, l.Monthly.Yuan))],
            budget.Income.Yuan,
            budget.EssentialExpenses.Yuan,
            budget.LeftForDebts.Yuan);
    }
}

/// <summary>One budget line in a report.</summary>
/// <param name="Kind"><c>income</c> or <c>essential_expense</c>, as in the case file.</param>
/// <param name="Name">What it is.</param>
/// <param name="Monthly">The amount a month.</param>
public sealed record BudgetLineFigure(string Kind, string Name, decimal Monthly);
