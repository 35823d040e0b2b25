using System.IO.Compression;
using System.Text.Json;
using DebtShield.Core.Budget;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Core.Loans;
using DebtShield.Data.Backups;
using DebtShield.Data.Evidence;
using DebtShield.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Data.Tests;

/// <summary>
/// A backup is a file kept for years and restored by later versions: the id each enum member has in
/// it is part of the file format, so it is pinned here member by member, and a backup written
/// before the ids were spelled out (when they were the members' names in snake case) must restore
/// and write the same rows again.
/// </summary>
/// <remarks>
/// The fixture holds every member of every enum a backup row carries. It was written by the
/// version that still derived the ids from the members' names; run the fixture test with
/// <c>DEBTSHIELD_WRITE_BACKUP_FIXTURE=1</c> only to write it anew for a new schema, and keep the old one.
/// </remarks>
public sealed class BackupWireIdTests
{
    private static readonly string Fixture = Path.Combine(RepositoryPaths.Root, "tests", "DebtShield.Data.Tests", "Backups", "every-enum-member.schema9.json");

    /// <summary>Every member of every enum in a backup row, with the id the backup writes for it.</summary>
    public static TheoryData<Enum, string> PinnedIds => new()
    {
        { LenderKind.OnlinePlatform, "online_platform" },
        { LenderKind.Microloan, "microloan" },
        { LenderKind.ConsumerFinance, "consumer_finance" },
        { LenderKind.Bank, "bank" },
        { LenderKind.PrivateIndividual, "private_individual" },
        { LenderKind.UnlicensedLender, "unlicensed_lender" },
        { LenderKind.Unknown, "unknown" },
        { RatePer.Day, "day" },
        { RatePer.Month, "month" },
        { RatePer.Year, "year" },
        { AdvertisedMethod.Nominal, "nominal" },
        { AdvertisedMethod.Irr, "irr" },
        { AdvertisedMethod.Apr, "apr" },
        { AdvertisedMethod.FeeRate, "fee_rate" },
        { AdvertisedMethod.Unknown, "unknown" },
        { PaymentTarget.Default, "default" },
        { PaymentTarget.Principal, "principal" },
        { PaymentTarget.Interest, "interest" },
        { PaymentTarget.Fees, "fees" },
        { BudgetLineKind.Income, "income" },
        { BudgetLineKind.EssentialExpense, "essential_expense" },
        { IncidentChannel.Sms, "sms" },
        { IncidentChannel.Mms, "mms" },
        { IncidentChannel.Call, "call" },
        { IncidentChannel.Chat, "chat" },
        { IncidentChannel.Visit, "visit" },
        { IncidentChannel.Post, "post" },
        { IncidentChannel.Other, "other" },
        { IncidentDirection.Received, "received" },
        { IncidentDirection.Sent, "sent" },
        { CallOutcome.Answered, "answered" },
        { CallOutcome.Missed, "missed" },
        { CallOutcome.Rejected, "rejected" },
        { CallOutcome.Blocked, "blocked" },
        { CallOutcome.Voicemail, "voicemail" },
        { Recipient.Borrower, "borrower" },
        { Recipient.ThirdParty, "third_party" },
        { Recipient.Unknown, "unknown" },
        { CollectorOrigin.Marked, "marked" },
        { CollectorOrigin.Flagged, "flagged" },
    };

    [Theory]
    [MemberData(nameof(PinnedIds))]
    public void BackupJson_EveryEnumMember_IsWrittenAndReadAsItsPinnedId(Enum member, string id)
    {
        var written = JsonSerializer.Serialize(member, member.GetType(), LedgerBackup.Json);
        var read = JsonSerializer.Deserialize(JsonSerializer.Serialize(id), member.GetType(), LedgerBackup.Json);

        Assert.Equal(JsonSerializer.Serialize(id), written);
        Assert.Equal(member, read);
    }

