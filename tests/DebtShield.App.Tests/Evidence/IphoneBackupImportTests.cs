using DebtShield.App.RecordEvidence;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Tests.Shared;
using DebtShield.Tests.Shared.PhoneBackups;

namespace DebtShield.App.Tests.Evidence;

public sealed class IphoneBackupImportTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private static readonly DateTimeOffset Night = new(2026, 11, 3, 23, 10, 0, TimeSpan.FromHours(8));

    private static IphoneBackupBuilder Backup()
    {
        var builder = new IphoneBackupBuilder();
        builder.Message("13900000000", Night.AddHours(-5), "晚上一起吃饭吗");
        builder.Message("17000001234", Night, "今天不还钱就把你欠钱的事发到你通讯录所有人");
        var picture = builder.Message("17000001234", Night.AddMinutes(5), "\uFFFC看看这张图");
        builder.Attachment(picture, "IMG_0001.PNG", "image/png", [0x89, 0x50, 0x4E, 0x47]);
        builder.Call("17000001234", Night.AddMinutes(20), 0, answered: false);
        builder.Call("95000111", Night.AddMinutes(30), 42);
        return builder;
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task ImportAsync_AnIphoneBackupFolder_KeepsTheFlaggedNumbersMessagesAttachmentAndCallsAndNothingElse(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        using var builder = Backup();

        var import = await ImportPhoneBackup.ImportAsync(ledger, null, builder.Build(), new PhoneBackupChoices(["95000111"]), Clock);
        var again = await ImportPhoneBackup.ImportAsync(ledger, null, builder.Folder, new PhoneBackupChoices([]), Clock);
        var view = await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null);

        Assert.Equal((5, 4, 1), (import.Read, import.Added, import.Skipped));
        Assert.Equal(["17000001234"], import.FlaggedNumbers);
        Assert.Empty(import.DamagedDatabases!);
        Assert.Equal((0, 4), (again.Added, again.AlreadyKept));
        var incidents = view.Items.Select(i => i.Entry.Incident).OrderBy(i => i.Time).ToList();
        Assert.Equal(
            [(IncidentChannel.Sms, "17000001234"), (IncidentChannel.Mms, "17000001234"), (IncidentChannel.Call, "17000001234"), (IncidentChannel.Call, "95000111")],
            incidents.Select(i => (i.Channel, i.Counterpart!)));
        Assert.Equal(Night, incidents[0].Time);
        Assert.Single(incidents[1].Attachments);
        Assert.Contains(view.Items, i => i.Labels.Contains(ConductLabel.ThreatExposure));
        Assert.DoesNotContain(incidents, i => i.Counterpart == "13900000000");
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task ImportAsync_AZippedIphoneBackup_ImportsAsTheFolderDoes(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        using var builder = Backup();
        builder.Build();
        var zip = builder.Zip();
        try
        {
            var import = await ImportPhoneBackup.ImportAsync(ledger, null, zip, new PhoneBackupChoices(["95000111"]), Clock);

            Assert.Equal((5, 4), (import.Read, import.Added));
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public async Task ImportAsync_AnEncryptedIphoneBackup_IsRefusedWithTheWayToAnUnencryptedOneAndNothingIsWritten()
    {
        using var test = TestLedgers.CreateMigratedSqlite();
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        using var builder = new IphoneBackupBuilder(encrypted: true);
        builder.Message("17000001234", Night, "今天不还钱就把你欠钱的事发到你通讯录所有人");

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => ImportPhoneBackup.ImportAsync(ledger, null, builder.Build(), new PhoneBackupChoices([]), Clock));

        Assert.Contains("加密本地备份", refusal.Message, StringComparison.Ordinal);
        Assert.Empty((await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, null)).Items);
    }
}
