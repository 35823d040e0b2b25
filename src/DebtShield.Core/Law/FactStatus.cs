namespace DebtShield.Core.Law;

/// <summary>
/// How well a legal fact has been checked. A borrower acts on what the product says, so every
/// conclusion carries the weakest status among the facts it rests on, and anything short of
/// <see cref="Verified"/> is shown as such.
/// </summary>
public enum FactStatus
{
    /// <summary>Checked against the full text of the instrument.</summary>
    Verified,

    /// <summary>Only third-party material says so: plausible, not checked against the instrument.</summary>
    Secondary,

    /// <summary>From background knowledge, or sources conflict.</summary>
    Uncertain,
}
