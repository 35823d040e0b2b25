using System.Globalization;
using System.Resources;

namespace DebtShield.Core.Vocabulary;

/// <summary>
/// The words a person reads for each member of an enum that is not a vocabulary (a chain break, a
/// step of the legal explanation, a loan problem), found in a resource table under a key spelled
/// out per member, or the member's wire id behind a prefix, never built from the member's name.
/// </summary>
/// <remarks>
/// <para>
/// A key glued from a prefix and <c>member.ToString()</c> finds nothing once the member is renamed,
/// and nothing says so until a person meets the missing sentence. Here every member has its key (or
/// is listed as having no words, such as a flag's <c>None</c>), checked when the table is made, and
/// the keys are ids, so renaming a member cannot lose a text. A test walks every table in both
/// languages (App's <c>MemberTextsTests</c>), so a key the resources lack fails there, not at run time.
/// </para>
/// <para>
/// Tables are made once, when their owner's type is first used, and looked up by the member's
/// value in an array (<see cref="MemberIndex"/>).
/// </para>
/// </remarks>
/// <typeparam name="T">The enum.</typeparam>
public sealed class MemberTexts<T> : IMemberTexts
    where T : struct, Enum
{
    // Indexed by the member's value: no collection over T (MemberIndex).
    private readonly string?[] _keys;
    private readonly bool[] _listed;

    /// <summary>The words of every member, each under <paramref name="keys"/>' key; a <see langword="null"/> key for a member that has none.</summary>
    /// <param name="resources">The resource table that holds the words.</param>
    /// <param name="keys">Every member once, with its resource key.</param>
    /// <exception cref="ArgumentException">A member is missing or given twice, or two members share a key.</exception>
    public MemberTexts(ResourceManager resources, params (T Member, string? Key)[] keys)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(keys);
        Resources = resources;
        var values = MemberIndex.Values<T>();
        _keys = new string?[MemberIndex.TableLength(values)];
        _listed = new bool[_keys.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (member, key) in keys)
        {
            var value = MemberIndex.Of(member);
            if (value < 0 || value >= _keys.Length || _listed[value] || (key is not null && !seen.Add(key)))
            {
                throw new ArgumentException($"{typeof(T).Name}: {member} or \"{key}\" is given twice.", nameof(keys));
            }

            _keys[value] = key;
            _listed[value] = true;
        }

        var missing = values.Where(v => !_listed[v]).Select(MemberIndex.Name<T>).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"{typeof(T).Name}: no key for {string.Join(", ", missing)}.", nameof(keys));
        }
    }

    /// <inheritdoc/>
    public ResourceManager Resources { get; }

    /// <inheritdoc/>
    public Type Members => typeof(T);

    /// <summary>Whether the member has words (a member listed without a key has none).</summary>
    public bool Has(T member) => KeyOf(member) is not null;

    /// <summary>The member's words in <paramref name="culture"/>'s language (the UI language when not given).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The member has no words, or is not a defined member.</exception>
    /// <exception cref="MissingManifestResourceException">The resources lack the key (the walk test catches this first).</exception>
    public string Text(T member, CultureInfo? culture = null)
    {
        var key = KeyOf(member) ?? throw new ArgumentOutOfRangeException(nameof(member), member, $"{typeof(T).Name}: no words for this member.");
        return Resources.GetString(key, culture ?? CultureInfo.CurrentUICulture)
            ?? throw new MissingManifestResourceException($"{Resources.BaseName}: no text {key}.");
    }

    /// <inheritdoc/>
    public IReadOnlyList<(string Member, string? Key)> Keys =>
        [.. MemberIndex.Values<T>().Select(v => (MemberIndex.Name<T>(v), _keys[v]))];

    private string? KeyOf(T member)
    {
        var value = MemberIndex.Of(member);
        return value >= 0 && value < _keys.Length && _listed[value]
            ? _keys[value]
            : throw new ArgumentOutOfRangeException(nameof(member), member, null);
    }
}

/// <summary>The ways of making a <see cref="MemberTexts{T}"/> from ids an enum already has.</summary>
public static class MemberTexts
{
    /// <summary>The words of every member under <paramref name="prefix"/> and its wire id (<c>Break_missing</c>).</summary>
    public static MemberTexts<T> ByWireId<T>(ResourceManager resources, string prefix, WireIds<T> ids)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ByWireId<T>(resources, prefix, ids.Of);
    }

    /// <summary>
    /// The words of every member under <paramref name="prefix"/> and the id <paramref name="wireId"/>
    /// spells out for it, for ids kept in a switch (<see cref="Law.LegalWireIds"/>).
    /// </summary>
    public static MemberTexts<T> ByWireId<T>(ResourceManager resources, string prefix, Func<T, string> wireId)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(wireId);
        return new MemberTexts<T>(resources, [.. MemberIndex.Values<T>().Select(v => MemberIndex.Member<T>(v)).Select(m => (m, (string?)(prefix + wireId(m))))]);
    }
}

/// <summary>A <see cref="MemberTexts{T}"/> seen without its enum, for the test that walks every table.</summary>
public interface IMemberTexts
{
    /// <summary>The resource table that holds the words.</summary>
    ResourceManager Resources { get; }

    /// <summary>The enum whose members the table words.</summary>
    Type Members { get; }

    /// <summary>Every member by name, with its key, or <see langword="null"/> for a member without words.</summary>
    IReadOnlyList<(string Member, string? Key)> Keys { get; }
}
