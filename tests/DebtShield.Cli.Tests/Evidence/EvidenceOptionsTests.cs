using DebtShield.Cli.Commands.Evidence;
using DebtShield.Core.Evidence;

namespace DebtShield.Cli.Tests.Evidence;

/// <summary>How <c>evidence add</c> reads <c>--outcome</c>: through the call-outcome vocabulary, so every name the pages show is accepted.</summary>
public sealed class EvidenceOptionsTests
{
    [Theory]
    [InlineData("missed", CallOutcome.Missed)]
    [InlineData("未接", CallOutcome.Missed)]
    [InlineData("拒接", CallOutcome.Rejected)]
    [InlineData("已拦截", CallOutcome.Blocked)]
    [InlineData("语音留言", CallOutcome.Voicemail)]
    [InlineData(" Answered ", CallOutcome.Answered)]
    public void TryOutcome_AWireIdOrAName_IsThatOutcome(string given, CallOutcome expected)
    {
        Assert.True(EvidenceOptions.TryOutcome(given, out var outcome));
        Assert.Equal(expected, outcome);
    }

    [Theory]
    [InlineData("busy")]
    [InlineData("")]
    public void TryOutcome_AnyOtherWord_IsRefused(string given) =>
        Assert.False(EvidenceOptions.TryOutcome(given, out _));
}
