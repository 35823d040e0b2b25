using System.Globalization;

namespace DebtShield.Core.Vocabulary;

/// <summary>
/// The words of one closed set of the domain (lender kinds, rate units, recipients, channels): for
/// each member, its wire id and its names in the product's two languages, and one parser that
/// accepts all of them.
/// </summary>
/// <remarks>
/// <para>
/// A wire id is what files, reports, the evidence record and URLs write (<c>online_platform</c>). It
/// is spelled out here, never derived from the member's name, so renaming a member cannot change
/// public JSON or the bytes an evidence hash covers.
/// </para>
/// <para>
/// Every reader, prompt, form and document goes through one vocabulary, so a word one door offers is
/// a word every other door accepts: <c>网贷平台</c>, <c>网络借贷平台</c>, <c>online_platform</c> and
/// <c>online lending platform</c> all read as the same kind.
/// </para>
/// </remarks>
/// <typeparam name="T">The enum whose members the vocabulary names; each member has exactly one term.</typeparam>
public sealed class Vocabulary<T> : IVocabulary
    where T : struct, Enum
{
    // Indexed by the member's value, and dictionaries of values: no collection over T (MemberIndex).
    private readonly Term<T>?[] _byMember;
    private readonly Dictionary<string, int> _byWord;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byWordInText;

    /// <param name="terms">One term per member, in the order choices are offered.</param>
    /// <param name="ledgerIds">
    /// What the ledger's database stores for each member; <see langword="null"/> when the ledger stores
    /// the wire ids (a set first stored after the ids were pinned, such as the conduct labels).
    /// </param>
    internal Vocabulary(IReadOnlyList<Term<T>> terms, IReadOnlyList<(T Member, string Id)>? ledgerIds = null)
    {
        var values = MemberIndex.Values<T>();
        _byMember = new Term<T>?[MemberIndex.TableLength(values)];
        var ids = new (T Member, string Id)[terms.Count];
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            var value = MemberIndex.Of(term.Member);
            if (value < 0 || value >= _byMember.Length || _byMember[value] is not null)
            {
                throw new ArgumentException($"{typeof(T).Name}: {term.Member} has two terms.", nameof(terms));
            }

            _byMember[value] = term;
            ids[i] = (term.Member, term.WireId);
        }

        var missing = new List<string>();
        foreach (var value in values)
        {
            if (_byMember[value] is null)
            {
                missing.Add(MemberIndex.Name<T>(value));
            }
        }

        if (missing.Count > 0)
        {
            throw new ArgumentException($"{typeof(T).Name}: no term for {string.Join(", ", missing)}.", nameof(terms));
        }

        _byWord = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in terms)
        {
            var value = MemberIndex.Of(term.Member);
            foreach (var word in term.Words())
            {
                if (_byWord.TryGetValue(word, out var other) && other != value)
                {
                    throw new ArgumentException($"{typeof(T).Name}: \"{word}\" names both {MemberIndex.Name<T>(other)} and {term.Member}.", nameof(terms));
                }

                _byWord[word] = value;
            }
        }

        _byWordInText = _byWord.GetAlternateLookup<ReadOnlySpan<char>>();
        Terms = terms;
        Ids = new global::DebtShield.Core.Vocabulary.WireIds<T>(ids);
        LedgerIds = ledgerIds is null ? Ids : new global::DebtShield.Core.Vocabulary.WireIds<T>([.. ledgerIds]);
    }

    /// <summary>Every term, in the order the vocabulary lists them (the order choices are offered in).</summary>
    public IReadOnlyList<Term<T>> Terms { get; }

    /// <summary>The term of a member.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="member"/> is not a defined member.</exception>
    public Term<T> this[T member]
    {
        get
        {
            var value = MemberIndex.Of(member);
            return value >= 0 && value < _byMember.Length && _byMember[value] is { } term
                ? term
                : throw new ArgumentOutOfRangeException(nameof(member), member, null);
        }
    }

    /// <summary>The member's wire id (<c>online_platform</c>).</summary>
    public string WireId(T member) => this[member].WireId;

    /// <summary>The terms' wire ids as a table a file format reads exactly (a backup), without the names and synonyms <see cref="TryParse(string?, out T)"/> accepts.</summary>
    public global::DebtShield.Core.Vocabulary.WireIds<T> Ids { get; }

    /// <summary>
    /// The ids the ledger's database stores for the members (<c>OnlinePlatform</c>): a second id per
    /// member, spelled out beside the wire ids, never derived from the member's name.
    /// </summary>
    /// <remarks>
    /// The ledgers written so far (SQLite files on borrowers' computers, organisations' PostgreSQL
    /// databases) hold the members' names as they were when the columns were first written, so those
    /// names are the stored ids and stay so whatever the members are later called: an existing ledger
    /// opens unchanged, with no migration rewriting its evidence rows, and a ledger written by this
    /// version still opens in the version before it. A member added later may take its wire id as its
    /// stored id. <c>DebtShield.Data</c>'s enum columns store and read through this table only.
    /// </remarks>
    public global::DebtShield.Core.Vocabulary.WireIds<T> LedgerIds { get; }

    /// <summary>
    /// Reads a member from its wire id, its name or formal name in either language, or an accepted
    /// synonym; surrounding white space and the letter case of Latin letters do not matter.
    /// </summary>
    public bool TryParse(string? text, out T member)
    {
        member = default;
        return text is not null && TryParse(text.AsSpan(), out member);
    }

    /// <summary>
    /// <see cref="TryParse(string?, out T)"/> for text that is not a string of its own: a word
    /// inside a line a batch reads, read without making a string of it.
    /// </summary>
    public bool TryParse(ReadOnlySpan<char> text, out T member)
    {
        member = default;
        if (!_byWordInText.TryGetValue(text.Trim(), out var value))
        {
            return false;
        }

        member = MemberIndex.Member<T>(value);
        return true;
    }

    /// <summary>The member <paramref name="text"/> names (see <see cref="TryParse(string?, out T)"/>), or <see langword="null"/>.</summary>
    public T? Parse(string? text) => TryParse(text, out var member) ? member : null;

    /// <inheritdoc/>
    public Type Members => typeof(T);

    /// <inheritdoc/>
    public string WireIds(CultureInfo language) => ChoiceList.Join(Terms.Select(t => t.WireId), language);

    /// <inheritdoc/>
    public string Names(CultureInfo language) => ChoiceList.Join(Terms.Select(t => t.Name(language)), language);
}

/// <summary>
/// A vocabulary seen without its enum: what a message needs to offer its choices, so a message
/// never spells them itself and a member added later is offered everywhere at once.
/// </summary>
public interface IVocabulary
{
    /// <summary>The enum whose members the vocabulary names.</summary>
    Type Members { get; }

    /// <summary>
    /// The wire ids, listed the way <paramref name="language"/> lists words (<c>day、month、year</c>
    /// in Chinese, <c>day, month, year</c> in English), for a message that offers the choices.
    /// </summary>
    string WireIds(CultureInfo language);

    /// <summary>The everyday names in <paramref name="language"/>, listed the way that language lists words.</summary>
    string Names(CultureInfo language);
}

/// <summary>How the product's two languages list words: <c>、</c> between Chinese ones, a comma between English ones.</summary>
internal static class ChoiceList
{
    /// <summary><paramref name="items"/> as one list in <paramref name="language"/> (zh-CN unless it is English).</summary>
    public static string Join(IEnumerable<string> items, CultureInfo language) =>
        string.Join(language.TwoLetterISOLanguageName == "en" ? ", " : "、", items);
}
