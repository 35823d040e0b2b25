namespace DebtShield.Tests.Shared;

/// <summary>
/// The test clock: a <see cref="TimeProvider"/> stopped at one instant, so "today", overdue days and
/// the stamps written into ledgers and documents are the same on every run. Only the wall clock is
/// fixed; timers and timestamps for measuring elapsed time stay the system's.
/// </summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>The instant this clock always reads.</summary>
    public override DateTimeOffset GetUtcNow() => now;
}
