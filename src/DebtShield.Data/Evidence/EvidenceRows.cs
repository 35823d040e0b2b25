using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DebtShield.Data.Evidence;

/// <summary>
/// A case's evidence rows read with a plain data reader. The whole chain is streamed in sequence
/// order: 100,000 entries are checked or listed while they are read, without EF Core materialising
/// and holding every row first (which took most of the time of <c>evidence verify</c>). One page,
/// its corrections and the head's time-stamps are what the front page and the evidence page read;
/// through EF Core their first reads compiled three query pipelines before the first page could
/// answer (docs/benchmarks.md, issue 25).
/// </summary>
public static class EvidenceRows
{
    private static readonly string[] Columns =
    [
        nameof(StoredEvidenceEntry.Sequence), nameof(StoredEvidenceEntry.RecordedAt), nameof(StoredEvidenceEntry.Supersedes),
        nameof(StoredEvidenceEntry.Channel), nameof(StoredEvidenceEntry.Direction), nameof(StoredEvidenceEntry.Time),
        nameof(StoredEvidenceEntry.Outcome), nameof(StoredEvidenceEntry.DurationSeconds), nameof(StoredEvidenceEntry.Recipient),
        nameof(StoredEvidenceEntry.Counterpart), nameof(StoredEvidenceEntry.ContactName), nameof(StoredEvidenceEntry.ContactPhone),
        nameof(StoredEvidenceEntry.Text), nameof(StoredEvidenceEntry.Source), nameof(StoredEvidenceEntry.Attachments),
        nameof(StoredEvidenceEntry.Fingerprint), nameof(StoredEvidenceEntry.Previous), nameof(StoredEvidenceEntry.Hash),
        nameof(StoredEvidenceEntry.AnalyzerVersion), nameof(StoredEvidenceEntry.Labels), nameof(StoredEvidenceEntry.Findings),
        nameof(StoredEvidenceEntry.ReadConfidence), nameof(StoredEvidenceEntry.TimeEstimated),
        nameof(StoredEvidenceEntry.RecordFormat), nameof(StoredEvidenceEntry.Retraction),
    ];

