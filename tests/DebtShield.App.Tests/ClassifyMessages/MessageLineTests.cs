using DebtShield.App.ClassifyMessages;

namespace DebtShield.App.Tests.ClassifyMessages;

public sealed class MessageLineTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("2026-03-15T23:30:00+08:00", "2026-03-15T23:30:00+08:00")]
    [InlineData("2026-03-15 23:30:00+08:00", "2026-03-15T23:30:00+08:00")]
    [InlineData("2026-03-15T15:30:00Z", "2026-03-15T15:30:00+00:00")]
    [InlineData("2026-03-15T23:30:00", "2026-03-15T23:30:00+08:00")]
    [InlineData("2026-03-15 23:30", "2026-03-15T23:30:00+08:00")]
    [InlineData("2026-03-15T23:30:00-05:30", "2026-03-15T23:30:00-05:30")]
    [InlineData("2026-03-15 23:30:00+14:00", "2026-03-15T23:30:00+14:00")]
    [InlineData("2026-03-15T23:30:00.250+08:00", "2026-03-15T23:30:00.250+08:00")]
    [InlineData("2024-02-29T00:00:00Z", "2024-02-29T00:00:00+00:00")]
    public void TryParseTime_ZoneWrittenOrNot_ReadsTheSameInstantWhateverTheMachineZone(string text, string expected)
    {
        Assert.True(MessageLine.TryParseTime(text, China, out var time));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, time.Offset);
    }

    [Theory]
    [InlineData("9999-12-31T12:00:00+08:00")]
    [InlineData("9999-12-31T23:00:00Z")]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("yesterday")]
    [InlineData("2026-02-29T12:00:00+08:00")]
    [InlineData("2026-03-15T23:30:00+15:00")]
    public void TryParseTime_AtTheCalendarsEndsOrNotATime_IsRefused(string text) =>
        Assert.False(MessageLine.TryParseTime(text, China, out _));
}
