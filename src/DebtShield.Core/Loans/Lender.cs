namespace DebtShield.Core.Loans;

/// <summary>Who lent the money, as far as the borrower knows.</summary>
/// <param name="Name">The name the borrower knows the lender or app by.</param>
/// <param name="Kind">The kind of lender, which decides which rate caps apply.</param>
public sealed record Lender(string Name, LenderKind Kind);

/// <summary>
/// The kind of lender. The law treats them differently: licensed institutions fall under
/// financial regulation, private lending under the judicial interpretation on private lending.
/// </summary>
public enum LenderKind
{
    /// <summary>The borrower does not know; the product shows every view that could apply.</summary>
    Unknown,

    /// <summary>A licensed bank (银行).</summary>
    Bank,

    /// <summary>A licensed consumer finance company (消费金融公司).</summary>
    ConsumerFinance,

    /// <summary>A licensed microloan company (小额贷款公司), online or not.</summary>
    Microloan,

    /// <summary>An internet platform or app that arranges loans (网贷平台, 助贷).</summary>
    OnlinePlatform,

    /// <summary>A private person or unlicensed business (民间借贷).</summary>
    PrivateIndividual,

    /// <summary>
    /// A lender with no licence to lend that lends to the public for profit (职业放贷人): its
    /// contracts are void (2020 rules Art 13 item 3), which the borrower asserts and a court decides.
    /// </summary>
    UnlicensedLender,
}
