using DebtShield.Core;
using DebtShield.Core.Budget;
using DebtShield.Data.Protection;

namespace DebtShield.Data.Cases;

/// <summary>
/// One line of a case's monthly budget, as stored. Its name says where money comes from and goes
/// ("看病", "还给妈妈"): sealed when the ledger is protected, bound to its case and position.
/// </summary>
public sealed class StoredBudgetLine
{
    /// <summary>The case it belongs to.</summary>
    public Guid CaseId { get; set; }

    /// <summary>Its place in the budget, from 0.</summary>
    public int Position { get; set; }

    /// <summary>Income or essential expense.</summary>
    public BudgetLineKind Kind { get; set; }

    /// <summary>What it is, stored (sealed when protected).</summary>
    public string Name { get; set; } = "";

    /// <summary>The amount per month.</summary>
    public Money Monthly { get; set; }

    /// <summary>The Core budget line, its name opened.</summary>
    /// <exception cref="LedgerException">The stored name does not open (it was edited).</exception>
    public BudgetLine ToBudgetLine(LedgerCipher cipher)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        return new(Kind, cipher.Open(Name, SealedName) ?? "", Monthly);
    }

    /// <summary>Stores a Core budget line at a position, its name sealed when the ledger is protected.</summary>
    public static StoredBudgetLine From(Guid caseId, int position, BudgetLine line, LedgerCipher cipher)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(cipher);
        var stored = new StoredBudgetLine { CaseId = caseId, Position = position, Kind = line.Kind, Monthly = line.Monthly };
        stored.Name = cipher.Seal(line.Name, stored.SealedName)!;
        return stored;
    }

    /// <summary>
    /// Seals the name of a line stored plain: one stored before the ledger was protected, or by a
    /// version that did not seal budget names. A name already sealed is left as it is.
    /// </summary>
    internal void SealWith(LedgerCipher sealing)
    {
        try
        {
            sealing.Open(Name, SealedName);
        }
        catch (LedgerException)
        {
            Name = sealing.Seal(Name, SealedName)!;
        }
    }

    private string SealedName => "budget_lines.name:" + CaseId.ToString("N") + ":" + Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