    /// <summary>The rows of the case, in sequence order, read inside the caller's transaction.</summary>
    /// <exception cref="LedgerException">(while enumerating) A stored value is not one this program writes.</exception>
    public static async IAsyncEnumerable<StoredEvidenceEntry> ReadAsync(LedgerContext context, Guid caseId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var table = new Table(context);

        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"{table.SelectRows} WHERE {table.Column(nameof(StoredEvidenceEntry.CaseId))} = @case ORDER BY {table.Column(nameof(StoredEvidenceEntry.Sequence))}";
        command.Parameters.Add(table.Parameter(command, nameof(StoredEvidenceEntry.CaseId), "@case", caseId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Row(reader, caseId);
        }
    }

    /// <summary>Which entry corrects which: every (corrected, correcting) sequence pair of the case, in no order.</summary>
    public static Task<List<(int Corrected, int By)>> CorrectionsAsync(LedgerContext context, Guid caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var table = new Table(context);
        var supersedes = table.Column(nameof(StoredEvidenceEntry.Supersedes));
        return context.ReadPlainAsync(
            $"SELECT {supersedes}, {table.Column(nameof(StoredEvidenceEntry.Sequence))} FROM {table.Name} "
                + $"WHERE {table.Column(nameof(StoredEvidenceEntry.CaseId))} = @case AND {supersedes} IS NOT NULL;",
            command => command.Parameters.Add(table.Parameter(command, nameof(StoredEvidenceEntry.CaseId), "@case", caseId)),
            rows =>
            {
                var pairs = new List<(int, int)>();
                while (rows.Read())
                {
                    pairs.Add((rows.GetInt32(0), rows.GetInt32(1)));
                }

                return pairs;
            },
            cancellationToken);
    }

    /// <summary>
    /// How many of the case's entries pass <paramref name="selection"/>, and the <paramref name="take"/>
    /// of them after the newest <paramref name="skip"/>, newest first: one command, inside the caller's transaction.
    /// </summary>
    /// <exception cref="LedgerException">A stored value is not one this program writes.</exception>
    public static Task<(int Total, List<StoredEvidenceEntry> Rows)> PageAsync(LedgerContext context, Guid caseId, EvidenceSelection selection, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var table = new Table(context);
        var parameters = new List<Func<DbCommand, DbParameter>>();
        string Condition(string property, string name, object value, string comparison)
        {
            parameters.Add(command => table.Parameter(command, property, name, value));
            return $" AND {table.Column(property)} {comparison} {name}";
        }

        var sequence = table.Column(nameof(StoredEvidenceEntry.Sequence));
        var caseColumn = table.Column(nameof(StoredEvidenceEntry.CaseId));
        var where = $" WHERE {caseColumn} = @case";
        parameters.Add(command => table.Parameter(command, nameof(StoredEvidenceEntry.CaseId), "@case", caseId));
        if (selection.LabelId is { } label)
        {
            // The labels are stored comma-separated; the id between commas, as EF Core's Contains was translated.
            var labels = table.Column(nameof(StoredEvidenceEntry.Labels));
            var find = context.Database.IsSqlite() ? "instr" : "strpos";
            parameters.Add(command => table.Parameter(command, nameof(StoredEvidenceEntry.Labels), "@label", "," + label + ","));
            where += $" AND {find}(',' || {labels} || ',', @label) > 0";
        }

        if (selection.Counterpart is { } counterpart)
        {
            where += Condition(nameof(StoredEvidenceEntry.Counterpart), "@counterpart", counterpart, "=");
        }

        if (selection.Recipient is { } recipient)
        {
            where += Condition(nameof(StoredEvidenceEntry.Recipient), "@recipient", recipient, "=");
        }

        // Times are stored in UTC: on SQLite as text that sorts as time, which the parameter's text matches.
        if (selection.From is { } from)
        {
            where += Condition(nameof(StoredEvidenceEntry.Time), "@from", from.ToUniversalTime(), ">=");
        }

        if (selection.Before is { } before)
        {
            where += Condition(nameof(StoredEvidenceEntry.Time), "@before", before.ToUniversalTime(), "<");
        }

        if (selection.HideCorrected)
        {
            var supersedes = table.Column(nameof(StoredEvidenceEntry.Supersedes));
            where += $" AND NOT {table.Column(nameof(StoredEvidenceEntry.Retraction))} AND {sequence} NOT IN "
                + $"(SELECT c.{supersedes} FROM {table.Name} c WHERE c.{caseColumn} = @case AND c.{supersedes} IS NOT NULL)";
        }

        return context.ReadPlainAsync(
            $"SELECT count(*) FROM {table.Name}{where}; {table.SelectRows}{where} ORDER BY {sequence} DESC LIMIT {take} OFFSET {skip};",
            command => parameters.ForEach(parameter => command.Parameters.Add(parameter(command))),
            rows =>
            {
                rows.Read();
                var total = checked((int)rows.GetInt64(0));
                var page = new List<StoredEvidenceEntry>();
                if (rows.NextResult())
                {
                    while (rows.Read())
                    {
                        page.Add(Row(rows, caseId));
                    }
                }

                return (total, page);
            },
            cancellationToken);
    }

    /// <summary>The case's time-stamps of its chain's heads, by key (so as they were asked for), untracked.</summary>
    public static Task<List<StoredHeadStamp>> StampsAsync(LedgerContext context, Guid caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ReadPlainAsync(
            "SELECT s.id, s.\"count\", s.head, s.authority, s.stamped_at, s.request, s.reply FROM head_stamps s WHERE s.case_id = @case ORDER BY s.id;",
            command => command.Parameters.Add(Cases.CaseRows.IdParameter(context, command, "@case", caseId)),
            rows =>
            {
                var stamps = new List<StoredHeadStamp>();
                while (rows.Read())
                {
                    stamps.Add(new StoredHeadStamp
                    {
                        Id = rows.GetGuid(0),
                        CaseId = caseId,
                        Count = rows.GetInt32(1),
                        Head = rows.GetString(2),
                        Authority = rows.GetString(3),
                        StampedAt = rows.GetFieldValue<DateTimeOffset>(4),
                        Request = rows.GetFieldValue<byte[]>(5),
                        Reply = rows.GetFieldValue<byte[]>(6),
                    });
                }

                return stamps;
            },
            cancellationToken);
    }

    private static StoredEvidenceEntry Row(DbDataReader reader, Guid caseId)
    {
        try
        {
            return new StoredEvidenceEntry
            {
                CaseId = caseId,
                Sequence = reader.GetInt32(0),
                RecordedAt = reader.GetFieldValue<DateTimeOffset>(1),
                Supersedes = reader.IsDBNull(2) ? null : reader.GetInt32(2),
                Channel = EnumColumns.EvidenceChannel.Read(reader.GetString(3)),
                Direction = EnumColumns.EvidenceDirection.Read(reader.GetString(4)),
                Time = reader.GetFieldValue<DateTimeOffset>(5),
                Outcome = reader.IsDBNull(6) ? null : EnumColumns.EvidenceOutcome.Read(reader.GetString(6)),
                DurationSeconds = reader.IsDBNull(7) ? null : reader.GetInt64(7),
                Recipient = EnumColumns.EvidenceRecipient.Read(reader.GetString(8)),
                Counterpart = Text(reader, 9),
                ContactName = Text(reader, 10),
                ContactPhone = Text(reader, 11),
                Text = Text(reader, 12),
                Source = reader.GetString(13),
                Attachments = reader.GetString(14),
                Fingerprint = reader.GetString(15),
                Previous = reader.GetString(16),
                Hash = reader.GetString(17),
                AnalyzerVersion = Text(reader, 18),
                Labels = reader.GetString(19),
                Findings = reader.GetString(20),
                ReadConfidence = reader.IsDBNull(21) ? null : reader.GetDouble(21),
                TimeEstimated = reader.GetBoolean(22),
                RecordFormat = reader.GetInt32(23),
                Retraction = reader.GetBoolean(24),
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new LedgerException(LedgerProblem.SealedValueDamaged, "evidence_entries", e);
        }
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>The entries' table and columns as the model names them, and parameters in the form each column stores.</summary>
    private sealed class Table(LedgerContext context)
    {
        private readonly IEntityType _entity = context.Model.FindEntityType(typeof(StoredEvidenceEntry))!;
        private readonly ISqlGenerationHelper _sql = context.GetService<ISqlGenerationHelper>();

        public string Name => _sql.DelimitIdentifier(_entity.GetTableName()!);

        /// <summary>The columns <see cref="Row"/> reads, from the table.</summary>
        public string SelectRows => $"SELECT {string.Join(", ", Columns.Select(Column))} FROM {Name}";

        public string Column(string property) => _sql.DelimitIdentifier(_entity.FindProperty(property)!.GetColumnName());

        /// <summary>A parameter for <paramref name="property"/>'s column, converted as EF Core stores it (an enum as its column's id).</summary>
        public DbParameter Parameter(DbCommand command, string property, string name, object value) =>
            _entity.FindProperty(property)!.GetRelationalTypeMapping().CreateParameter(command, name, value);
    }
}
