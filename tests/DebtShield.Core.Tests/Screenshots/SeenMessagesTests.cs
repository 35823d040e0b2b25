using DebtShield.Core.Evidence;
using DebtShield.Core.Screenshots;

namespace DebtShield.Core.Tests.Screenshots;

public sealed class SeenMessagesTests
{
    private const string Threat = "今天下午6点前不还，我们就把你的欠款信息发给你通讯录里所有人";
    private static readonly DateTimeOffset Stamp = new(2026, 11, 4, 8, 15, 0, ChinaStandardTime.Offset);

    private static SeenMessage Message(string text, DateTimeOffset time, bool estimated = false, string conversation = "王经理", IncidentDirection direction = IncidentDirection.Received) =>
        new(conversation, direction, text, time, estimated);

    [Fact]
    public void TryAdd_SameMessageUnderTheSameStamp_IsKnown()
    {
        var seen = new SeenMessages();

        Assert.True(seen.TryAdd(Message(Threat, Stamp)));
        Assert.False(seen.TryAdd(Message(Threat.Replace("欠款", "多款", StringComparison.Ordinal), Stamp)));
        Assert.False(seen.TryAdd(Message(Threat, Stamp.AddHours(10), estimated: true)));
    }

    [Fact]
    public void TryAdd_TheSameTemplateOnAnotherDayOrFromAnotherSide_IsNew()
    {
        var seen = new SeenMessages();
        seen.TryAdd(Message(Threat, Stamp));

        Assert.True(seen.TryAdd(Message(Threat, Stamp.AddDays(1))));
        Assert.True(seen.TryAdd(Message(Threat, Stamp.AddHours(-1), estimated: true)));
        Assert.True(seen.TryAdd(Message(Threat, Stamp.AddHours(-1), estimated: true, conversation: "李专员")));
        Assert.True(seen.TryAdd(Message(Threat, Stamp, direction: IncidentDirection.Sent)));
    }

    [Fact]
    public void TryAdd_EstimateDaysAfterTheStampOrAFragment_IsTheMessageAlreadyKept()
    {
        // The second of two overlapping screenshots shows the message with its stamp scrolled away:
        // its time is the next stamp below, days later; OCR may also give only part of it.
        var seen = new SeenMessages();
        seen.TryAdd(Message(Threat, Stamp));

        Assert.False(seen.TryAdd(Message(Threat, Stamp.AddDays(3), estimated: true)));
        Assert.False(seen.TryAdd(Message("我们就把你的欠款信息发给你通讯录里所有人", Stamp)));
        Assert.True(seen.TryAdd(Message("所有人", Stamp)));
    }

    [Fact]
    public void TryAdd_ShortTextsDifferingInOneCharacter_AreDifferentMessages()
    {
        var seen = new SeenMessages();
        seen.TryAdd(Message("明天上门", Stamp));

        Assert.True(seen.TryAdd(Message("今天上门", Stamp)));
        Assert.False(seen.TryAdd(Message("明天 上门", Stamp)));
    }

    [Fact]
    public void TryAdd_TheSameMessageReadWithOtherPunctuation_IsKnown()
    {
        // One screenshot's comma read full-width, the other's as ASCII, and an emoji as a colon.
        var seen = new SeenMessages();
        seen.TryAdd(Message("我會按時還款，謝謝", Stamp, direction: IncidentDirection.Sent));

        Assert.False(seen.TryAdd(Message("我會按時還款,謝謝：", Stamp, direction: IncidentDirection.Sent)));
        Assert.True(seen.TryAdd(Message("我會按時還款，谢谢你", Stamp, direction: IncidentDirection.Sent)));
    }

    [Fact]
    public void TryAdd_TheSameMessageUnderATitleReadShort_IsKnown()
    {
        // The second screenshot's title lost its last two characters to OCR.
        var seen = new SeenMessages();
        seen.TryAdd(Message(Threat, Stamp, conversation: "融易借在线客服"));

        Assert.False(seen.TryAdd(Message(Threat, Stamp, conversation: "融易借在线")));
        Assert.True(seen.TryAdd(Message(Threat, Stamp, conversation: "融易")));
        Assert.True(seen.TryAdd(Message(Threat, Stamp, conversation: "速贷宝客服")));
    }
}
