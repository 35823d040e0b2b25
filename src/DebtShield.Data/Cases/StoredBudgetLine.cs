using DebtShield.Core;
using DebtShield.Core.Budget;

namespace DebtShield.Data.Cases;

/// <summary>One line of a case's monthly budget, as stored.</summary>
public sealed class StoredBudgetLine
{
    /// <summary>The case it belongs to.</summary>
    public Guid CaseId { get; set; }

    /// <summary>Its place in the budget, from 0.</summary>
    public int Position { get; set; }

    /// <summary>Income or essential expense.</summary>
    public BudgetLineKind Kind { get; set; }

    /// <summary>What it is.</summary>
    public string Name { get; set; } = "";

    /// <summary>The amount per month.</summary>
    public Money Monthly { get; set; }

    /// <summary>The Core budget line.</summary>
    public BudgetLine ToBudgetLine() => new(Kind, Name, Monthly);

    /// <summary>Stores a Core budget line at a position.</summary>
    public static StoredBudgetLine From(Guid caseId, int position, BudgetLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new StoredBudgetLine { CaseId = caseId, Position = position, Kind = line.Kind, Name = line.Name, Monthly = line.Monthly };
    }
}
