namespace DebtShield.Import.LoanTables;

/// <summary>The columns of the loan table (docs/loan-table.md), in the order the writer emits them.</summary>
public enum LoanTableColumn
{
    /// <summary><c>loan</c> / 借款: the loan's name; groups rows into loans.</summary>
    Loan,

    /// <summary><c>lender</c> / 平台.</summary>
    Lender,

    /// <summary><c>lender_kind</c> / 类型.</summary>
    LenderKind,

    /// <summary><c>contract_date</c> / 借款日期.</summary>
    ContractDate,

    /// <summary><c>principal</c> / 合同金额.</summary>
    Principal,

    /// <summary><c>received</c> / 到账金额.</summary>
    Received,

    /// <summary><c>stated_rate</c> / 宣传利率.</summary>
    StatedRate,

    /// <summary><c>stated_per</c> / 利率周期.</summary>
    StatedPer,

    /// <summary><c>stated_method</c> / 计息方式.</summary>
    StatedMethod,

    /// <summary><c>overdue_rate</c> / 逾期利率: the overdue rate the contract agrees.</summary>
    OverdueRate,

    /// <summary><c>overdue_per</c> / 逾期利率周期.</summary>
    OverduePer,

    /// <summary><c>penalty_per_day</c> / 每日违约金: a penalty per day, a fraction of the unpaid principal.</summary>
    PenaltyPerDay,

    /// <summary><c>penalty</c> / 违约金: a penalty as one amount.</summary>
    Penalty,

    /// <summary><c>overdue_fees</c> / 逾期其他费用: other fees for late payment, in total.</summary>
    OverdueFees,

    /// <summary><c>overdue_terms</c> / 逾期约定: <c>none</c> when the contract agrees nothing for late payment.</summary>
    OverdueTerms,

    /// <summary><c>due_date</c> / 到期日.</summary>
    DueDate,

    /// <summary><c>total</c> / 应还.</summary>
    Total,

    /// <summary><c>principal_part</c> / 本金.</summary>
    PrincipalPart,

    /// <summary><c>interest</c> / 利息.</summary>
    Interest,

    /// <summary><c>fees</c> / 费用.</summary>
    Fees,

    /// <summary><c>paid_date</c> / 还款日期.</summary>
    PaidDate,

    /// <summary><c>paid_amount</c> / 实还.</summary>
    PaidAmount,

    /// <summary><c>paid_applies_to</c> / 还款抵充: what the parties applied the payment to.</summary>
    PaidAppliesTo,

    /// <summary><c>fee_name</c> / 前置费用名称.</summary>
    FeeName,

    /// <summary><c>fee_amount</c> / 前置费用.</summary>
    FeeAmount,

    /// <summary><c>fee_date</c> / 前置费用日期.</summary>
    FeeDate,
}

/// <summary>
/// The two names every column may have in a header row: the English key the writer uses (so a
/// written file reads back) and the Chinese header people type in their own spreadsheets.
/// </summary>
public static class LoanTableColumns
{
    private static readonly string[] Keys =
    [
        "loan", "lender", "lender_kind", "contract_date", "principal", "received",
        "stated_rate", "stated_per", "stated_method",
        "overdue_rate", "overdue_per", "penalty_per_day", "penalty", "overdue_fees", "overdue_terms",
        "due_date", "total", "principal_part", "interest", "fees",
        "paid_date", "paid_amount", "paid_applies_to",
        "fee_name", "fee_amount", "fee_date",
    ];

    private static readonly string[] ChineseHeaders =
    [
        "借款", "平台", "类型", "借款日期", "合同金额", "到账金额",
        "宣传利率", "利率周期", "计息方式",
        "逾期利率", "逾期利率周期", "每日违约金", "违约金", "逾期其他费用", "逾期约定",
        "到期日", "应还", "本金", "利息", "费用",
        "还款日期", "实还", "还款抵充",
        "前置费用名称", "前置费用", "前置费用日期",
    ];

    private static readonly Dictionary<string, LoanTableColumn> ByHeader = BuildLookup();

    /// <summary>Every column, in the order the writer emits them.</summary>
    public static IReadOnlyList<LoanTableColumn> All { get; } = Enum.GetValues<LoanTableColumn>();

    /// <summary>The columns a table must have: without them no loan can be built.</summary>
    public static IReadOnlyList<LoanTableColumn> Required { get; } =
        [LoanTableColumn.Loan, LoanTableColumn.LenderKind, LoanTableColumn.ContractDate, LoanTableColumn.Principal, LoanTableColumn.DueDate];

    /// <summary>The English key: <c>due_date</c>.</summary>
    public static string Key(LoanTableColumn column) => Keys[(int)column];

    /// <summary>The Chinese header: 到期日.</summary>
    public static string ChineseHeader(LoanTableColumn column) => ChineseHeaders[(int)column];

    /// <summary>
    /// The column a header names (English key, any case, or Chinese header; surrounding spaces
    /// ignored), or <see langword="null"/> for a header we do not know.
    /// </summary>
    public static LoanTableColumn? Parse(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return ByHeader.TryGetValue(header.Trim(), out var column) ? column : null;
    }

    private static Dictionary<string, LoanTableColumn> BuildLookup()
    {
        var lookup = new Dictionary<string, LoanTableColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in Enum.GetValues<LoanTableColumn>())
        {
            lookup.Add(Keys[(int)column], column);
            lookup.Add(ChineseHeaders[(int)column], column);
        }

        return lookup;
    }
}
