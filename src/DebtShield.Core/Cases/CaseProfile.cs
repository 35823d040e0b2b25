namespace DebtShield.Core.Cases;

/// <summary>
/// The case's own facts: what the borrower (or a case worker) calls the case and who the
/// borrower is. The loans and the budget are kept beside it, not in it.
/// </summary>
/// <remarks>
/// The borrower's name, phone, identity number and the notes are the most sensitive facts the
/// product holds; they are optional so that a borrower can keep a case without giving any of
/// them, and the database encrypts them. Text is trimmed, and blank optional text is absent,
/// so that two profiles that say the same thing are equal.
/// </remarks>
public sealed record CaseProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="title">What the case is called (我的网贷); not blank.</param>
    /// <param name="borrowerName">The borrower's name, if given.</param>
    /// <param name="borrowerPhone">The borrower's phone number, if given.</param>
    /// <param name="borrowerIdNumber">The borrower's identity card number, if given.</param>
    /// <param name="notes">Free notes on the case, if any.</param>
    /// <exception cref="ArgumentException">The title is blank.</exception>
    public CaseProfile(
        string title,
        string? borrowerName = null,
        string? borrowerPhone = null,
        string? borrowerIdNumber = null,
        string? notes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title.Trim();
        BorrowerName = Present(borrowerName);
        BorrowerPhone = Present(borrowerPhone);
        BorrowerIdNumber = Present(borrowerIdNumber);
        Notes = Present(notes);
    }

    /// <summary>What the case is called.</summary>
    public string Title { get; }

    /// <summary>The borrower's name.</summary>
    public string? BorrowerName { get; }

    /// <summary>The borrower's phone number.</summary>
    public string? BorrowerPhone { get; }

    /// <summary>The borrower's identity card number (身份证号).</summary>
    public string? BorrowerIdNumber { get; }

    /// <summary>Free notes on the case.</summary>
    public string? Notes { get; }

    private static string? Present(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
