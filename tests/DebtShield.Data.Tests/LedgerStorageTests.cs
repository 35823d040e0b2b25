using DebtShield.Data.Loans;
using DebtShield.Data.Protection;
using DebtShield.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DebtShield.Data.Tests;

public sealed class LedgerStorageTests
{
    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Migrations_describe_the_model_exactly(string provider)
    {
        using var test = TestLedgers.Create(provider);
        await using var context = test.Location.CreateContext();
        Assert.False(context.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add for both providers");
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task The_compiled_model_the_ledger_starts_with_is_the_model_the_code_builds(string provider)
    {
        using var test = TestLedgers.Create(provider);
        await using var context = test.Location.CreateContext();
        var built = context.GetService<IDesignTimeModel>().Model;

        Assert.IsType<RuntimeModel>(context.Model, exactMatch: false);
        Assert.Equal(Shape(built.GetRelationalModel()), Shape(context.Model.GetRelationalModel()));
    }

    /// <summary>Every table's columns, keys, indexes and foreign keys, one line each, in order.</summary>
    private static List<string> Shape(IRelationalModel model) =>
    [
        .. model.Tables.SelectMany(t => t.Columns.Select(c => $"{t.Name}.{c.Name} {c.StoreType} null={c.IsNullable} default={c.DefaultValue}")
            .Concat(t.UniqueConstraints.Select(k => $"{t.Name} key {k.Name} ({string.Join(",", k.Columns.Select(c => c.Name))})"))
            .Concat(t.Indexes.Select(i => $"{t.Name} index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}) unique={i.IsUnique}"))
            .Concat(t.ForeignKeyConstraints.Select(f => $"{t.Name} fk {f.Name} ({string.Join(",", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name} {f.OnDeleteAction}")))
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public async Task A_sqlite_ledger_that_stays_open_keeps_its_write_ahead_log_between_reads()
    {
        using var test = TestLedgers.CreateSqlite();
        var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
        var log = test.Location.FilePath + "-wal";

        await ledger.ReadAsync((context, token) => context.Cases.CountAsync(token));
        var afterReadAlone = File.Exists(log);
        bool whileHeld;
        using (await ledger.StayOpenAsync())
        {
            await ledger.ReadAsync((context, token) => context.Cases.CountAsync(token));
            whileHeld = File.Exists(log);
        }

        Assert.False(afterReadAlone);
        Assert.True(whileHeld);
        Assert.False(File.Exists(log));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Opening_a_new_ledger_applies_every_migration_and_says_which(string provider)
    {
        using var test = TestLedgers.Create(provider);
        IReadOnlyList<string>? announced = null;

        await Ledger.OpenAsync(test.Location, () => null, pending => announced = pending);
        var status = await LedgerSchema.StatusAsync(test.Location);

        Assert.NotNull(announced);
        Assert.Equal(announced, status.Applied);
        Assert.Empty(status.Pending);
        Assert.Empty(status.Unknown);
    }

    [Fact]
    public async Task A_migration_lock_left_by_a_killed_process_does_not_block_the_next_open()
    {
        using var test = TestLedgers.CreateSqlite();
        await using (var context = test.Location.CreateContext())
        {
            // What a process killed in its first migration leaves: EF Core's lock row, and nothing else.
            await context.Database.ExecuteSqlRawAsync("""CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL PRIMARY KEY, "Timestamp" TEXT NOT NULL); INSERT INTO "__EFMigrationsLock" VALUES (1, '2026-11-28 00:00:00+00:00');""");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Ledger.OpenAsync(test.Location, () => null, null, timeout.Token);

        Assert.Empty((await LedgerSchema.StatusAsync(test.Location)).Pending);
    }

    [Fact]
    public async Task A_new_sqlite_ledger_is_in_wal_mode()
    {
        using var test = TestLedgers.CreateSqlite();
        var ledger = await Ledger.OpenAsync(test.Location, () => null, null);

        var mode = await ledger.ReadAsync((context, token) => context.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(token));

        Assert.Equal("wal", Assert.Single(mode));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task A_stored_loan_comes_back_with_the_same_facts(string provider)
    {
        using var test = TestLedgers.Create(provider);
        var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
        var original = SampleFacts.Loan();
        await SampleFacts.StoreCaseAsync(ledger, LedgerCipher.None, original);

        var stored = await ledger.ReadAsync((context, token) => context.Loans
            .Include(l => l.Lender).Include(l => l.Schedule).Include(l => l.UpfrontFees).Include(l => l.Payments)
            .SingleAsync(token));
        var loan = stored.ToLoan();

        Assert.True(loan.Succeeded);
        Assert.Equal(original.Id, loan.Loan.Id);
        Assert.Equal(original.Lender, loan.Loan.Lender);
        Assert.Equal(original.ContractDate, loan.Loan.ContractDate);
        Assert.Equal(original.Principal, loan.Loan.Principal);
        Assert.Equal(original.Received, loan.Loan.Received);
        Assert.Equal(original.Schedule, loan.Loan.Schedule);
        Assert.Equal(original.UpfrontFees, loan.Loan.UpfrontFees);
        Assert.Equal(original.Payments, loan.Loan.Payments);
        Assert.Equal(original.Advertised, loan.Loan.Advertised);
        Assert.Equal(original.OverdueTerms, loan.Loan.OverdueTerms);
        Assert.Equal(1150.005m, loan.Loan.Schedule[1].Total.Yuan);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Loans_inserted_in_bulk_are_stored_exactly_as_ef_core_stores_them(string provider)
    {
        using var test = TestLedgers.Create(provider);
        var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
        var caseId = await SampleFacts.StoreCaseAsync(ledger, LedgerCipher.None, SampleFacts.Loan("tracked"));

        await ledger.WriteAsync(async (context, token) =>
        {
            var lender = await context.Lenders.SingleAsync(token);
            await context.InsertLoansAsync([StoredLoan.From(SampleFacts.Loan("bulk"), caseId, lender, SampleFacts.Now)], token);
            return 0;
        });
        var loans = await ledger.ReadAsync((context, token) => context.Loans
            .Include(l => l.Lender).Include(l => l.Schedule).Include(l => l.UpfrontFees).Include(l => l.Payments)
            .OrderBy(l => l.Reference).ToListAsync(token));
        var storage = await ledger.ReadAsync((context, token) => context.Database.SqlQueryRaw<string>(
            provider == "sqlite"
                ? "SELECT typeof(id) || typeof(principal) || typeof(contract_date) || typeof(added_at) || length(id) || upper(id) = id AS \"Value\" FROM loans"
                : "SELECT pg_typeof(principal)::text || scale(principal) AS \"Value\" FROM loans").ToListAsync(token));

        Assert.Equal(["bulk", "tracked"], loans.Select(l => l.Reference));
        var bulk = loans[0].ToLoan();
        var tracked = loans[1].ToLoan();
        Assert.True(bulk.Succeeded);
        Assert.True(bulk.Loan.HasSameFacts(SampleFacts.Loan("bulk")));
        Assert.True(tracked.Loan!.HasSameFacts(SampleFacts.Loan("tracked")));
        Assert.Single(storage.Distinct());
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task A_loan_reference_is_unique_within_a_case(string provider)
    {
        using var test = TestLedgers.Create(provider);
        var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
        var caseId = await SampleFacts.StoreCaseAsync(ledger, LedgerCipher.None);

        var duplicate = ledger.WriteAsync(async (context, token) =>
        {
            var lender = await context.Lenders.SingleAsync(token);
            context.Loans.Add(StoredLoan.From(SampleFacts.Loan(), caseId, lender, SampleFacts.Now));
            return 0;
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => duplicate);
        Assert.Equal(1, await ledger.ReadAsync((context, token) => context.Loans.CountAsync(token)));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task A_ledger_written_by_a_newer_version_is_refused(string provider)
    {
        using var test = TestLedgers.Create(provider);
        await Ledger.OpenAsync(test.Location, () => null, null);
        await using (var context = test.Location.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync("""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('29991231000000_FromTheFuture', '99.0.0')""");
        }

        var refused = await Assert.ThrowsAsync<LedgerException>(() => Ledger.OpenAsync(test.Location, () => null, null));

        Assert.Equal(LedgerProblem.SchemaNewerThanApp, refused.Problem);
    }

    [Fact]
    public async Task A_writer_that_waits_past_the_limit_for_another_writer_is_told_busy()
    {
        using var test = TestLedgers.CreateSqlite();
        await Ledger.OpenAsync(test.Location, () => null, null);
        var impatient = LedgerLocation.Parse($"Data Source={test.DbArgument};Default Timeout=1");
        var ledger = await Ledger.OpenAsync(impatient, () => null, null);

        await using var other = test.Location.CreateContext();
        await using var held = await other.Database.BeginTransactionAsync();
        await other.Database.ExecuteSqlRawAsync("INSERT INTO protection (id, salt, memory_kib, iterations, parallelism, sealed_data_key, set_at) VALUES (7, x'00', 1, 1, 1, x'00', '2026-01-01')");

        var busy = await Assert.ThrowsAsync<LedgerException>(() => SampleFacts.StoreCaseAsync(ledger, LedgerCipher.None));

        Assert.Equal(LedgerProblem.Busy, busy.Problem);
        await held.RollbackAsync();
        Assert.Equal(0, await ledger.ReadAsync((context, token) => context.Cases.CountAsync(token)));
    }

    [Theory]
    [InlineData("/tmp/x/ledger.db", LedgerProvider.Sqlite, "/tmp/x/ledger.db")]
    [InlineData("Data Source=/tmp/y.db;Default Timeout=3", LedgerProvider.Sqlite, "/tmp/y.db")]
    [InlineData("Host=db.example;Database=clinic;Username=u;Password=secret", LedgerProvider.PostgreSql, "postgresql://db.example/clinic")]
    [InlineData("postgres://u:secret@db.example:6543/clinic", LedgerProvider.PostgreSql, "postgresql://db.example:6543/clinic")]
    public void A_db_value_names_its_provider_and_never_shows_a_password(string value, LedgerProvider provider, string display)
    {
        var location = LedgerLocation.Parse(value);

        Assert.Equal(provider, location.Provider);
        Assert.Equal(display, location.Display);
        Assert.DoesNotContain("secret", location.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void A_postgres_address_with_options_is_refused_rather_than_read_without_them()
    {
        var refused = Assert.Throws<ArgumentException>(() => LedgerLocation.Parse("postgres://u:p@db.example/clinic?sslmode=require"));

        Assert.Contains("sslmode", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Data Source=")]
    [InlineData("Data Source=:memory:")]
    [InlineData("postgres://u:p@ss@host/db")]
    [InlineData("Host=db;Nonsense Key=1")]
    public void A_db_value_that_names_no_usable_database_is_an_argument_error(string value)
    {
        Assert.ThrowsAny<ArgumentException>(() => LedgerLocation.Parse(value));
    }

    [Fact]
    public void The_default_ledger_lives_in_the_users_data_folder()
    {
        var file = LedgerLocation.DefaultFile();

        Assert.EndsWith(Path.Combine("debtshield", "ledger.db"), file, StringComparison.Ordinal);
        Assert.Equal(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), Path.GetDirectoryName(Path.GetDirectoryName(file)));
    }
}
