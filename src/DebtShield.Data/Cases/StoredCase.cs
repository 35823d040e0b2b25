namespace DebtShield.Data.Cases;

/// <summary>
/// One borrower's situation as stored: who they are, their monthly budget, their lenders and
/// loans. A clinic's server holds many; a borrower's own file usually holds one.
/// </summary>
/// <remarks>
/// The text fields that identify the borrower hold <em>stored</em> text: plain when the ledger
/// has no passphrase, sealed by <see cref="Protection.LedgerCipher"/> when it has one. Read and
/// write them through <see cref="ReadProfile"/> and <see cref="WriteProfile"/>, never directly.
/// </remarks>
public sealed class StoredCase
{
    /// <summary>The case's key.</summary>
    public Guid Id { get; set; }

    /// <summary>When the case was opened.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The case's title, stored (sealed when protected).</summary>
    public string Title { get; set; } = "";

    /// <summary>The borrower's name, stored.</summary>
    public string? BorrowerName { get; set; }

    /// <summary>The borrower's phone number, stored.</summary>
    public string? BorrowerPhone { get; set; }

    /// <summary>The borrower's ID number (身份证号), stored.</summary>
    public string? BorrowerIdNumber { get; set; }

    /// <summary>Free notes, stored.</summary>
    public string? Notes { get; set; }

    /// <summary>How many entries the case's evidence chain holds: the head's count.</summary>
    public int EvidenceCount { get; set; }

    /// <summary>The last evidence entry's hash (64 zeros when there is none): the head's hash.</summary>
    public string EvidenceHead { get; set; } = Core.Evidence.ContentHash.Genesis.Hex;

    /// <summary>
    /// Counts the changes to the case's loans and everything their figures are computed from
    /// (lenders, schedules, fees, payments). The ledger raises it on every such save, so that
    /// figures computed from the loans can be kept until it moves.
    /// </summary>
    public int LoansRevision { get; set; }

    /// <summary>The monthly budget, in the order the borrower gave it.</summary>
    public List<StoredBudgetLine> Budget { get; } = [];

    /// <summary>The lenders of this case's loans.</summary>
    public List<Loans.StoredLender> Lenders { get; } = [];

    /// <summary>The loans.</summary>
    public List<Loans.StoredLoan> Loans { get; } = [];

    /// <summary>Opens the sensitive fields with the ledger's cipher.</summary>
    public Core.Cases.CaseProfile ReadProfile(Protection.LedgerCipher cipher)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        return new Core.Cases.CaseProfile(
            cipher.Open(Title, Sealed(SealedColumns.Title))!,
            cipher.Open(BorrowerName, Sealed(SealedColumns.BorrowerName)),
            cipher.Open(BorrowerPhone, Sealed(SealedColumns.BorrowerPhone)),
            cipher.Open(BorrowerIdNumber, Sealed(SealedColumns.BorrowerIdNumber)),
            cipher.Open(Notes, Sealed(SealedColumns.Notes)));
    }

    /// <summary>Opens the title alone, which is all a case list needs.</summary>
    public string ReadTitle(Protection.LedgerCipher cipher)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        return cipher.Open(Title, Sealed(SealedColumns.Title))!;
    }

    /// <summary>Seals the profile's fields with the ledger's cipher and stores them.</summary>
    public void WriteProfile(Core.Cases.CaseProfile profile, Protection.LedgerCipher cipher)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(cipher);
        Title = cipher.Seal(profile.Title, Sealed(SealedColumns.Title))!;
        BorrowerName = cipher.Seal(profile.BorrowerName, Sealed(SealedColumns.BorrowerName));
        BorrowerPhone = cipher.Seal(profile.BorrowerPhone, Sealed(SealedColumns.BorrowerPhone));
        BorrowerIdNumber = cipher.Seal(profile.BorrowerIdNumber, Sealed(SealedColumns.BorrowerIdNumber));
        Notes = cipher.Seal(profile.Notes, Sealed(SealedColumns.Notes));
    }

    /// <summary>
    /// A sealed field's associated data: its column and this case's key, so a sealed value copied
    /// into another column, or into another case's row, does not open there.
    /// </summary>
    private string Sealed(string column) => column + ":" + Id.ToString("N");

    /// <summary>The sealed columns' names.</summary>
    internal static class SealedColumns
    {
        public const string Title = "cases.title";
        public const string BorrowerName = "cases.borrower_name";
        public const string BorrowerPhone = "cases.borrower_phone";
        public const string BorrowerIdNumber = "cases.borrower_id_number";
        public const string Notes = "cases.notes";
    }
}
