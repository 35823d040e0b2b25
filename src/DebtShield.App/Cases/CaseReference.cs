namespace DebtShield.App.Cases;

/// <summary>
/// Which case a use case is about: the ledger's only case, the case with a title, or the case
/// with an id. The CLI names a case by its title (<c>--case 张三</c>), which a borrower can type,
/// or by its id, as <c>case list --json</c> and the web app give it (<see cref="Named"/>);
/// the web app names it only by its id, because titles are often the borrower's name and must not
/// travel in addresses, logs and browser histories, and because in multi-user mode two accounts
/// may each have a case with the same title.
/// </summary>
/// <remarks>
/// The default value is <see cref="Only"/>. A title converts implicitly (null meaning the only
/// case), so the CLI passes its <c>--case</c> option as it reads it.
/// </remarks>
public readonly record struct CaseReference
{
    private CaseReference(Guid? id, string? title)
    {
        Id = id;
        Title = title;
    }

    /// <summary>The ledger's only case (refused when there are several).</summary>
    public static CaseReference Only => default;

    /// <summary>The case's key; null unless the case is named by id (or by <see cref="Named"/> words that read as one).</summary>
    public Guid? Id { get; }

    /// <summary>
    /// The case's title, trimmed; null unless the case is named by title. With an <see cref="Id"/>
    /// too, the words may be either (<see cref="Named"/>): the case with that id, else the case with
    /// that title.
    /// </summary>
    public string? Title { get; }

    /// <summary>Whether no case is named, so the ledger's only case is meant.</summary>
    public bool IsOnly => Id is null && Title is null;

    /// <summary>The case with the key <paramref name="id"/>.</summary>
    public static CaseReference ById(Guid id) => new(id, null);

    /// <summary>
    /// The case a person named by typing (the CLI's <c>--case</c>): its id when
    /// <paramref name="named"/> reads as one and a case has it, else the case with that title; the
    /// only case when it is null. A title that happens to read as an id still finds its case.
    /// </summary>
    public static CaseReference Named(string? named) =>
        named is null ? Only : Guid.TryParse(named.Trim(), out var id) ? new(id, named.Trim()) : ByTitle(named);

    /// <summary>The case titled <paramref name="title"/>; the only case when it is null.</summary>
    public static CaseReference ByTitle(string? title) => title is null ? Only : new(null, title.Trim());

    /// <summary>The case titled <paramref name="title"/>; the only case when it is null (see <see cref="ByTitle"/>).</summary>
    public static implicit operator CaseReference(string? title) => ByTitle(title);

    /// <inheritdoc/>
    public override string ToString() => Id?.ToString() ?? Title ?? "";
}
