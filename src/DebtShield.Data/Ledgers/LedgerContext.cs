using DebtShield.Core;
using DebtShield.Data.Cases;
using DebtShield.Data.Evidence;
using DebtShield.Data.Loans;
using DebtShield.Data.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DebtShield.Data;

/// <summary>
/// The ledger's one EF Core model, shared by both providers. Each provider has its own subclass
/// only so that each keeps its own migrations (<c>Migrations/Sqlite</c>, <c>Migrations/PostgreSql</c>).
/// </summary>
/// <remarks>
/// Tables and columns are snake_case; an enum is stored as the id its one home spells out for the
/// ledger (<see cref="EnumColumns"/>, never the member's name as the code spells it today); amounts
/// as exact decimals (SQLite TEXT, PostgreSQL unconstrained numeric) so that no fen is ever rounded away.
/// </remarks>
public abstract class LedgerContext : DbContext
{
    private readonly HashSet<Guid> casesWithNewLoans = [];

    /// <summary>Creates the context.</summary>
    protected LedgerContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The cases.</summary>
    public DbSet<StoredCase> Cases => Set<StoredCase>();

    /// <summary>
    /// Whether this context is a write's (<see cref="Ledger.WriteAsync{T}"/>): rows it reads with
    /// plain SQL (<see cref="CaseRows"/>) are then tracked, so that what the write changes on them
    /// is saved, as rows read by an EF Core tracking query are.
    /// </summary>
    internal bool Writes { get; set; }

    /// <summary>The budget lines of every case.</summary>
    public DbSet<StoredBudgetLine> BudgetLines => Set<StoredBudgetLine>();

    /// <summary>The lenders of every case.</summary>
    public DbSet<StoredLender> Lenders => Set<StoredLender>();

    /// <summary>The loans of every case.</summary>
    public DbSet<StoredLoan> Loans => Set<StoredLoan>();

    /// <summary>Every loan's schedule.</summary>
    public DbSet<StoredInstalment> Instalments => Set<StoredInstalment>();

    /// <summary>Every loan's upfront fees.</summary>
    public DbSet<StoredUpfrontFee> UpfrontFees => Set<StoredUpfrontFee>();

    /// <summary>Every loan's payments.</summary>
    public DbSet<StoredPayment> Payments => Set<StoredPayment>();

    /// <summary>Every case's evidence chain.</summary>
    public DbSet<StoredEvidenceEntry> EvidenceEntries => Set<StoredEvidenceEntry>();

    /// <summary>The numbers each case treats as collectors'.</summary>
    public DbSet<StoredCollector> Collectors => Set<StoredCollector>();

    /// <summary>RFC 3161 time-stamps of cases' chain heads.</summary>
    public DbSet<StoredHeadStamp> HeadStamps => Set<StoredHeadStamp>();

    /// <summary>Attachments, by content hash.</summary>
    public DbSet<StoredAttachment> Attachments => Set<StoredAttachment>();

    /// <summary>The passphrase protection, when set (at most one row).</summary>
    public DbSet<StoredProtection> Protection => Set<StoredProtection>();

    /// <summary>
    /// Adds new loans with every row they carry (schedule, fees, payments) without tracking them:
    /// multi-row inserts inside the current transaction, for imports of many thousands of rows.
    /// Their lenders and case must already be saved.
    /// </summary>
    public async Task InsertLoansAsync(IReadOnlyCollection<StoredLoan> loans, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loans);
        casesWithNewLoans.UnionWith(loans.Select(l => l.CaseId));
        await LedgerBulkInsert.InsertAsync(this, loans, cancellationToken).ConfigureAwait(false);
        await LedgerBulkInsert.InsertAsync(this, [.. loans.SelectMany(l => l.Schedule)], cancellationToken).ConfigureAwait(false);
        await LedgerBulkInsert.InsertAsync(this, [.. loans.SelectMany(l => l.UpfrontFees)], cancellationToken).ConfigureAwait(false);
        await LedgerBulkInsert.InsertAsync(this, [.. loans.SelectMany(l => l.Payments)], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Raises <see cref="StoredCase.LoansRevision"/> of every case whose loans change.</remarks>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var caseId in await CasesWithChangedLoansAsync(cancellationToken).ConfigureAwait(false))
        {
            var stored = await Cases.FindAsync([caseId], cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                // Marked by hand: a bulk write turns automatic change detection off.
                stored.LoansRevision++;
                var entry = Entry(stored);
                if (entry.State != EntityState.Added)
                {
                    entry.Property(c => c.LoansRevision).IsModified = true;
                }
            }
        }

