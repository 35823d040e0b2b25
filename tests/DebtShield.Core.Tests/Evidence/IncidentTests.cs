using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;

namespace DebtShield.Core.Tests.Evidence;

public sealed class IncidentTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 3, 21, 0, 0, ChinaStandardTime.Offset);

    [Fact]
    public void Constructor_AThirdPartyWithoutAName_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new Incident(IncidentChannel.Sms, IncidentDirection.Received, Time, "1", Recipient.ThirdParty, "欠钱不还", "manual"));

    [Fact]
    public void Constructor_AContactNamedForTheBorrower_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new Incident(IncidentChannel.Sms, IncidentDirection.Received, Time, "1", Recipient.Borrower, "欠钱不还", "manual", contactName: "小王"));

    [Fact]
    public void Constructor_ACallWithoutOutcome_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new Incident(IncidentChannel.Call, IncidentDirection.Received, Time, "1", Recipient.Borrower, null, "calls.xml"));

    [Fact]
    public void Constructor_AMessageWithoutText_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new Incident(IncidentChannel.Sms, IncidentDirection.Received, Time, "1", Recipient.Borrower, "  ", "sms.xml"));

    [Fact]
    public void Constructor_AnMmsWithOnlyAPicture_IsAccepted()
    {
        var incident = new Incident(IncidentChannel.Mms, IncidentDirection.Received, Time, "1", Recipient.Borrower, null, "sms.xml", attachments: [ContentHash.Of("x"u8)]);

        Assert.Null(incident.Text);
    }

    [Theory]
    [InlineData(CallOutcome.Answered, ContactChannel.Call)]
    [InlineData(CallOutcome.Missed, ContactChannel.UnansweredCall)]
    [InlineData(CallOutcome.Rejected, ContactChannel.UnansweredCall)]
    public void ToConductMessage_ACall_CountsTowardsTheRightDailyLimit(CallOutcome outcome, ContactChannel expected)
    {
        var call = new Incident(IncidentChannel.Call, IncidentDirection.Received, Time, "1", Recipient.Borrower, null, "calls.xml", outcome: outcome);

        Assert.Equal(expected, call.ToConductMessage(4).Channel);
    }

    [Theory]
    [InlineData("+86 170-0000-1234", "17000001234")]
    [InlineData("0086 17000001234", "17000001234")]
    [InlineData("8617000001234", "17000001234")]
    [InlineData("(010) 6512 3456", "01065123456")]
    [InlineData("+1 202 555 0100", "+12025550100")]
    [InlineData("95588", "95588")]
    [InlineData("某某金融客服", "某某金融客服")]
    [InlineData("  ", null)]
    public void PhoneNumber_Normalize_WritesOneNumberOneWay(string given, string? expected) =>
        Assert.Equal(expected, PhoneNumber.Normalize(given));
}
