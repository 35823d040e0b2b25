using DebtShield.Core.Budget;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Core.Loans;
using DebtShield.Data.Evidence;
using DebtShield.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DebtShield.Data.Tests;

/// <summary>
/// What the ledger's enum columns hold is a file format: SQLite files on borrowers' computers and an
/// organisation's PostgreSQL database are opened by every later version. Each member's stored id is
/// pinned here column by column, as the ledgers written so far hold it (the member's name at the
/// time), so renaming a member fails here rather than making every existing ledger unreadable; a
/// value no member has is a located ledger error, never a crash.
/// </summary>
public sealed class LedgerEnumColumnTests
{
    /// <summary>Every enum column, with every member it can hold and the id stored for it.</summary>
    private static readonly IReadOnlyList<(string Column, Enum Member, string Id)> Pinned =
    [
        ("lenders.kind", LenderKind.OnlinePlatform, "OnlinePlatform"),
        ("lenders.kind", LenderKind.Microloan, "Microloan"),
        ("lenders.kind", LenderKind.ConsumerFinance, "ConsumerFinance"),
        ("lenders.kind", LenderKind.Bank, "Bank"),
        ("lenders.kind", LenderKind.PrivateIndividual, "PrivateIndividual"),
        ("lenders.kind", LenderKind.UnlicensedLender, "UnlicensedLender"),
        ("lenders.kind", LenderKind.Unknown, "Unknown"),
        .. PerColumn("loans.advertised_per"),
        ("loans.advertised_method", AdvertisedMethod.Nominal, "Nominal"),
        ("loans.advertised_method", AdvertisedMethod.Irr, "Irr"),
        ("loans.advertised_method", AdvertisedMethod.Apr, "Apr"),
        ("loans.advertised_method", AdvertisedMethod.FeeRate, "FeeRate"),
        ("loans.advertised_method", AdvertisedMethod.Unknown, "Unknown"),
        .. PerColumn("loans.overdue_rate_per"),
        ("payments.applies_to", PaymentTarget.Default, "Default"),
        ("payments.applies_to", PaymentTarget.Principal, "Principal"),
        ("payments.applies_to", PaymentTarget.Interest, "Interest"),
        ("payments.applies_to", PaymentTarget.Fees, "Fees"),
        ("budget_lines.kind", BudgetLineKind.Income, "Income"),
        ("budget_lines.kind", BudgetLineKind.EssentialExpense, "EssentialExpense"),
        ("evidence_entries.channel", IncidentChannel.Sms, "Sms"),
        ("evidence_entries.channel", IncidentChannel.Mms, "Mms"),
        ("evidence_entries.channel", IncidentChannel.Call, "Call"),
        ("evidence_entries.channel", IncidentChannel.Chat, "Chat"),
        ("evidence_entries.channel", IncidentChannel.Visit, "Visit"),
        ("evidence_entries.channel", IncidentChannel.Post, "Post"),
        ("evidence_entries.channel", IncidentChannel.Other, "Other"),
        ("evidence_entries.direction", IncidentDirection.Received, "Received"),
        ("evidence_entries.direction", IncidentDirection.Sent, "Sent"),
        ("evidence_entries.outcome", CallOutcome.Answered, "Answered"),
        ("evidence_entries.outcome", CallOutcome.Missed, "Missed"),
        ("evidence_entries.outcome", CallOutcome.Rejected, "Rejected"),
        ("evidence_entries.outcome", CallOutcome.Blocked, "Blocked"),
        ("evidence_entries.outcome", CallOutcome.Voicemail, "Voicemail"),
        ("evidence_entries.recipient", Recipient.Borrower, "Borrower"),
        ("evidence_entries.recipient", Recipient.ThirdParty, "ThirdParty"),
        ("evidence_entries.recipient", Recipient.Unknown, "Unknown"),
        ("collectors.origin", CollectorOrigin.Marked, "Marked"),
        ("collectors.origin", CollectorOrigin.Flagged, "Flagged"),
    ];

