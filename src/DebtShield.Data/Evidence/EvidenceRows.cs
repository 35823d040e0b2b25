using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace DebtShield.Data.Evidence;

/// <summary>
/// Streams a case's evidence rows in sequence order with a plain data reader: a chain of 100,000
/// entries is checked or listed while it is read, without EF Core materialising and holding every
/// row first (which took most of the time of <c>evidence verify</c>).
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
        var entity = context.Model.FindEntityType(typeof(StoredEvidenceEntry))!;
        var sql = context.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());

        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT {string.Join(", ", Columns.Select(Column))} FROM {sql.DelimitIdentifier(entity.GetTableName()!)} "
            + $"WHERE {Column(nameof(StoredEvidenceEntry.CaseId))} = @case ORDER BY {Column(nameof(StoredEvidenceEntry.Sequence))}";
        var caseKey = entity.FindProperty(nameof(StoredEvidenceEntry.CaseId))!.GetRelationalTypeMapping();
        command.Parameters.Add(caseKey.CreateParameter(command, "@case", caseId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Row(reader, caseId);
        }
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
}
