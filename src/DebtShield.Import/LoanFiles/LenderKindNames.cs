using DebtShield.Core.Loans;

namespace DebtShield.Import.LoanFiles;

/// <summary>The names lender kinds have in loan files, reports and the legal data: <c>consumer_finance</c>…</summary>
public static class LenderKindNames
{
    private static readonly Dictionary<string, LenderKind> ByName = new(StringComparer.Ordinal)
    {
        ["bank"] = LenderKind.Bank,
        ["consumer_finance"] = LenderKind.ConsumerFinance,
        ["microloan"] = LenderKind.Microloan,
        ["online_platform"] = LenderKind.OnlinePlatform,
        ["private_individual"] = LenderKind.PrivateIndividual,
        ["unknown"] = LenderKind.Unknown,
    };

    private static readonly Dictionary<LenderKind, string> ByKind = ByName.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>The kind a name stands for, or <see langword="null"/> for a name we do not know.</summary>
    public static LenderKind? Parse(string name) => ByName.TryGetValue(name, out var kind) ? kind : null;

    /// <summary>The name of a kind.</summary>
    public static string Name(LenderKind kind) => ByKind[kind];
}
