namespace DebtShield.Tests.Shared;

/// <summary>
/// The test clock: a <see cref="TimeProvider"/> stopped at one instant, so "today", overdue days and
/// the stamps written into ledgers and documents are the same on every run; a test of what expires
/// moves it on itself (<see cref="Advance"/>). Only the wall clock is fixed; timers and timestamps
/// for measuring elapsed time stay the system's.
/// </summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    /// <summary>The instant this clock reads until it is moved.</summary>
    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock on by <paramref name="by"/>, as a test of a lifetime needs (a pairing link's, a session's).</summary>
    public void Advance(TimeSpan by) => _now += by;
}