    /// <summary>How each column is read back: through EF Core, and the evidence columns also through <see cref="EvidenceRows"/>.</summary>
    private static readonly Dictionary<string, Func<LedgerContext, Guid, CancellationToken, Task<List<Enum?>>>> Readers = new()
    {
        ["lenders.kind"] = async (c, _, t) => [.. (await c.Lenders.Select(l => l.Kind).ToListAsync(t)).Select(m => (Enum?)m)],
        ["loans.advertised_per"] = async (c, _, t) => [.. (await c.Loans.Select(l => l.AdvertisedPer).ToListAsync(t)).Select(m => (Enum?)m)],
        ["loans.advertised_method"] = async (c, _, t) => [.. (await c.Loans.Select(l => l.AdvertisedMethod).ToListAsync(t)).Select(m => (Enum?)m)],
        ["loans.overdue_rate_per"] = async (c, _, t) => [.. (await c.Loans.Select(l => l.OverdueRatePer).ToListAsync(t)).Select(m => (Enum?)m)],
        ["payments.applies_to"] = async (c, _, t) => [.. (await c.Payments.Select(p => p.AppliesTo).ToListAsync(t)).Select(m => (Enum?)m)],
        ["budget_lines.kind"] = async (c, _, t) => [.. (await c.BudgetLines.Select(b => b.Kind).ToListAsync(t)).Select(m => (Enum?)m)],
        ["evidence_entries.channel"] = (c, id, t) => Evidence(c, id, e => e.Channel, t),
        ["evidence_entries.direction"] = (c, id, t) => Evidence(c, id, e => e.Direction, t),
        ["evidence_entries.outcome"] = (c, id, t) => Evidence(c, id, e => e.Outcome, t),
        ["evidence_entries.recipient"] = (c, id, t) => Evidence(c, id, e => e.Recipient, t),
        ["collectors.origin"] = async (c, _, t) => [.. (await c.Collectors.Select(o => o.Origin).ToListAsync(t)).Select(m => (Enum?)m)],
    };

