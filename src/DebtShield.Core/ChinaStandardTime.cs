namespace DebtShield.Core;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving): the clock a Chinese borrower's "today", due
/// dates and call hours are read on, whatever zone the machine is set to.
/// </summary>
public static class ChinaStandardTime
{
    /// <summary>The offset from UTC.</summary>
    public static TimeSpan Offset { get; } = TimeSpan.FromHours(8);

    /// <summary>Today's date in China, from <paramref name="time"/>.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);
    }
}
