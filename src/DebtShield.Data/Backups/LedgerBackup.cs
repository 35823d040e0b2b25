using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DebtShield.Core;
using DebtShield.Data.Cases;
using DebtShield.Data.Evidence;
using DebtShield.Data.Loans;
using DebtShield.Data.Protection;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Data.Backups;

/// <summary>
/// A whole ledger in one file: every row of every table, as stored. Sealed fields stay sealed
/// and the protection row travels with them, so a backup of a protected ledger is as safe as
/// the ledger and opens with the same passphrase. The format does not depend on the provider, so
/// a borrower's SQLite file can be restored into an organisation's PostgreSQL and back.
/// </summary>
/// <remarks>
/// A backup is read inside one snapshot (<see cref="Ledger.ReadAsync{T}"/>: a deferred read
/// transaction on SQLite's WAL, repeatable read on PostgreSQL), so it is consistent while other
/// processes keep writing, and it does not block them. The file is gzip-compressed JSON, written beside the target and renamed
/// into place, so a failed backup never leaves half a file.
/// </remarks>
public static class LedgerBackup
{
    /// <summary>The backup format's name, the first field of every backup.</summary>
    public const string FormatName = "debtshield-ledger-backup";

    /// <summary>The model version the rows follow; raised with every migration that changes them.</summary>
    public const int SchemaVersion = 7;

    private static readonly JsonSerializerOptions Json = CreateOptions();

