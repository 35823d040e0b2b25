using DebtShield.App.Demo;
using DebtShield.App.MakeDocument;
using DebtShield.App.RecordEvidence;
using DebtShield.Core;
using DebtShield.Core.Evidence;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.Documents;

/// <summary>
/// A document about one lender of several cites only what that lender's collectors did, on the demo
/// case in a real SQLite ledger: 17000001234 names 某某小额贷款, 16500009999 names 极速借App.
/// </summary>
public sealed class DocumentEvidenceScopeTests : IAsyncLifetime
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero));
    private readonly string folder = Directory.CreateTempSubdirectory("debtshield-scope-").FullName;
    private TestLedger? test;
    private Data.Ledger ledger = null!;

    public async Task InitializeAsync()
    {
        test = TestLedgers.CreateMigratedSqlite();
        ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        await LoadDemo.RunAsync(ledger, Clock);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        test?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RegulatorComplaint_AboutOneLender_ListsOnlyTheEvidenceOfThatLendersCollectors()
    {
        var jisu = await TextAsync("regulator-complaint", "极速借App");
        var xiaodai = await TextAsync("regulator-complaint", "某某小额贷款");

        Assert.Contains("号码 16500009999", jisu, StringComparison.Ordinal);
        Assert.DoesNotContain("号码 17000001234", jisu, StringComparison.Ordinal);
        Assert.Contains("号码 17000001234", xiaodai, StringComparison.Ordinal);
        Assert.DoesNotContain("号码 16500009999", xiaodai, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoliceReport_AboutTheWholeCase_ListsEveryCollectorsEvidence()
    {
        var text = await TextAsync("police-report", null);

        Assert.Contains("号码 16500009999", text, StringComparison.Ordinal);
        Assert.Contains("号码 17000001234", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegulatorComplaint_WithAContactNoRuleCanAttribute_LeavesItOutAndSaysHowMany()
    {
        await RecordIncident.AddAsync(ledger, null, new ManualIncident(IncidentChannel.Sms, new DateTimeOffset(2026, 11, 20, 10, 0, 0, ChinaStandardTime.Offset), "18800001111", "再不还钱就去你单位"), Clock);

        var text = await TextAsync("regulator-complaint", "极速借App");

        Assert.DoesNotContain("18800001111", text, StringComparison.Ordinal);
        Assert.Contains("另有1项催收记录无法确定涉及哪家机构", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegulatorComplaint_EvidenceDatedBeforeTheLendersFirstContract_IsPointedOut()
    {
        await RecordIncident.AddAsync(ledger, null, new ManualIncident(IncidentChannel.Sms, new DateTimeOffset(2026, 1, 5, 10, 0, 0, ChinaStandardTime.Offset), "16500009999", "骗子，你跑不了"), Clock);

        var text = await TextAsync("regulator-complaint", "极速借App");

        Assert.Contains("其中1项的日期早于该机构借款的合同日期", text, StringComparison.Ordinal);
        Assert.Contains("〔早于该机构借款的合同日期（2026年3月15日）", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_EveryCollectionContact_IsDatedAfterTheFirstContractOfTheLenderItConcerns()
    {
        var record = await CaseRecord.LoadAsync(ledger, null);
        var contacts = record.CollectionContacts.Select(i => i.Entry.Incident).ToList();
        var attribution = record.Attribution();

        Assert.All(contacts, incident =>
        {
            var (lender, _) = attribution.Attribute(incident) ?? throw new Xunit.Sdk.XunitException("Not attributed: " + incident.Text);
            var first = record.Loans.Where(l => l.Lender.Name == lender).Min(l => l.ContractDate);
            Assert.True(DateOnly.FromDateTime(incident.Time.ToOffset(ChinaStandardTime.Offset).DateTime) >= first, $"{incident.Time} is before {lender}'s contract of {first}");
        });
    }

    private async Task<string> TextAsync(string kind, string? lender)
    {
        var path = Path.Combine(folder, kind + "-" + (lender ?? "case") + "-" + Guid.NewGuid().ToString("N") + ".md");
        await MakeDocument.MakeDocument.WriteAsync(ledger, new DocumentRequest(kind, null, lender, path), Clock);
        return await File.ReadAllTextAsync(path);
    }
}
