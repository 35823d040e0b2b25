namespace DebtShield.Core.Planning;

/// <summary>How a plan decides which loan gets scarce money first.</summary>
public enum PlanStrategy
{
    /// <summary>Highest real rate first (the contract's true annual cost), for both the dues and any extra money.</summary>
    Avalanche,

    /// <summary>Smallest lawful balance first, for quick wins.</summary>
    Snowball,

    /// <summary>
    /// Licensed lenders that may report to the credit reference centre kept current first, then
    /// the others; extra money to the highest lawful rate, where a yuan saves the most interest the
    /// law supports. Like every plan here it pays only lawful amounts.
    /// </summary>
    LawfulFirst,

    /// <summary>The payments that minimise lawful cost plus the weighted days behind (solved outside Core).</summary>
    Optimized,
}
