using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;

namespace DebtShield.Core.Tests.Evidence;

public sealed class EvidenceStatisticsTests
{
    private static readonly ContactPolicy Policy = ContactPolicy.Parse(
        "zone: +08:00\nallowed: 08:00-22:00\n\n[off_hours]\nexplain: a | a\ncite: x\n\n[excessive_frequency.connected_calls]\nchannel: call\nper_day: 3\nexplain: b | b\ncite: x\n\n[excessive_frequency.unanswered_calls]\nchannel: unanswered_call\nper_day: 6\nexplain: c | c\ncite: x\n\n[third_party_contact]\nexplain: d | d\ncite: x\n");

    private static List<LabelledEntry> Entries(params (Incident Incident, ConductLabel[] Labels, int? Supersedes)[] items)
    {
        var head = ChainHead.Empty;
        var list = new List<LabelledEntry>();
        foreach (var (incident, labels, supersedes) in items)
        {
            var entry = EvidenceChain.Append(head, incident, DateTimeOffset.UnixEpoch, supersedes);
            list.Add(new LabelledEntry(entry, labels));
            head = ChainHead.After(entry);
        }

        return list;
    }

    private static Incident Call(int hour, string number = "17000001234") =>
        new(IncidentChannel.Call, IncidentDirection.Received, new DateTimeOffset(2026, 11, 4, hour, 0, 0, ChinaStandardTime.Offset), number, Recipient.Borrower, null, "calls.xml", outcome: CallOutcome.Answered);

    [Fact]
    public void Of_FourAnsweredCallsFromOneNumberInADay_IsOneBreachOfTheLimitOfThree()
    {
        var entries = Entries((Call(9), [], null), (Call(10), [], null), (Call(11), [], null), (Call(12), [], null), (Call(13, "16500009999"), [], null));

        var statistics = EvidenceStatistics.Of(entries, Policy);

        var breach = Assert.Single(statistics.FrequencyBreaches);
        Assert.Equal(("17000001234", new DateOnly(2026, 11, 4), 4, 3), (breach.Counterpart, breach.Day, breach.Count, breach.Limit));
        Assert.Equal(5, statistics.Incidents);
        Assert.Equal(4, statistics.PerCounterpart[0].Calls);
    }

    [Fact]
    public void Of_ACallAt23_IsCountedOffHoursAndOneAt21IsNot()
    {
        var statistics = EvidenceStatistics.Of(Entries((Call(23), [], null), (Call(21), [], null)), Policy);

        Assert.Equal(1, statistics.OffHours);
    }

    [Fact]
    public void Of_ASupersededEntry_IsReplacedByItsCorrection()
    {
        var original = EvidenceChainTests.Sms("原文记错了");
        var contact = new Incident(IncidentChannel.Sms, IncidentDirection.Received, original.Time, "17000001234", Recipient.ThirdParty, "你同事欠钱不还", "manual", "同事小王");

        var statistics = EvidenceStatistics.Of(
            Entries((original, [ConductLabel.Insult], null), (contact, [ConductLabel.ThirdPartyDisclosure, ConductLabel.ThirdPartyContact], 1)),
            Policy);

        Assert.Equal(1, statistics.Incidents);
        Assert.DoesNotContain(statistics.PerLabel, c => c.Label == ConductLabel.Insult);
        var reached = Assert.Single(statistics.ContactsReached);
        Assert.Equal("同事小王", reached.Name);
    }

    [Fact]
    public void Of_TheBorrowersOwnMessages_AreNotCollectionContacts()
    {
        var sent = new Incident(IncidentChannel.Sms, IncidentDirection.Sent, new DateTimeOffset(2026, 11, 4, 23, 30, 0, ChinaStandardTime.Offset), "17000001234", Recipient.Borrower, "请不要联系我家人", "sms.xml");

        var statistics = EvidenceStatistics.Of(Entries((sent, [], null)), Policy);

        Assert.Equal(0, statistics.OffHours);
        Assert.Empty(statistics.PerCounterpart);
        Assert.Empty(statistics.PerDay);
    }
}
