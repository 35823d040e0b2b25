using DebtShield.Core.Vocabulary;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DebtShield.Data;

/// <summary>
/// One enum column of the ledger: what it stores for each member and how it reads a stored value
/// back, through the ledger ids of the enum's one home (<see cref="Vocabulary{T}.LedgerIds"/>, or
/// the table beside the enum), never through the member's name.
/// </summary>
/// <remarks>
/// <para>
/// A ledger is a file format kept for years: renaming a C# member must not change what is stored,
/// nor leave an existing ledger unreadable. The stored ids are the members' names as the ledgers
/// written so far hold them (so no ledger is rewritten), spelled out in a table that a rename does
/// not touch. EF Core stores and reads the column through this converter (each column has its own
/// subclass in <see cref="EnumColumns"/>, so the compiled models can make one), and the plain-SQL
/// readers (<see cref="Evidence.EvidenceRows"/>) call <see cref="Read(string)"/> of the same column, so the
/// two can never read one value differently.
/// </para>
/// <para>
/// A stored value no member has (a member a newer version added, or an edit of the database) is a
/// <see cref="LedgerException"/> with <see cref="LedgerProblem.StoredValueUnknown"/> naming the
/// table, column and value, which the hosts word for the user, rather than a crash.
/// </para>
/// </remarks>
/// <typeparam name="T">The enum the column holds.</typeparam>
internal abstract class StoredIdColumn<T> : ValueConverter<T, string>, IStoredIdColumn
    where T : struct, Enum
{
    private readonly WireIds<T> _ids;

    /// <summary>The column <paramref name="column"/> of <paramref name="table"/>, storing <paramref name="ids"/>.</summary>
    protected StoredIdColumn(WireIds<T> ids, string table, string column)
        : base(member => ids.Of(member), stored => ReadThrough(ids, table, column, stored), new ConverterMappingHints(size: EnumColumns.MaxLength))
    {
        _ids = ids;
        Table = table;
        Column = column;
    }

    /// <summary>The table, as the model names it (<c>loans</c>).</summary>
    public string Table { get; }

    /// <summary>The column, as the model names it (<c>advertised_per</c>).</summary>
    public string Column { get; }

    /// <summary>The member a stored value is, for a reader that reads the column with plain SQL.</summary>
    /// <exception cref="LedgerException">No member is stored as <paramref name="stored"/> (<see cref="LedgerProblem.StoredValueUnknown"/>).</exception>
    public T Read(string stored) => ReadThrough(_ids, Table, Column, stored);

    private static T ReadThrough(WireIds<T> ids, string table, string column, string stored) =>
        ids.TryParse(stored, out var member)
            ? member
            : throw new LedgerException(LedgerProblem.StoredValueUnknown, $"{table}.{column} = \"{stored}\"");
}

/// <summary>Which column a <see cref="StoredIdColumn{T}"/> is, whatever its enum.</summary>
internal interface IStoredIdColumn
{
    /// <summary>The table, as the model names it.</summary>
    string Table { get; }

    /// <summary>The column, as the model names it.</summary>
    string Column { get; }
}
