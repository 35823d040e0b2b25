using DebtShield.App.Cases;
using DebtShield.App.Demo;
using DebtShield.App.RecordEvidence;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core.Cases;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.Tests.Evidence;

public sealed class EvidencePageTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, string> ProvidersAndFilters()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { "sqlite", "postgresql" })
        {
            foreach (var filter in Filters.Keys)
            {
                data.Add(provider, filter);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, EvidenceFilter> Filters = new()
    {
        ["none"] = new EvidenceFilter(),
        ["all with superseded"] = new EvidenceFilter(IncludeSuperseded: true),
        ["label"] = new EvidenceFilter(Label: ConductLabel.ThreatExposure),
        ["off hours"] = new EvidenceFilter(Label: ConductLabel.OffHours),
        ["from a day"] = new EvidenceFilter(From: new DateOnly(2026, 11, 5)),
        ["up to a day"] = new EvidenceFilter(To: new DateOnly(2026, 11, 5)),
        ["one day"] = new EvidenceFilter(From: new DateOnly(2026, 11, 4), To: new DateOnly(2026, 11, 4)),
        ["third party"] = new EvidenceFilter(Recipient: Recipient.ThirdParty),
        ["number"] = new EvidenceFilter(Number: "+86 170 0000 1234"),
    };

    [Theory]
    [MemberData(nameof(ProvidersAndFilters))]
    public async Task Page_ReadInTheDatabase_HoldsExactlyTheEntriesTheFullListFiltersNewestFirst(string provider, string filterName)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        await LoadDemo.RunAsync(ledger, Clock);
        var demo = LoadDemo.Title;
        var first = (await ReviewEvidence.ReviewEvidence.LoadAsync(ledger, demo)).Items[0].Entry;
        await RecordIncident.AddAsync(ledger, demo, new ManualIncident(first.Incident.Channel, first.Incident.Time, first.Incident.Counterpart, first.Incident.Text + "（更正）", Corrects: first.Sequence), Clock);
        await RecordIncident.AddAsync(ledger, demo, new ManualIncident(IncidentChannel.Sms, new DateTimeOffset(2025, 11, 4, 13, 0, 0, TimeSpan.Zero), "17000001234", "你儿子欠钱不还，你替他还", ContactName: "妈妈"), Clock);

        // A second case whose entries share sequence numbers and days with the demo's must never show up.
        await CaseBook.AddAsync(ledger, new CaseProfile("另一个案件"), Clock);
        await ImportPhoneBackup.ImportAsync(ledger, "另一个案件", Path.Combine(RepositoryPaths.Root, "samples", "sms-backup.xml"), new PhoneBackupChoices([]), Clock);

        // What is stored beside the hashed record (a screenshot's reading) must come through the page as through the list.
        await using (var context = ledger.CreateContext())
        {
            await context.EvidenceEntries.Where(e => e.Sequence == 2 || e.Sequence == 3)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.ReadConfidence, 0.4).SetProperty(e => e.TimeEstimated, true));
        }

        var filter = Filters[filterName];
        var expected = (await ReviewEvidence.ReviewEvidence.ListAsync(ledger, demo, filter)).Items
            .OrderByDescending(i => i.Entry.Sequence)
            .Select(i => (i.Entry.Sequence, i.Entry.Hash, i.SupersededBy, i.ReadConfidence, i.TimeEstimated, i.NeedsConfirmation))
            .ToList();
        var pages = new List<EvidencePage>();
        for (var page = 1; page == 1 || page <= pages[^1].Pages; page++)
        {
            pages.Add(await EvidencePages.ReadAsync(ledger, demo, filter, page, 2));
        }

        Assert.NotEmpty(expected);
        Assert.All(pages, p => Assert.Equal(expected.Count, p.Total));
        Assert.Equal(expected, pages.SelectMany(p => p.Items).Select(i => (i.Entry.Sequence, i.Entry.Hash, i.SupersededBy, i.ReadConfidence, i.TimeEstimated, i.NeedsConfirmation)).ToList());
    }

    [Fact]
    public async Task Page_ALedgerWithoutACase_IsEmpty()
    {
        using var test = TestLedgers.CreateMigratedSqlite();
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);

        var page = await EvidencePages.ReadAsync(ledger, null, new EvidenceFilter(), 1, 50);

        Assert.Equal((null, 0, 0, 1), (page.CaseTitle, page.Total, page.Items.Count, page.Pages));
    }
}