    [Fact]
    public void PinnedIds_OfEveryEnumABackupRowCarries_CoverEveryMember()
    {
        var pinned = PinnedIds.Select(row => (Enum)row[0]).ToHashSet();
        var carried = typeof(LedgerBackup).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("DebtShield.Data", StringComparison.Ordinal) == true && t.Name.StartsWith("Stored", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties())
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .Where(t => t.IsEnum)
            .Distinct()
            .ToList();

        Assert.NotEmpty(carried);
        Assert.All(carried, type => Assert.All(Enum.GetValues(type).Cast<Enum>(), member => Assert.Contains(member, pinned)));
    }

    [Fact]
    public async Task Restore_AnOlderBackupWithEveryEnumMember_ReadsEachMemberAndWritesTheSameRows()
    {
        using var folder = new Cleanup(Directory.CreateTempSubdirectory("debtshield-backup-ids-"));
        if (Environment.GetEnvironmentVariable("DEBTSHIELD_WRITE_BACKUP_FIXTURE") == "1")
        {
            await WriteFixtureAsync(folder.Path);
        }

        var backup = Path.Combine(folder.Path, "old.backup");
        await using (var file = File.Create(backup))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(await File.ReadAllBytesAsync(Fixture));
        }

        using var target = TestLedgers.CreateSqlite();
        await LedgerBackup.RestoreAsync(target.Location, backup);
        var ledger = await Ledger.OpenAsync(target.Location, () => null, null);
        var again = Path.Combine(folder.Path, "again.backup");
        await LedgerBackup.WriteAsync(ledger, again, TimeProvider.System);

        var members = await ledger.ReadAsync(async (context, token) => new HashSet<Enum>(
        [
            .. await context.Lenders.Select(l => l.Kind).ToListAsync(token),
            .. (await context.Loans.Select(l => new { l.AdvertisedPer, l.AdvertisedMethod, l.OverdueRatePer }).ToListAsync(token))
                .SelectMany(l => new Enum?[] { l.AdvertisedPer, l.AdvertisedMethod, l.OverdueRatePer }).OfType<Enum>(),
            .. await context.Payments.Select(p => p.AppliesTo).ToListAsync(token),
            .. await context.BudgetLines.Select(b => b.Kind).ToListAsync(token),
            .. (await context.EvidenceEntries.Select(e => new { e.Channel, e.Direction, e.Outcome, e.Recipient }).ToListAsync(token))
                .SelectMany(e => new Enum?[] { e.Channel, e.Direction, e.Outcome, e.Recipient }).OfType<Enum>(),
            .. await context.Collectors.Select(c => c.Origin).ToListAsync(token),
        ]));
        Assert.Equal(PinnedIds.Select(row => (Enum)row[0]).ToHashSet(), members);
        Assert.Equal(Rows(await File.ReadAllBytesAsync(Fixture)), Rows(Unzip(again)));
    }

    /// <summary>A ledger holding every member of every enum a row carries, backed up into the fixture.</summary>
    private static async Task WriteFixtureAsync(string folder)
    {
        using var source = TestLedgers.CreateSqlite();
        var ledger = await Ledger.OpenAsync(source.Location, () => null, null);
        await EveryEnumMember.StoreAsync(ledger, "fixture");
        var backup = Path.Combine(folder, "fixture.backup");
        await LedgerBackup.WriteAsync(ledger, backup, TimeProvider.System);
        Directory.CreateDirectory(Path.GetDirectoryName(Fixture)!);
        await File.WriteAllBytesAsync(Fixture, Unzip(backup));
    }

    private static byte[] Unzip(string backup)
    {
        using var file = File.OpenRead(backup);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>The rows, without the backup's creation time.</summary>
    private static string Rows(byte[] json)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        document.Remove("created_at");
        return document.ToJsonString();
    }

    private sealed class Cleanup(DirectoryInfo folder) : IDisposable
    {
        public string Path => folder.FullName;

        public void Dispose() => folder.Delete(recursive: true);
    }
}
