using System.Runtime.CompilerServices;

namespace DebtShield.Core.Vocabulary;

/// <summary>
/// A member of one of our enums as an index into a table of its type's members, so that
/// <see cref="Vocabulary{T}"/> and <see cref="WireIds{T}"/> look a member up in an array and a word
/// up in a dictionary of <see cref="int"/>s, never in a collection instantiated over the enum.
/// </summary>
/// <remarks>
/// Every vocabulary and id table is made when a program starts, and a batch looks members up on
/// every line. A framework collection over one of our enums is code no ReadyToRun image can hold
/// (the framework's image does not know the enum; ours may not hold the framework's code), so the
/// JIT compiled each such dictionary, list and comparer again for every enum in every process —
/// hundreds of methods of every start (docs/benchmarks.md, issue 27). Arrays and
/// <c>Dictionary&lt;string, int&gt;</c> are one instantiation for all of them.
/// </remarks>
internal static class MemberIndex
{
    /// <summary>The largest member value a table is made for: our enums number their members from 0.</summary>
    private const int Largest = 255;

    /// <summary>
    /// The values of <typeparamref name="T"/>'s members, checked to be <see cref="int"/>s from 0 to
    /// <see cref="Largest"/>, so that <see cref="Of{T}(T)"/> indexes a table of
    /// <see cref="TableLength"/> entries.
    /// </summary>
    public static int[] Values<T>()
        where T : struct, Enum
    {
        if (Enum.GetUnderlyingType(typeof(T)) != typeof(int))
        {
            throw new ArgumentException($"{typeof(T).Name}: a table of members needs an enum of int.");
        }

#pragma warning disable CA2263 // The generic overload is what this type avoids: code over T the JIT compiles for every enum.
        var values = (int[])Enum.GetValuesAsUnderlyingType(typeof(T));
#pragma warning restore CA2263
        foreach (var value in values)
        {
            if (value is < 0 or > Largest)
            {
                throw new ArgumentException($"{typeof(T).Name}: member value {value} is outside 0–{Largest}.");
            }
        }

        return values;
    }

    /// <summary>The length of a table with an entry for each of <paramref name="values"/>.</summary>
    public static int TableLength(int[] values)
    {
        var length = 0;
        foreach (var value in values)
        {
            length = Math.Max(length, value + 1);
        }

        return length;
    }

    /// <summary>The member's value: its index in a table, or outside it for an undefined value.</summary>
    public static int Of<T>(T member)
        where T : struct, Enum => Unsafe.BitCast<T, int>(member);

    /// <summary>The member whose value is <paramref name="value"/>.</summary>
    public static T Member<T>(int value)
        where T : struct, Enum => Unsafe.BitCast<int, T>(value);

    /// <summary>The name of the member with <paramref name="value"/>, for a message about a table.</summary>
    public static string Name<T>(int value)
        where T : struct, Enum =>
#pragma warning disable CA2263 // As above; and only a message about a table made wrong reads it.
        Enum.GetName(typeof(T), value) ?? value.ToString(System.Globalization.CultureInfo.InvariantCulture);
#pragma warning restore CA2263
}
