namespace DebtShield.Core.Vocabulary;

/// <summary>
/// The id each member of an enum has in files and JSON, spelled out member by member, and read back
/// only as written.
/// </summary>
/// <remarks>
/// <para>
/// An id is part of a format someone keeps (a backup restored years later, a report a script reads),
/// so it is never derived from the member's name: renaming a member must not change a byte of what
/// was written, nor stop an old file from being read. A vocabulary's ids come from its terms
/// (<see cref="Vocabulary{T}.Ids"/>); a closed set that people never type (a payment's designation,
/// a budget line's side, a chain break) keeps its ids beside its enum.
/// </para>
/// <para>
/// Every member has exactly one id and no two share one, checked when the table is made, so a member
/// added without an id fails at the first use of its type rather than writing something made up.
/// Reading is exact (ordinal, no synonyms): what accepts people's words is
/// <see cref="Vocabulary{T}.TryParse(string?, out T)"/>.
/// </para>
/// </remarks>
/// <typeparam name="T">The enum.</typeparam>
public sealed class WireIds<T>
    where T : struct, Enum
{
    private readonly Dictionary<T, string> _byMember;
    private readonly Dictionary<string, T> _byId;

    /// <summary>The ids of every member.</summary>
    /// <exception cref="ArgumentException">A member has no id, or two members share one.</exception>
    public WireIds(params IReadOnlyList<(T Member, string Id)> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        _byMember = new Dictionary<T, string>(ids.Count);
        _byId = new Dictionary<string, T>(ids.Count, StringComparer.Ordinal);
        foreach (var (member, id) in ids)
        {
            if (!_byMember.TryAdd(member, id) || !_byId.TryAdd(id, member))
            {
                throw new ArgumentException($"{typeof(T).Name}: {member} or \"{id}\" is given twice.", nameof(ids));
            }
        }

        var missing = Enum.GetValues<T>().Where(m => !_byMember.ContainsKey(m)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"{typeof(T).Name}: no id for {string.Join(", ", missing)}.", nameof(ids));
        }
    }

    /// <summary>The member's id.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="member"/> is not a defined member.</exception>
    public string Of(T member) =>
        _byMember.TryGetValue(member, out var id) ? id : throw new ArgumentOutOfRangeException(nameof(member), member, null);

    /// <summary>Reads a member from its id, exactly as <see cref="Of"/> writes it.</summary>
    public bool TryParse(string? id, out T member)
    {
        member = default;
        return id is not null && _byId.TryGetValue(id, out member);
    }
}
