using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DebtShield.Data;

/// <summary>
/// Inserts many new rows of one table with multi-row <c>INSERT</c> statements inside the context's
/// current transaction, bypassing the change tracker: an import of 100,000 instalments must not
/// build 100,000 tracked entities. Column names, conversions (Money, enums, Guid, dates) and
/// parameter types come from the EF Core model, so the rows are stored exactly as EF stores them.
/// </summary>
internal static class LedgerBulkInsert
{
    /// <summary>Below SQLite's 32,766 and PostgreSQL's 65,535 parameters a statement.</summary>
    private const int MaxParameters = 30_000;

    /// <summary>Inserts the rows, in order.</summary>
    public static async Task InsertAsync<T>(LedgerContext context, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = context.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T) + " is not in the ledger model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = context.GetService<ISqlGenerationHelper>();
        var properties = entity.GetProperties()
            .Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToArray();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.Property.GetColumnName(table)!)))}) VALUES ";

        var connection = context.Database.GetDbConnection();
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the ledger's write transaction.");

        // SQLite runs in-process and binds parameters by name in linear time, so one prepared
        // single-row statement executed again and again is fastest there; PostgreSQL pays a round
        // trip a statement, so there many rows go in each.
        var perStatement = context.Database.IsSqlite() ? 1 : Math.Max(1, MaxParameters / properties.Length);
        var names = Enumerable.Range(0, Math.Min(perStatement, rows.Count) * properties.Length)
            .Select(n => "@p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var rowsInCommand = -1;
        foreach (var chunk in rows.Chunk(perStatement))
        {
            if (chunk.Length != rowsInCommand)
            {
                command.CommandText = head + string.Join(", ", Enumerable.Range(0, chunk.Length).Select(r =>
                    "(" + string.Join(", ", Enumerable.Range(0, properties.Length).Select(c => names[(r * properties.Length) + c])) + ")"));
                rowsInCommand = chunk.Length;
            }

            command.Parameters.Clear();
            for (var r = 0; r < chunk.Length; r++)
            {
                for (var c = 0; c < properties.Length; c++)
                {
                    var (property, mapping, getter) = properties[c];
                    command.Parameters.Add(mapping.CreateParameter(command, names[(r * properties.Length) + c], getter.GetClrValueUsingContainingEntity(chunk[r]), property.IsNullable));
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
