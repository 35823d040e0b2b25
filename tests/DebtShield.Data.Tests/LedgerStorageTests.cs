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
    public async Task Migrations_OfEachProvider_DescribeTheModelExactly(string provider)
    {
        using var test = TestLedgers.Create(provider);
        await using var context = test.Location.CreateContext();
        Assert.False(context.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add for both providers");
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task CompiledModel_TheLedgerStartsWith_IsTheModelTheCodeBuilds(string provider)
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
    public async Task SqliteLedger_StayingOpen_KeepsItsWriteAheadLogBetweenReads()
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
    public async Task OpenAsync_ANewLedger_AppliesEveryMigrationAndSaysWhich(string provider)
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
    public async Task OpenAsync_AMigrationLockLeftByAKilledProcess_DoesNotBlock()
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
    public async Task OpenAsync_ANewSqliteLedger_IsInWalMode()
    {
        using var test = TestLedgers.CreateSqlite();
        var ledger = await Ledger.OpenAsync(test.Location, () => null, null);

        var mode = await ledger.ReadAsync((context, token) => context.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(token));

        Assert.Equal("wal", Assert.Single(mode));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task StoredLoan_ReadBack_HasTheSameFacts(string provider)
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
    public async Task Loans_InsertedInBulk_AreStoredExactlyAsEfCoreStoresThem(string provider)
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
    public async Task LoanReference_UsedTwiceInACase_IsRefused(string provider)
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
    public async Task OpenAsync_ALedgerWrittenByANewerVersion_IsRefused(string provider)
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
    public async Task Writer_WaitingPastTheLimitForAnotherWriter_IsToldBusy()
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
    public void DbValue_Described_NamesItsProviderAndNeverShowsAPassword(string value, LedgerProvider provider, string display)
    {
        var location = LedgerLocation.Parse(value);

        Assert.Equal(provider, location.Provider);
        Assert.Equal(display, location.Display);
        Assert.DoesNotContain("secret", location.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void DbValue_APostgresAddressWithOptions_IsRefusedRatherThanReadWithoutThem()
    {
        var refused = Assert.Throws<ArgumentException>(() => LedgerLocation.Parse("postgres://u:p@db.example/clinic?sslmode=require"));

        Assert.Contains("sslmode", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Data Source=")]
    [InlineData("Data Source=:memory:")]
    [InlineData("postgres://u:p@ss@host/db")]
    [InlineData("Host=db;Nonsense Key=1")]
    public void DbValue_NamingNoUsableDatabase_IsAnArgumentError(string value)
    {
        Assert.ThrowsAny<ArgumentException>(() => LedgerLocation.Parse(value));
    }

    [Fact]
    public void DefaultLedger_NoneNamed_LivesInTheUsersDataFolder()
    {
        var file = LedgerLocation.DefaultFile();

        Assert.EndsWith(Path.Combine("debtshield", "ledger.db"), file, StringComparison.Ordinal);
        Assert.Equal(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), Path.GetDirectoryName(Path.GetDirectoryName(file)));
    }
}