    /// <summary>Writes a consistent snapshot of the whole ledger to <paramref name="path"/>.</summary>
    /// <returns>How many rows were written.</returns>
    public static async Task<int> WriteAsync(Ledger ledger, string path, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(time);

        var document = await ledger.ReadAsync(async (context, token) =>
        {
            var backup = new BackupDocument
            {
                Format = FormatName,
                Schema = SchemaVersion,
                CreatedAt = time.GetUtcNow(),
                Protection = await context.Protection.AsNoTracking().ToListAsync(token).ConfigureAwait(false),
                Cases = await context.Cases.AsNoTracking().ToListAsync(token).ConfigureAwait(false),
                BudgetLines = await context.BudgetLines.AsNoTracking().ToListAsync(token).ConfigureAwait(false),
                Lenders = await context.Lenders.AsNoTracking().ToListAsync(token).ConfigureAwait(false),
                Loans = await context.Loans.AsNoTracking().ToListAsync(token).ConfigureAwait(false),
                Instalments = await context.Instalments.AsNoTracking().ToListAsync(token).ConfigureAwait(false),
                UpfrontFees = await context.UpfrontFees.AsNoTracking().ToListAsync(token).ConfigureAwait(false),
                Payments = await context.Payments.AsNoTracking().ToListAsync(token).ConfigureAwait(false),
                EvidenceEntries = await context.EvidenceEntries.AsNoTracking().ToListAsync(token).ConfigureAwait(false),
                Collectors = await context.Collectors.AsNoTracking().ToListAsync(token).ConfigureAwait(false),
                Attachments = await context.Attachments.AsNoTracking().ToListAsync(token).ConfigureAwait(false),
            };

            // A SQLite ledger keeps attachment content in files: the backup carries it, as stored.
            foreach (var attachment in backup.Attachments.Where(a => a.Content is null))
            {
                attachment.Content = await AttachmentStore.ReadStoredAsync(context, ledger.Location, attachment.Hash, token).ConfigureAwait(false);
            }

            return backup;
        }, cancellationToken).ConfigureAwait(false);

        try
        {
            await PrivateFile.WriteAsync(path, async (file, token) =>
            {
                await using var gzip = new GZipStream(file, CompressionLevel.Optimal);
                await JsonSerializer.SerializeAsync(gzip, document, Json, token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LedgerException(LedgerProblem.FileUnwritable, $"{path}: {e.Message}", e);
        }

        return document.RowCount;
    }

    /// <summary>
    /// Restores a backup into an empty ledger (its schema is brought up to date first), in one
    /// transaction: every row or none.
    /// </summary>
    /// <returns>How many rows were restored.</returns>
    /// <exception cref="LedgerException">The file is not a readable backup, or the target already holds data.</exception>
    public static async Task<int> RestoreAsync(LedgerLocation target, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(path);

        var document = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
        await LedgerSchema.MigrateAsync(target, cancellationToken).ConfigureAwait(false);
        return await Ledger.Guard(async () =>
        {
            await using var context = target.CreateContext();
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (await context.Cases.AnyAsync(cancellationToken).ConfigureAwait(false)
                || await context.Protection.AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new LedgerException(LedgerProblem.RestoreTargetNotEmpty, target.Display);
            }

            // Parents before children; untracked multi-row inserts, so a clinic's large backup restores quickly.
            await LedgerBulkInsert.InsertAsync(context, document.Protection, cancellationToken).ConfigureAwait(false);
            await LedgerBulkInsert.InsertAsync(context, document.Cases, cancellationToken).ConfigureAwait(false);
            await LedgerBulkInsert.InsertAsync(context, document.BudgetLines, cancellationToken).ConfigureAwait(false);
            await LedgerBulkInsert.InsertAsync(context, document.Lenders, cancellationToken).ConfigureAwait(false);
            await LedgerBulkInsert.InsertAsync(context, document.Loans, cancellationToken).ConfigureAwait(false);
            await LedgerBulkInsert.InsertAsync(context, document.Instalments, cancellationToken).ConfigureAwait(false);
            await LedgerBulkInsert.InsertAsync(context, document.UpfrontFees, cancellationToken).ConfigureAwait(false);
            await LedgerBulkInsert.InsertAsync(context, document.Payments, cancellationToken).ConfigureAwait(false);
            await LedgerBulkInsert.InsertAsync(context, document.EvidenceEntries, cancellationToken).ConfigureAwait(false);
            await LedgerBulkInsert.InsertAsync(context, document.Collectors, cancellationToken).ConfigureAwait(false);
            foreach (var attachment in document.Attachments)
            {
                await AttachmentStore.RestoreAsync(target, attachment, cancellationToken).ConfigureAwait(false);
            }

            await LedgerBulkInsert.InsertAsync(context, document.Attachments, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return document.RowCount;
        }).ConfigureAwait(false);
    }

    private static async Task<BackupDocument> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            var document = await JsonSerializer.DeserializeAsync<BackupDocument>(gzip, Json, cancellationToken).ConfigureAwait(false);
            if (document is null || document.Format != FormatName)
            {
                throw new LedgerException(LedgerProblem.BackupUnreadable, path);
            }

            // Version 1 held no evidence: its lists read as empty. Version 2 had no OCR confidence: null.
            // Version 3 had no loans revision: 0, which only means "computed afresh". Version 4 had
            // no record format: its entries are format 1 and no retractions, as they were. Version 5
            // had no payment designation: every payment follows the statutory order, as it did. Version 6
            // had no overdue terms: every loan's are not known, as they were.
            if (document.Schema is < 1 or > SchemaVersion)
            {
                throw new LedgerException(LedgerProblem.SchemaNewerThanApp, $"{path}: schema {document.Schema}");
            }

            return document;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            throw new LedgerException(LedgerProblem.BackupUnreadable, path, e);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new LedgerException(LedgerProblem.BackupUnreadable, path, e);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(static info =>
        {
            // Rows only: navigations would repeat rows (or loop), the tables carry every row once.
            if (info.Kind != JsonTypeInfoKind.Object || !info.Type.Namespace!.StartsWith("DebtShield.Data", StringComparison.Ordinal))
            {
                return;
            }

            for (var i = info.Properties.Count - 1; i >= 0; i--)
            {
                var type = info.Properties[i].PropertyType;
                var navigation = (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && info.Type != typeof(BackupDocument))
                    || type == typeof(StoredLender);
                if (navigation)
                {
                    info.Properties.RemoveAt(i);
                }
            }
        });
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = resolver,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Converters = { new MoneyJsonConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };
        options.MakeReadOnly();
        return options;
    }

    private sealed class BackupDocument
    {
        public string Format { get; set; } = "";

        public int Schema { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public List<StoredProtection> Protection { get; set; } = [];

        public List<StoredCase> Cases { get; set; } = [];

        public List<StoredBudgetLine> BudgetLines { get; set; } = [];

        public List<StoredLender> Lenders { get; set; } = [];

        public List<StoredLoan> Loans { get; set; } = [];

        public List<StoredInstalment> Instalments { get; set; } = [];

        public List<StoredUpfrontFee> UpfrontFees { get; set; } = [];

        public List<StoredPayment> Payments { get; set; } = [];

        public List<StoredEvidenceEntry> EvidenceEntries { get; set; } = [];

        public List<StoredCollector> Collectors { get; set; } = [];

        public List<StoredAttachment> Attachments { get; set; } = [];

        [JsonIgnore]
        public int RowCount => Protection.Count + Cases.Count + BudgetLines.Count + Lenders.Count + Loans.Count + Instalments.Count + UpfrontFees.Count + Payments.Count
            + EvidenceEntries.Count + Collectors.Count + Attachments.Count;
    }

    private sealed class MoneyJsonConverter : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetDecimal());

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Yuan);
    }
}
