using DebtShield.Core.Loans;

namespace DebtShield.Data.Loans;

/// <summary>A lender or app in one case, as stored; one row however many loans it made.</summary>
public sealed class StoredLender
{
    /// <summary>The lender's key.</summary>
    public Guid Id { get; set; }

    /// <summary>The case it belongs to.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The name the borrower knows it by; unique within the case.</summary>
    public string Name { get; set; } = "";

    /// <summary>The kind of lender, which decides the caps that apply.</summary>
    public LenderKind Kind { get; set; }

    /// <summary>The Core lender.</summary>
    public Lender ToLender() => new(Name, Kind);
}
