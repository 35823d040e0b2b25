using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;

namespace DebtShield.Core.Tests.Evidence;

public sealed class LenderAttributionTests
{
    private static readonly string[] TwoLenders = ["极速借App", "某某消费金融"];

    private static Incident Sms(string number, string text, int day = 20) =>
        new(IncidentChannel.Sms, IncidentDirection.Received, new DateTimeOffset(2026, 11, day, 10, 0, 0, ChinaStandardTime.Offset), number, Recipient.Borrower, text, "sms.xml");

    private static Incident Call(string number) =>
        new(IncidentChannel.Call, IncidentDirection.Received, new DateTimeOffset(2026, 11, 20, 11, 0, 0, ChinaStandardTime.Offset), number, Recipient.Borrower, null, "calls.xml", outcome: CallOutcome.Answered);

    [Fact]
    public void Attribute_CaseWithOneLender_GivesEveryContactToIt()
    {
        var attribution = LenderAttribution.Of(["某呗"], []);

        Assert.Equal(("某呗", AttributionBasis.OnlyLender), attribution.Attribute(Sms("17000001234", "还钱")));
    }

    [Fact]
    public void Attribute_MessageNamingTheAppWithoutItsSuffix_GoesToThatLender()
    {
        var message = Sms("17000001234", "您在极速借的借款已逾期3天");
        var attribution = LenderAttribution.Of(TwoLenders, [message]);

        Assert.Equal(("极速借App", AttributionBasis.NamedInText), attribution.Attribute(message));
    }

    [Fact]
    public void Attribute_CallFromANumberWhoseMessagesNameOneLender_GoesToThatLender()
    {
        var message = Sms("17000001234", "某某消费金融提醒您尽快还款");
        var attribution = LenderAttribution.Of(TwoLenders, [message]);

        Assert.Equal(("某某消费金融", AttributionBasis.SameNumber), attribution.Attribute(Call("17000001234")));
    }

    [Fact]
    public void Attribute_NumberWhoseMessagesNameTwoLenders_IsNotLinkedToEither()
    {
        var messages = new[] { Sms("17000001234", "极速借逾期"), Sms("17000001234", "某某消费金融逾期") };
        var attribution = LenderAttribution.Of(TwoLenders, messages);

        Assert.Null(attribution.Attribute(Call("17000001234")));
    }

    [Fact]
    public void Attribute_MessageNamingNoLender_IsNotAttributed()
    {
        var message = Sms("16500009999", "老赖，你全家都不得好死");
        var attribution = LenderAttribution.Of(TwoLenders, [message]);

        Assert.Null(attribution.Attribute(message));
    }

    [Fact]
    public void Attribute_NumberTheBorrowerMarked_WinsOverTheNamesInTheText()
    {
        var message = Sms("16500009999", "极速借的事你自己清楚");
        var attribution = LenderAttribution.Of(TwoLenders, [message], new Dictionary<string, string> { ["16500009999"] = "某某消费金融" });

        Assert.Equal(("某某消费金融", AttributionBasis.MarkedNumber), attribution.Attribute(message));
    }

    [Fact]
    public void Named_ShorterNameInsideALongerNamedLender_CountsOnlyTheLonger()
    {
        Assert.Equal(["极速借钱包"], LenderAttribution.Named(["极速借", "极速借钱包"], "你在极速借钱包的欠款"));
    }

    [Fact]
    public void Named_SuffixLeavingOneCharacter_DoesNotMatchThatCharacter()
    {
        Assert.Empty(LenderAttribution.Named(["某App"], "某人找你"));
    }
}