    public static TheoryData<string, string> ProvidersAndColumns()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in TestLedgers.Providers)
        {
            foreach (var column in Pinned.Select(p => p.Column).Distinct())
            {
                data.Add(provider, column);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Write_EveryMemberOfEveryEnumColumn_StoresItsPinnedIdAndReadsItBack(string provider)
    {
        // Given a ledger holding every member of every enum in every column that can hold it
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
        var caseId = await EveryEnumMember.StoreAsync(ledger, "test");

        foreach (var column in Pinned.GroupBy(p => p.Column))
        {
            // When the column is read as stored, and through the program
            var stored = await ledger.ReadAsync((context, token) => StoredValuesAsync(context, column.Key, token));
            var read = await ledger.ReadAsync((context, token) => Readers[column.Key](context, caseId, token));

            // Then it holds exactly the pinned ids, and they read back as the members written
            Assert.Equal(column.Select(p => p.Id).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
            Assert.Equal(column.Select(p => p.Member).ToHashSet(), read.OfType<Enum>().ToHashSet());
        }
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Read_EveryIdALedgerHoldsSinceTheFirstSchema_ReadsAsItsMember(string provider)
    {
        // Given a ledger with a row in every table
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
        var caseId = await EveryEnumMember.StoreAsync(ledger, "test");

        foreach (var (column, member, id) in Pinned)
        {
            // When every row of the column holds the id, written by plain SQL as the ledgers so far wrote it
            await OverwriteAsync(ledger, column, id);

            // Then the program reads every row as the member
            var read = await ledger.ReadAsync((context, token) => Readers[column](context, caseId, token));
            Assert.All(read, r => Assert.Equal(member, r));
        }
    }

    [Theory]
    [MemberData(nameof(ProvidersAndColumns))]
    public async Task Read_AnIdNoMemberHas_IsALedgerErrorNamingTheTableColumnAndValue(string provider, string column)
    {
        // Given a ledger whose column holds a value no member has (a newer version's, or an edit)
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
        var caseId = await EveryEnumMember.StoreAsync(ledger, "test");
        await OverwriteAsync(ledger, column, "Weekly");

        // When it is read
        var refused = await Assert.ThrowsAsync<LedgerException>(() => ledger.ReadAsync((context, token) => Readers[column](context, caseId, token)));

        // Then the error names where and what
        Assert.Contains(column, refused.Detail, StringComparison.Ordinal);
        Assert.Contains("Weekly", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pinned_EveryEnumColumnOfTheModel_WithEveryMember()
    {
        using var test = TestLedgers.CreateMigratedSqlite();
        await using var context = test.Location.CreateContext();
        var columns = context.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Table: e.GetTableName(), Property: p)))
            .Where(p => (Nullable.GetUnderlyingType(p.Property.ClrType) ?? p.Property.ClrType).IsEnum)
            .Select(p => (Column: $"{p.Table}.{p.Property.GetColumnName()}", Type: Nullable.GetUnderlyingType(p.Property.ClrType) ?? p.Property.ClrType))
            .ToList();

        Assert.Equal(columns.Select(c => c.Column).Order(StringComparer.Ordinal), Pinned.Select(p => p.Column).Distinct().Order(StringComparer.Ordinal));
        Assert.All(columns, c => Assert.Equal(
            Enum.GetValues(c.Type).Cast<Enum>().ToHashSet(),
            Pinned.Where(p => p.Column == c.Column).Select(p => p.Member).ToHashSet()));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Converter_OfEveryEnumColumn_IsItsStoredIdColumnInTheModelTheLedgerRunsAndTheOneTheCodeBuilds(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        await using var context = test.Location.CreateContext();
        var built = context.GetService<IDesignTimeModel>().Model;

        foreach (var model in new[] { context.Model, built })
        {
            var columns = model.GetEntityTypes()
                .SelectMany(e => e.GetProperties().Select(p => (Table: e.GetTableName(), Property: p)))
                .Where(p => (Nullable.GetUnderlyingType(p.Property.ClrType) ?? p.Property.ClrType).IsEnum)
                .ToList();
            Assert.Equal(Pinned.Select(p => p.Column).Distinct().Count(), columns.Count);
            Assert.All(columns, c =>
            {
                var stored = Assert.IsAssignableFrom<IStoredIdColumn>(c.Property.GetValueConverter());
                Assert.Equal($"{c.Table}.{c.Property.GetColumnName()}", $"{stored.Table}.{stored.Column}");
            });
        }
    }

    [Fact]
    public void StoredIdColumn_OfAMemberRenamedInCode_StoresAndReadsTheIdItsTableSpellsNotTheName()
    {
        // Given a column whose table keeps the ids the members had before a rename (Day was "Daily")
        var column = new RenamedColumn();

        // When members are written and read
        var written = Enum.GetValues<RatePer>().Select(m => (string)column.ConvertToProvider(m)!).ToList();
        var read = written.Select(id => (RatePer)column.ConvertFromProvider(id)!).ToList();

        // Then the stored ids are the table's, whatever the members are called now, and read back
        Assert.Equal(["Daily", "Monthly", "Yearly"], written);
        Assert.Equal(Enum.GetValues<RatePer>(), read);
        Assert.Equal(RatePer.Day, column.Read("Daily"));
        var refused = Assert.Throws<LedgerException>(() => column.Read("Day"));
        Assert.Equal(LedgerProblem.StoredValueUnknown, refused.Problem);
        Assert.Equal("test_rates.per = \"Day\"", refused.Detail);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Read_AnIdNoMemberHas_IsStoredValueUnknownWithTableColumnAndValue(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
        var caseId = await EveryEnumMember.StoreAsync(ledger, "test");
        await OverwriteAsync(ledger, "loans.advertised_per", "Weekly");

        var refused = await Assert.ThrowsAsync<LedgerException>(() => ledger.ReadAsync((context, token) => Readers["loans.advertised_per"](context, caseId, token)));

        Assert.Equal(LedgerProblem.StoredValueUnknown, refused.Problem);
        Assert.Equal("loans.advertised_per = \"Weekly\"", refused.Detail);
    }

    private sealed class RenamedColumn() : StoredIdColumn<RatePer>(new((RatePer.Day, "Daily"), (RatePer.Month, "Monthly"), (RatePer.Year, "Yearly")), "test_rates", "per");

    private static IEnumerable<(string Column, Enum Member, string Id)> PerColumn(string column) =>
        [(column, RatePer.Day, "Day"), (column, RatePer.Month, "Month"), (column, RatePer.Year, "Year")];

    private static async Task<List<Enum?>> Evidence(LedgerContext context, Guid caseId, Func<StoredEvidenceEntry, Enum?> column, CancellationToken token)
    {
        var throughEfCore = (await context.EvidenceEntries.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync(token)).Select(column).ToList();
        var plain = new List<Enum?>();
        await foreach (var row in EvidenceRows.ReadAsync(context, caseId, token))
        {
            plain.Add(column(row));
        }

        Assert.Equal(throughEfCore, plain);
        return plain;
    }

    private static async Task<List<string>> StoredValuesAsync(LedgerContext context, string column, CancellationToken token)
    {
        var (table, name) = Split(column);
        await context.Database.OpenConnectionAsync(token);
        try
        {
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT DISTINCT {name} FROM {table} WHERE {name} IS NOT NULL";
            await using var rows = await command.ExecuteReaderAsync(token);
            var values = new List<string>();
            while (await rows.ReadAsync(token))
            {
                values.Add(rows.GetString(0));
            }

            return values;
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    private static Task<int> OverwriteAsync(Ledger ledger, string column, string id)
    {
        var (table, name) = Split(column);
        var sql = "UPDATE " + table + " SET " + name + " = {0}";
        return ledger.WriteAsync((context, token) => context.Database.ExecuteSqlRawAsync(sql, [id], token));
    }

    private static (string Table, string Column) Split(string column) => (column[..column.IndexOf('.', StringComparison.Ordinal)], column[(column.IndexOf('.', StringComparison.Ordinal) + 1)..]);
}
