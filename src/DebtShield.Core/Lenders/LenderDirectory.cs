using DebtShield.Core.Law;
using DebtShield.Core.Loans;

namespace DebtShield.Core.Lenders;

/// <summary>
/// The local, versioned reference list of licensed institutions (<c>data/lenders/</c>) and the
/// matching of a lender or app name against it. The answer never says more than the list
/// supports: a name found is "a licensed consumer finance company" or "a bank" with the list
/// entry's own status; a name not found is "unknown — not on the list", never "unlicensed".
/// </summary>
public sealed class LenderDirectory
{
    private readonly Dictionary<string, (LicensedInstitution Institution, NameForm Form)> _byKey;

    /// <summary>Creates the directory; two institutions may not share a name.</summary>
    /// <exception cref="ArgumentException">Two entries share a name (after normalising), or a name normalises to nothing.</exception>
    public LenderDirectory(string version, DateOnly lastChecked, IEnumerable<LicensedInstitution> institutions, IEnumerable<InstitutionKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(institutions);
        ArgumentNullException.ThrowIfNull(kinds);
        Version = version;
        LastChecked = lastChecked;
        Institutions = [.. institutions];
        Kinds = [.. kinds];
        _byKey = new Dictionary<string, (LicensedInstitution, NameForm)>(StringComparer.Ordinal);
        foreach (var institution in Institutions)
        {
            Add(institution.Name, institution, NameForm.FullName);
            foreach (var alias in institution.Aliases)
            {
                Add(alias, institution, NameForm.ShortName);
            }

            foreach (var app in institution.Apps)
            {
                Add(app, institution, NameForm.AppName);
            }

            foreach (var former in institution.FormerNames)
            {
                Add(former, institution, NameForm.FormerName);
            }
        }
    }

    /// <summary>The list's version.</summary>
    public string Version { get; }

    /// <summary>When the list was last checked.</summary>
    public DateOnly LastChecked { get; }

    /// <summary>Every institution on the list.</summary>
    public IReadOnlyList<LicensedInstitution> Institutions { get; }

    /// <summary>The kinds of institution and what each means for the legal engine.</summary>
    public IReadOnlyList<InstitutionKind> Kinds { get; }

    /// <summary>Matches a lender or app name.</summary>
    public LenderMatch Match(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = LenderName.Key(name);
        if (key.Length > 0 && _byKey.TryGetValue(key, out var hit))
        {
            return new LenderMatch(name, hit.Institution, hit.Form, hit.Institution.Kind, [], []);
        }

        var hints = Kinds.Where(k => k.NameHints.Any(h => key.Contains(LenderName.Key(h), StringComparison.Ordinal))).ToArray();
        var suggestions = key.Length < 2
            ? []
            : Institutions
                .Select(i => (Institution: i, Distance: AllNames(i).Min(n => Closeness(key, LenderName.Key(n)))))
                .Where(s => s.Distance <= SuggestionDistance(key))
                .OrderBy(s => s.Distance)
                .ThenBy(s => s.Institution.Name, StringComparer.Ordinal)
                .Take(3)
                .Select(s => s.Institution)
                .ToArray();
        return new LenderMatch(name, null, null, LenderKind.Unknown, hints, suggestions);
    }

    /// <summary>
    /// How far a name may be from an entry (in edits) to be suggested: none for names under four
    /// characters (any two short names are two edits apart), one up to five, two beyond.
    /// Suggestions never match.
    /// </summary>
    public static int SuggestionDistance(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length >= 6 ? 2 : key.Length >= 4 ? 1 : 0;
    }

    private static int Closeness(string key, string candidate) =>
        candidate.Contains(key, StringComparison.Ordinal) ? 0 : LenderName.Distance(key, candidate, SuggestionDistance(key));

    private static IEnumerable<string> AllNames(LicensedInstitution institution) =>
        [institution.Name, .. institution.Aliases, .. institution.Apps, .. institution.FormerNames];

    private void Add(string name, LicensedInstitution institution, NameForm form)
    {
        var key = LenderName.Key(name);
        if (key.Length == 0)
        {
            throw new ArgumentException("The name \"" + name + "\" normalises to nothing.", nameof(institution));
        }

        if (_byKey.TryGetValue(key, out var existing) && existing.Institution != institution)
        {
            throw new ArgumentException("The name \"" + name + "\" belongs to both " + existing.Institution.Name + " and " + institution.Name + ".", nameof(institution));
        }

        _byKey.TryAdd(key, (institution, form));
    }
}

/// <summary>One licensed institution on the reference list.</summary>
/// <param name="Name">The full registered name as the list gives it.</param>
/// <param name="Kind">Its kind for the legal engine: <see cref="LenderKind.ConsumerFinance"/> or <see cref="LenderKind.Bank"/>.</param>
/// <param name="Aliases">Short names it is known by.</param>
/// <param name="Apps">App or product names, only where a source ties them to it.</param>
/// <param name="FormerNames">Names it had before a rename.</param>
/// <param name="Status">How well the entry is sourced.</param>
/// <param name="Sources">Source ids of the list file.</param>
public sealed record LicensedInstitution(
    string Name,
    LenderKind Kind,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Apps,
    IReadOnlyList<string> FormerNames,
    FactStatus Status,
    IReadOnlyList<string> Sources);

/// <summary>A kind of institution and what it means for the legal engine.</summary>
/// <param name="Id">The id, such as <c>consumer_finance</c>.</param>
/// <param name="LenderKind">The legal engine's kind, or <see langword="null"/> when such a company is not itself the lender (a guarantor).</param>
/// <param name="NameHints">Words a company name of this kind often contains.</param>
/// <param name="Citations">Ids in <c>data/law/citations.json</c>.</param>
/// <param name="ChineseName">The kind's name in Chinese.</param>
/// <param name="EnglishName">The kind's name in English.</param>
/// <param name="ChineseExplanation">What it means, in Chinese.</param>
/// <param name="EnglishExplanation">What it means, in English.</param>
public sealed record InstitutionKind(
    string Id,
    LenderKind? LenderKind,
    IReadOnlyList<string> NameHints,
    IReadOnlyList<string> Citations,
    string ChineseName,
    string EnglishName,
    string ChineseExplanation,
    string EnglishExplanation);

/// <summary>Which of an institution's names matched.</summary>
public enum NameForm
{
    /// <summary>The full registered name.</summary>
    FullName,

    /// <summary>A short name.</summary>
    ShortName,

    /// <summary>An app or product name.</summary>
    AppName,

    /// <summary>A name it had before a rename.</summary>
    FormerName,
}

/// <summary>The outcome of matching a name.</summary>
/// <param name="Query">The name as given.</param>
/// <param name="Institution">The institution matched, or <see langword="null"/>: not on the list.</param>
/// <param name="Form">Which of its names matched.</param>
/// <param name="LenderKind">The kind for the legal engine: the institution's, else <see cref="LenderKind.Unknown"/>.</param>
/// <param name="NameHints">When not matched: the kinds whose words the name contains (what the name says, not a licence).</param>
/// <param name="Suggestions">When not matched: listed institutions with a similar name, never a match.</param>
public sealed record LenderMatch(
    string Query,
    LicensedInstitution? Institution,
    NameForm? Form,
    LenderKind LenderKind,
    IReadOnlyList<InstitutionKind> NameHints,
    IReadOnlyList<LicensedInstitution> Suggestions);
