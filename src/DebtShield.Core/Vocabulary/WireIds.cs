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
    // Indexed by the member's value, and a dictionary of values: no collection over T (MemberIndex).
    private readonly string?[] _byMember;
    private readonly Dictionary<string, int> _byId;

    /// <summary>The ids of every member.</summary>
    /// <exception cref="ArgumentException">A member has no id, or two members share one.</exception>
    public WireIds(params (T Member, string Id)[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var values = MemberIndex.Values<T>();
        _byMember = new string?[MemberIndex.TableLength(values)];
        _byId = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        foreach (var (member, id) in ids)
        {
            var value = MemberIndex.Of(member);
            if (value < 0 || value >= _byMember.Length || _byMember[value] is not null || !_byId.TryAdd(id, value))
            {
                throw new ArgumentException($"{typeof(T).Name}: {member} or \"{id}\" is given twice.", nameof(ids));
            }

            _byMember[value] = id;
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
            throw new ArgumentException($"{typeof(T).Name}: no id for {string.Join(", ", missing)}.", nameof(ids));
        }
    }

    /// <summary>The member's id.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="member"/> is not a defined member.</exception>
    public string Of(T member)
    {
        var value = MemberIndex.Of(member);
        return value >= 0 && value < _byMember.Length && _byMember[value] is { } id
            ? id
            : throw new ArgumentOutOfRangeException(nameof(member), member, null);
    }

    /// <summary>Reads a member from its id, exactly as <see cref="Of"/> writes it.</summary>
    public bool TryParse(string? id, out T member)
    {
        member = default;
        if (id is null || !_byId.TryGetValue(id, out var value))
        {
            return false;
        }

        member = MemberIndex.Member<T>(value);
        return true;
    }
}
