using System.Data.Common;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DebtShield.Core;
using DebtShield.Core.Evidence;
using DebtShield.Data.Cases;
using DebtShield.Data.Evidence;
using DebtShield.Data.Loans;
using DebtShield.Data.Protection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
    public const int SchemaVersion = 9;

    /// <summary>How a backup's rows are written and read (its tests pin the enum ids it writes).</summary>
    internal static readonly JsonSerializerOptions Json = CreateOptions();

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
                HeadStamps = await context.HeadStamps.AsNoTracking().ToListAsync(token).ConfigureAwait(false),
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
    /// transaction: every row or none. The file is read as a stream, one row at a time (memory is
    /// bounded by the largest row, <see cref="BackupJson.LargestValue"/>), and nothing is committed
    /// until every row is in, every attachment's name is a SHA-256 and, in a backup without a
    /// passphrase, its content hashes to that name, and <paramref name="verify"/> has accepted the
    /// restored rows, read inside the same transaction.
    /// </summary>
    /// <remarks>
    /// A backup of a protected ledger is checked like any other when there is a
    /// <paramref name="verify"/>: the backup's own passphrase opens its data key, every sealed
    /// attachment is opened and must hash to its name, and <paramref name="verify"/> gets a ledger
    /// that opens the sealed rows (so a sealed text edited by one byte fails the chain there).
    /// Without a passphrase such a backup is refused, never restored unchecked.
    /// </remarks>
    /// <param name="target">The empty ledger.</param>
    /// <param name="path">The backup file.</param>
    /// <param name="verify">
    /// Checks the restored rows before they are committed (the App verifies every chain), given a
    /// ledger over the target that opens its sealed rows; it throws to refuse.
    /// </param>
    /// <param name="passphrase">The passphrase of the backup's ledger, asked for only when the backup is protected and <paramref name="verify"/> is given.</param>
    /// <param name="cancellationToken">Cancels the restore.</param>
    /// <returns>How many rows were restored.</returns>
    /// <exception cref="LedgerException">The file is not a readable backup, it was altered, its rows
    /// conflict with each other, the target already holds data, or a protected backup's passphrase is missing or wrong.</exception>
    public static async Task<int> RestoreAsync(
        LedgerLocation target, string path, Func<Ledger, LedgerContext, CancellationToken, Task>? verify = null, Func<string?>? passphrase = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(path);

        await using var file = OpenBackup(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var json = new BackupJson(gzip);
        Unreadable(path, () => ReadHeader(json, path));
        await LedgerSchema.MigrateAsync(target, cancellationToken).ConfigureAwait(false);
        var written = new List<string>();
        try
        {
            return await Ledger.Guard(async () =>
            {
                await using var context = target.CreateContext();
                await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                if (await context.Cases.AnyAsync(cancellationToken).ConfigureAwait(false)
                    || await context.Protection.AnyAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new LedgerException(LedgerProblem.RestoreTargetNotEmpty, target.Display);
                }

                var restore = new TableRestore(context, json, path, cancellationToken);
                var isProtected = false;
                LedgerCipher? opening = null;
                while (Unreadable(path, () => json.Next(out var name) == JsonTokenType.PropertyName ? name : null) is { } table)
                {
                    // Parents come before children in every backup written; untracked multi-row inserts, so a clinic's large backup restores quickly.
                    switch (table)
                    {
                        case "protection":
                            // Finished once on the first open: sealing what a backup of an unfinished ledger carried plain, keying its fingerprints.
                            isProtected = await restore.TableAsync<StoredProtection>(table, (protection, _) =>
                            {
                                protection.FinishPending = true;
                                opening = verify is null ? null : Unlock(protection, passphrase);
                                return Task.CompletedTask;
                            }).ConfigureAwait(false) > 0;
                            break;
                        case "cases": await restore.TableAsync<StoredCase>(table).ConfigureAwait(false); break;
                        case "budget_lines": await restore.TableAsync<StoredBudgetLine>(table).ConfigureAwait(false); break;
                        case "lenders": await restore.TableAsync<StoredLender>(table).ConfigureAwait(false); break;
                        case "loans": await restore.TableAsync<StoredLoan>(table).ConfigureAwait(false); break;
                        case "instalments": await restore.TableAsync<StoredInstalment>(table).ConfigureAwait(false); break;
                        case "upfront_fees": await restore.TableAsync<StoredUpfrontFee>(table).ConfigureAwait(false); break;
                        case "payments": await restore.TableAsync<StoredPayment>(table).ConfigureAwait(false); break;
                        case "evidence_entries": await restore.TableAsync<StoredEvidenceEntry>(table).ConfigureAwait(false); break;
                        case "collectors": await restore.TableAsync<StoredCollector>(table).ConfigureAwait(false); break;
                        case "head_stamps": await restore.TableAsync<StoredHeadStamp>(table).ConfigureAwait(false); break;
                        case "attachments":
                            await restore.TableAsync<StoredAttachment>(table, async (attachment, number) =>
                            {
                                if (!ContentHash.TryParse(attachment.Hash, out var hash) || (!isProtected && (attachment.Content is not { } content || ContentHash.Of(content) != hash))
                                    || (opening is not null && !AttachmentStore.Holds(opening, attachment.Content, hash)))
                                {
                                    throw new LedgerException(LedgerProblem.BackupAltered, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                                }

                                if (await AttachmentStore.RestoreAsync(target, attachment, cancellationToken).ConfigureAwait(false) is { } stored)
                                {
                                    written.Add(stored);
                                }
                            }).ConfigureAwait(false);
                            break;
                        default:
                            throw new LedgerException(LedgerProblem.BackupUnreadable, $"{path}: {table}");
                    }
                }

                if (verify is not null)
                {
                    await verify(new Ledger(target, opening ?? LedgerCipher.None), context, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                written.Clear();
                return restore.Rows;
            }).ConfigureAwait(false);
        }
        finally
        {
            // Files put beside a SQLite ledger for rows that were never committed.
            foreach (var stored in written)
            {
                File.Delete(stored);
            }
        }
    }

    /// <summary>The cipher that opens a protected backup's sealed rows, with the passphrase of the ledger it was made from.</summary>
    /// <exception cref="LedgerException">No passphrase was given, or it is not the backup's.</exception>
    private static LedgerCipher Unlock(StoredProtection protection, Func<string?>? passphrase)
    {
        var given = passphrase?.Invoke();
        return string.IsNullOrEmpty(given) ? throw new LedgerException(LedgerProblem.PassphraseRequired)
            : Passphrase.Unlock(protection, given) ?? throw new LedgerException(LedgerProblem.WrongPassphrase);
    }

    private static FileStream OpenBackup(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new LedgerException(LedgerProblem.BackupUnreadable, path, e);
        }
    }

    /// <summary>Reads the format and schema, which every backup writes first.</summary>
    private static int ReadHeader(BackupJson json, string path)
    {
        if (json.Next(out _) != JsonTokenType.StartObject || json.Next(out var first) != JsonTokenType.PropertyName || first != "format"
            || json.Value<string>(Json) != FormatName || json.Next(out var second) != JsonTokenType.PropertyName || second != "schema")
        {
            throw new LedgerException(LedgerProblem.BackupUnreadable, path);
        }

        // Version 1 held no evidence: its lists read as empty. Version 2 had no OCR confidence: null.
        // Version 3 had no loans revision: 0, which only means "computed afresh". Version 4 had
        // no record format: its entries are format 1 and no retractions, as they were. Version 5
        // had no payment designation: every payment follows the statutory order, as it did. Version 7
        // had no time-stamps of chain heads: none. Version 8 kept a protected ledger's attachment
        // names and lists plain: restored as they are, keyed on the first open like any ledger
        // protected before issue 22.
        var schema = json.Value<int>(Json);
        if (schema is < 1 or > SchemaVersion)
        {
            throw new LedgerException(LedgerProblem.SchemaNewerThanApp, $"{path}: schema {schema}");
        }

        if (json.Next(out var third) != JsonTokenType.PropertyName || third != "created_at")
        {
            throw new LedgerException(LedgerProblem.BackupUnreadable, path);
        }

        json.Value<DateTimeOffset>(Json);
        return schema;
    }

    /// <summary>Runs a step of reading, turning broken, cut or oversized JSON and a damaged gzip stream into <see cref="LedgerProblem.BackupUnreadable"/>.</summary>
    private static T Unreadable<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            throw new LedgerException(LedgerProblem.BackupUnreadable, e is BackupValueTooLargeException ? $"{path}: > {BackupJson.LargestValue / (1024 * 1024)} MB" : path, e);
        }
    }

    /// <summary>One table of a backup, read row by row and inserted in batches inside the restore's transaction.</summary>
    private sealed class TableRestore(LedgerContext context, BackupJson json, string path, CancellationToken cancellationToken)
    {
        private const int Batch = 500;

        /// <summary>The rows restored so far.</summary>
        public int Rows { get; private set; }

        /// <summary>Restores the table's rows, each first shown to <paramref name="check"/> with its number (from 1); returns how many.</summary>
        /// <exception cref="LedgerException">A row conflicts with another (a key twice, a parent missing): the table is named.</exception>
        public async Task<int> TableAsync<T>(string table, Func<T, int, Task>? check = null)
            where T : class
        {
            Unreadable(path, () => json.Next(out _) == JsonTokenType.StartArray ? true : throw new JsonException(table));
            var rows = new List<T>(Batch);
            var count = 0;
            while (Unreadable(path, () => json.TryElement<T>(Json, out var row) ? row ?? throw new JsonException(table) : null) is { } row)
            {
                count++;
                if (check is not null)
                {
                    await check(row, count).ConfigureAwait(false);
                }

                rows.Add(row);
                if (rows.Count == Batch)
                {
                    await InsertAsync(table, rows).ConfigureAwait(false);
                    rows.Clear();
                }
            }

            await InsertAsync(table, rows).ConfigureAwait(false);
            Rows += count;
            return count;
        }

        private async Task InsertAsync<T>(string table, List<T> rows)
            where T : class
        {
            try
            {
                await LedgerBulkInsert.InsertAsync(context, rows, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e) when (e is SqliteException { SqliteErrorCode: 19 } || (e is PostgresException postgres && postgres.SqlState.StartsWith("23", StringComparison.Ordinal)))
            {
                throw new LedgerException(LedgerProblem.RestoreConflict, table, e);
            }
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
            Converters = { new MoneyJsonConverter(), new BackupEnumIds() },
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

        public List<StoredHeadStamp> HeadStamps { get; set; } = [];

        public List<StoredAttachment> Attachments { get; set; } = [];

        [JsonIgnore]
        public int RowCount => Protection.Count + Cases.Count + BudgetLines.Count + Lenders.Count + Loans.Count + Instalments.Count + UpfrontFees.Count + Payments.Count
            + EvidenceEntries.Count + Collectors.Count + HeadStamps.Count + Attachments.Count;
    }

    private sealed class MoneyJsonConverter : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetDecimal());

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Yuan);
    }
}
