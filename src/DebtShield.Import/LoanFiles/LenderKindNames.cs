using DebtShield.Core.Loans;

namespace DebtShield.Import.LoanFiles;

/// <summary>
/// The names lender kinds have: the wire id of loan files, reports and the legal data
/// (<c>consumer_finance</c>…), and the Chinese names people type in tables, prompts and options
/// (<c>消费金融公司</c>…). Every reader of a lender kind parses through <see cref="Parse"/>, so a name
/// one door offers is accepted by every other.
/// </summary>
public static class LenderKindNames
{
    private static readonly Dictionary<string, LenderKind> ByWireId = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bank"] = LenderKind.Bank,
        ["consumer_finance"] = LenderKind.ConsumerFinance,
        ["microloan"] = LenderKind.Microloan,
        ["online_platform"] = LenderKind.OnlinePlatform,
        ["private_individual"] = LenderKind.PrivateIndividual,
        ["unlicensed_lender"] = LenderKind.UnlicensedLender,
        ["unknown"] = LenderKind.Unknown,
    };

    /// <summary>The Chinese names the prompts, tables and pages use for each kind, synonyms included.</summary>
    private static readonly Dictionary<string, LenderKind> ByChineseName = new(StringComparer.Ordinal)
    {
        ["银行"] = LenderKind.Bank,
        ["消费金融公司"] = LenderKind.ConsumerFinance,
        ["小额贷款公司"] = LenderKind.Microloan,
        ["网贷平台"] = LenderKind.OnlinePlatform,
        ["网络借贷平台"] = LenderKind.OnlinePlatform,
        ["民间借贷"] = LenderKind.PrivateIndividual,
        ["个人"] = LenderKind.PrivateIndividual,
        ["职业放贷人"] = LenderKind.UnlicensedLender,
        ["无放贷资质的放贷人"] = LenderKind.UnlicensedLender,
        ["未取得放贷资格的职业放贷人"] = LenderKind.UnlicensedLender,
        ["未知"] = LenderKind.Unknown,
        ["不清楚"] = LenderKind.Unknown,
        ["类型不明"] = LenderKind.Unknown,
    };

    private static readonly Dictionary<LenderKind, string> WireIdOf = ByWireId.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>
    /// The kind a wire id (in any letter case) or a Chinese name stands for, or
    /// <see langword="null"/> for a name we do not know.
    /// </summary>
    public static LenderKind? Parse(string name) =>
        ByWireId.TryGetValue(name, out var kind) || ByChineseName.TryGetValue(name, out kind) ? kind : null;

    /// <summary>The wire id of a kind.</summary>
    public static string Name(LenderKind kind) => WireIdOf[kind];
}