        casesWithNewLoans.Clear();
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The ledger saves asynchronously only, so that no save can skip the loans' revision.</remarks>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Save the ledger with SaveChangesAsync.");

    private async Task<IReadOnlySet<Guid>> CasesWithChangedLoansAsync(CancellationToken cancellationToken)
    {
        var cases = new HashSet<Guid>(casesWithNewLoans);
        var loans = new HashSet<Guid>();
        var trackedLoans = new Dictionary<Guid, Guid>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is StoredLoan tracked)
            {
                trackedLoans[tracked.Id] = tracked.CaseId;
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case StoredLoan loan: cases.Add(loan.CaseId); break;
                case StoredLender lender: cases.Add(lender.CaseId); break;
                case StoredInstalment instalment: loans.Add(instalment.LoanId); break;
                case StoredUpfrontFee fee: loans.Add(fee.LoanId); break;
                case StoredPayment payment: loans.Add(payment.LoanId); break;
            }
        }

        foreach (var known in loans.Where(trackedLoans.ContainsKey).ToList())
        {
            cases.Add(trackedLoans[known]);
            loans.Remove(known);
        }

        if (loans.Count > 0)
        {
            cases.UnionWith(await Loans.Where(l => loans.Contains(l.Id)).Select(l => l.CaseId).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        return cases;
    }

    /// <summary>
    /// Runs one plain statement on the context's connection, inside its transaction if it has one,
    /// and reads its rows with <paramref name="read"/>: no EF Core query is compiled, which the
    /// start's first reads cannot afford (<see cref="CaseRows"/>).
    /// </summary>
    internal async Task<T> ReadPlainAsync<T>(string sql, Action<System.Data.Common.DbCommand>? parameters, Func<System.Data.Common.DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = Database.CurrentTransaction?.GetDbTransaction();
            parameters?.Invoke(command);
            await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return read(rows);
        }
        finally
        {
            await Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Adds new evidence entries without tracking them, inside the current write.</summary>
    public Task InsertEvidenceAsync(IReadOnlyCollection<StoredEvidenceEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return LedgerBulkInsert.InsertAsync(this, entries, cancellationToken);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
        configurationBuilder.Properties<Enum>().HaveMaxLength(EnumColumns.MaxLength);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<StoredCase>(c =>
        {
            c.ToTable("cases");
            c.HasMany(x => x.Budget).WithOne().HasForeignKey(b => b.CaseId).OnDelete(DeleteBehavior.Cascade);
            c.HasMany(x => x.Lenders).WithOne().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
            c.HasMany(x => x.Loans).WithOne().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
            c.Property(x => x.EvidenceCount).HasDefaultValue(0);
            c.Property(x => x.LoansRevision).HasDefaultValue(0);
            c.Property(x => x.EvidenceHead).HasMaxLength(64).HasDefaultValue(Core.Evidence.ContentHash.Genesis.Hex);
        });

        modelBuilder.Entity<StoredEvidenceEntry>(e =>
        {
            e.ToTable("evidence_entries");
            e.HasKey(x => new { x.CaseId, x.Sequence });
            e.HasOne<StoredCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.CaseId, x.Fingerprint });

            // Which entries are corrected is read on every evidence page; without this it scans the chain.
            e.HasIndex(x => new { x.CaseId, x.Supersedes });
            e.Property(x => x.Fingerprint).HasMaxLength(64);
            e.Property(x => x.Previous).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);

            // Rows written before record format 2 existed are format 1 and no retraction.
            e.Property(x => x.RecordFormat).HasDefaultValue(1);
            e.Property(x => x.Retraction).HasDefaultValue(false);
            e.Property(x => x.Channel).HasConversion<EnumColumns.ChannelColumn>();
            e.Property(x => x.Direction).HasConversion<EnumColumns.DirectionColumn>();
            e.Property(x => x.Outcome).HasConversion<EnumColumns.OutcomeColumn>();
            e.Property(x => x.Recipient).HasConversion<EnumColumns.RecipientColumn>();
        });

        modelBuilder.Entity<StoredCollector>(c =>
        {
            c.ToTable("collectors");
            c.HasKey(x => new { x.CaseId, x.Number });
            c.HasOne<StoredCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            c.HasOne<StoredLender>().WithMany().HasForeignKey(x => x.LenderId).OnDelete(DeleteBehavior.SetNull);
            c.Property(x => x.Origin).HasConversion<EnumColumns.CollectorOriginColumn>();
        });

        modelBuilder.Entity<StoredHeadStamp>(s =>
        {
            s.ToTable("head_stamps");
            s.Property(x => x.Id).ValueGeneratedNever();
            s.HasOne<StoredCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            s.HasIndex(x => new { x.CaseId, x.Count });
            s.Property(x => x.Head).HasMaxLength(64);
            s.Property(x => x.Authority).HasMaxLength(2048);
        });

        modelBuilder.Entity<StoredAttachment>(a =>
        {
            a.ToTable("attachments");
            a.HasKey(x => x.Hash);
            a.Property(x => x.Hash).HasMaxLength(64);
        });

        modelBuilder.Entity<StoredBudgetLine>(b =>
        {
            b.ToTable("budget_lines");
            b.HasKey(x => new { x.CaseId, x.Position });
            b.Property(x => x.Kind).HasConversion<EnumColumns.BudgetLineKindColumn>();
        });

        modelBuilder.Entity<StoredLender>(l =>
        {
            l.ToTable("lenders");
            l.HasIndex(x => new { x.CaseId, x.Name }).IsUnique();
            l.Property(x => x.Kind).HasConversion<EnumColumns.LenderKindColumn>();
        });

        modelBuilder.Entity<StoredLoan>(l =>
        {
            l.ToTable("loans");
            l.HasIndex(x => new { x.CaseId, x.Reference }).IsUnique();
            l.HasOne(x => x.Lender).WithMany().HasForeignKey(x => x.LenderId).OnDelete(DeleteBehavior.Restrict);
            l.HasMany(x => x.Schedule).WithOne().HasForeignKey(i => i.LoanId).OnDelete(DeleteBehavior.Cascade);
            l.HasMany(x => x.UpfrontFees).WithOne().HasForeignKey(f => f.LoanId).OnDelete(DeleteBehavior.Cascade);
            l.HasMany(x => x.Payments).WithOne().HasForeignKey(p => p.LoanId).OnDelete(DeleteBehavior.Cascade);
            l.Property(x => x.AdvertisedPer).HasConversion<EnumColumns.AdvertisedPerColumn>();
            l.Property(x => x.AdvertisedMethod).HasConversion<EnumColumns.AdvertisedMethodColumn>();
            l.Property(x => x.OverdueRatePer).HasConversion<EnumColumns.OverdueRatePerColumn>();
        });

        modelBuilder.Entity<StoredInstalment>(i =>
        {
            i.ToTable("instalments");
            i.HasKey(x => new { x.LoanId, x.Number });
        });

        modelBuilder.Entity<StoredUpfrontFee>(f =>
        {
            f.ToTable("upfront_fees");
            f.HasKey(x => new { x.LoanId, x.Number });
        });

        modelBuilder.Entity<StoredPayment>(p =>
        {
            p.ToTable("payments");
            p.HasIndex(x => new { x.LoanId, x.Date });
            p.Property(x => x.AppliesTo).HasConversion<EnumColumns.AppliesToColumn>();
        });

        modelBuilder.Entity<StoredProtection>(p =>
        {
            p.ToTable("protection");
            p.Property(x => x.Id).ValueGeneratedNever();
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(SnakeCase(key.GetDefaultName() ?? "pk"));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(SnakeCase(foreignKey.GetDefaultName() ?? "fk"));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(SnakeCase(index.GetDefaultDatabaseName() ?? "ix"));
            }
        }

        RefuseEnumsStoredByName(modelBuilder.Model);
    }

    /// <summary>
    /// Refuses an enum property mapped without its <see cref="StoredIdColumn{T}"/>, or with one made
    /// for another column: EF Core would store it by name or number, which a rename or a reordering
    /// of the members would silently change.
    /// </summary>
    private static void RefuseEnumsStoredByName(IMutableModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).IsEnum))
            {
                var table = entity.GetTableName();
                var column = property.GetColumnName();
                if (property.GetValueConverter() is not IStoredIdColumn stored || stored.Table != table || stored.Column != column)
                {
                    throw new InvalidOperationException($"{entity.DisplayName()}.{property.Name} ({table}.{column}) is an enum without its column in {nameof(EnumColumns)}.");
                }
            }
        }
    }

    private static string SnakeCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && !char.IsUpper(name[i - 1]))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Stores the exact decimal; reads it back without trailing zeros, because SQLite writes 6000
    /// as "6000.0" and PostgreSQL keeps "6000": the same amount should read the same everywhere.
    /// </summary>
    internal sealed class MoneyConverter() : ValueConverter<Money, decimal>(m => m.Yuan, d => Read(d))
    {
        /// <summary>The amount a stored decimal is, as EF Core and the plain-SQL readers (<see cref="LoanRows"/>) both read it.</summary>
        public static Money Read(decimal stored) => new(stored / 1.0000000000000000000000000000m);
    }
}
