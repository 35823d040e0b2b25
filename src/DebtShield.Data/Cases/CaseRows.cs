using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DebtShield.Data.Cases;

/// <summary>
/// The cases table read with plain SQL on the context's connection, inside its transaction. Which
/// case a request means, and the case list with its loan counts, are the front page's first reads
/// after the ledger's opening; through EF Core the first of them compiles EF Core's query pipeline
/// (and has it jitted) before the first page can answer, most of a second of CPU on two cores
/// (docs/benchmarks.md, issue 25). The rows come back as EF Core stores and reads them.
/// </summary>
/// <remarks>
/// Inside <see cref="Ledger.WriteAsync{T}"/> the cases read are tracked (the one already tracked
/// when there is one, as a tracking query returns it), so what a write changes on them is saved;
/// a read's are not tracked. Titles and the borrower's details may be sealed: they are returned as
/// stored, to be opened with <see cref="StoredCase.ReadProfile"/>.
/// </remarks>
public static class CaseRows
{
    private const string Columns = "c.id, c.created_at, c.title, c.borrower_name, c.borrower_phone, c.borrower_id_number, c.notes, c.evidence_count, c.evidence_head, c.loans_revision";

    /// <summary>Every case, in the database's order.</summary>
    public static Task<List<StoredCase>> AllAsync(LedgerContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ReadPlainAsync(
            "SELECT " + Columns + " FROM cases c;",
            null,
            rows => ReadAll(context, rows, static _ => 0).ConvertAll(c => c.Case),
            cancellationToken);
    }

    /// <summary>The case with key <paramref name="id"/>; null when there is none.</summary>
    public static async Task<StoredCase?> FindAsync(LedgerContext context, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var found = await context.ReadPlainAsync(
            "SELECT " + Columns + " FROM cases c WHERE c.id = @id;",
            command => command.Parameters.Add(IdParameter(context, command, "@id", id)),
            rows => ReadAll(context, rows, static _ => 0),
            cancellationToken).ConfigureAwait(false);
        return found is [var one] ? one.Case : null;
    }

    /// <summary>
    /// Every case, or those among <paramref name="only"/> when given, each with how many loans it
    /// holds, in the database's order; never tracked (a list changes nothing).
    /// </summary>
    public static async Task<IReadOnlyList<(StoredCase Case, int Loans)>> WithLoanCountsAsync(LedgerContext context, IReadOnlyCollection<Guid>? only, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (only is { Count: 0 })
        {
            return [];
        }

        var ids = only?.Distinct().ToArray() ?? [];
        var names = ids.Select((_, i) => "@id" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var sql = "SELECT " + Columns + ", (SELECT count(*) FROM loans l WHERE l.case_id = c.id) FROM cases c"
            + (only is null ? ";" : " WHERE c.id IN (" + string.Join(", ", names) + ");");
        return await context.ReadPlainAsync(
            sql,
            command =>
            {
                for (var i = 0; i < ids.Length; i++)
                {
                    command.Parameters.Add(IdParameter(context, command, names[i], ids[i]));
                }
            },
            rows => ReadAll(null, rows, static rows => checked((int)rows.GetInt64(10))),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads every row; tracks each case when <paramref name="tracking"/> is a write's context.</summary>
    private static List<(StoredCase Case, int Loans)> ReadAll(LedgerContext? tracking, DbDataReader rows, Func<DbDataReader, int> loans)
    {
        var read = new List<(StoredCase Case, int Loans)>();
        while (rows.Read())
        {
            var row = new StoredCase
            {
                Id = rows.GetGuid(0),
                CreatedAt = rows.GetFieldValue<DateTimeOffset>(1),
                Title = rows.GetString(2),
                BorrowerName = rows.IsDBNull(3) ? null : rows.GetString(3),
                BorrowerPhone = rows.IsDBNull(4) ? null : rows.GetString(4),
                BorrowerIdNumber = rows.IsDBNull(5) ? null : rows.GetString(5),
                Notes = rows.IsDBNull(6) ? null : rows.GetString(6),
                EvidenceCount = rows.GetInt32(7),
                EvidenceHead = rows.GetString(8),
                LoansRevision = rows.GetInt32(9),
            };
            read.Add((tracking is { Writes: true } ? Tracked(tracking, row) : row, loans(rows)));
        }

        return read;
    }

    /// <summary>The tracked case with <paramref name="row"/>'s key, or <paramref name="row"/> itself, now tracked as unchanged.</summary>
    private static StoredCase Tracked(LedgerContext context, StoredCase row)
    {
        if (context.Cases.Local.FindEntry(row.Id) is { } tracked)
        {
            return tracked.Entity;
        }

        context.Cases.Attach(row);
        return row;
    }

    /// <summary>A case key as a parameter, in the form the provider stores it (SQLite keeps keys as text).</summary>
    internal static DbParameter IdParameter(LedgerContext context, DbCommand command, string name, Guid id)
    {
        var mapping = (RelationalTypeMapping)context.Model.FindEntityType(typeof(StoredCase))!.FindProperty(nameof(StoredCase.Id))!.GetRelationalTypeMapping();
        return mapping.CreateParameter(command, name, id, nullable: false);
    }
}
