using DebtShield.Core.Law;
using DebtShield.Core.Loans;

namespace DebtShield.Core.Tests.Law;

/// <summary>
/// Two accounts run together (an overdue account with the agreed terms and at the cap, which apply
/// their payments up to the arrears once) give exactly the balances two separate runs give: every
/// figure the same decimal, scale included, whether the stretches part late, early, at once or never.
/// </summary>
public sealed class LawfulBalanceSharedRunTests
{
    private static readonly DateOnly Start = new(2019, 3, 10);

    [Fact]
    public void ComputeBoth_StretchesPartingAnywhere_EqualsTwoSeparateRuns()
    {
        var random = new Random(27);
        for (var trial = 0; trial < 3_000; trial++)
        {
            var payments = Payments(random);
            var asOf = Start.AddDays(random.Next(1, 1_600));
            var (first, second) = Stretches(random);

            var (sharedFirst, sharedSecond) = LawfulBalance.ComputeBoth(new Money(10_000.5m), Start, payments, asOf, first, second, DayCount.Actual365);

            AssertSame(Separately(new Money(10_000.5m), payments, asOf, first), sharedFirst, trial);
            AssertSame(Separately(new Money(10_000.5m), payments, asOf, second), sharedSecond, trial);
        }
    }

    [Fact]
    public void ComputeBoth_OverdueStretchAfterEveryPayment_EqualsTwoSeparateRuns()
    {
        // The batch's common case: every payment made before the arrears began, then the agreed
        // rate and the cap part.
        PaymentEntry[] payments =
        [
            new(Start.AddDays(30), new Money(1_000m), PaymentTarget.Default),
            new(Start.AddDays(61), new Money(500.25m), PaymentTarget.Default),
            new(Start.AddDays(90), new Money(1_000m), PaymentTarget.Default),
        ];
        var since = Start.AddDays(120);
        AccrualRate[] rated = [new(Start, 0.154m), new(since, 0.24m)];
        AccrualRate[] atCap = [new(Start, 0.154m), new(since, 0.154m)];

        var (first, second) = LawfulBalance.ComputeBoth(new Money(10_000m), Start, payments, Start.AddDays(400), rated, atCap, DayCount.Actual365);

        AssertSame(Separately(new Money(10_000m), payments, Start.AddDays(400), rated), first, 0);
        AssertSame(Separately(new Money(10_000m), payments, Start.AddDays(400), atCap), second, 0);
        Assert.True(first.TotalDue > second.TotalDue);
    }

    [Fact]
    public void ComputeFromKept_ViewsAlikeWithTheContractOrNot_EqualSeparateRuns()
    {
        // The legal check keeps the contract's account where the arrears began (or on the as-of
        // day) and runs its views from it where they accrue alike until then: one view, or two
        // together, every figure as separate runs give it.
        var random = new Random(2718);
        var keptFrom = 0;
        for (var trial = 0; trial < 3_000; trial++)
        {
            var payments = Payments(random);
            var asOf = Start.AddDays(random.Next(1, 1_600));
            var contract = new AccrualRate[] { Stretch(random, Start) };
            var keep = random.Next(4) == 0 ? asOf : Start.AddDays(random.Next(0, 400));
            var (contractBalance, soFar) = LawfulBalance.ComputeAndKeep(new Money(10_000.5m), Start, payments, asOf, contract, DayCount.Actual365, keep);
            AssertSame(Separately(new Money(10_000.5m), payments, asOf, contract), contractBalance, trial);

            // A view: the contract's stretch (or another), then a stretch or two of its own from some day.
            var (first, second) = Stretches(random);
            if (random.Next(3) > 0)
            {
                first[0] = contract[0];
            }

            if (second.Length > 0 && random.Next(2) == 0)
            {
                second[0] = first[0];
            }

            var alone = LawfulBalance.Compute(new Money(10_000.5m), Start, payments, asOf, first, DayCount.Actual365, soFar);
            AssertSame(Separately(new Money(10_000.5m), payments, asOf, first), alone, trial);
            var (sharedFirst, sharedSecond) = LawfulBalance.ComputeBoth(new Money(10_000.5m), Start, payments, asOf, first, second, DayCount.Actual365, soFar);
            AssertSame(Separately(new Money(10_000.5m), payments, asOf, first), sharedFirst, trial);
            AssertSame(Separately(new Money(10_000.5m), payments, asOf, second), sharedSecond, trial);
            keptFrom += first[0] == contract[0] && (first.Length == 1 || first[1].From >= keep) ? 1 : 0;
        }

        // The kept account was really gone on from, often.
        Assert.True(keptFrom > 500, $"only {keptFrom} trials went on from the contract's account");
    }

    [Fact]
    public void Compute_OneStretch_SameAsWithALaterStretchNeverReached()
    {
        // A stretch that starts after the as-of day never accrues: an account with it runs the
        // general loop over stretches, and must stand exactly where the one-stretch account does
        // (issue 27: one stretch skips the loop), decimal bits and scale included.
        var random = new Random(365);
        for (var trial = 0; trial < 3_000; trial++)
        {
            var payments = Payments(random);
            var asOf = Start.AddDays(random.Next(1, 1_600));
            var stretch = Stretch(random, Start);
            var dayCount = random.Next(2) == 0 ? DayCount.Actual365 : DayCount.Actual360;
            var principal = new Money(new decimal(random.Next(100, 5_000_000), 0, 0, false, (byte)random.Next(0, 3)));

            var (alone, aloneSoFar) = LawfulBalance.ComputeAndKeep(principal, Start, payments, asOf, [stretch], dayCount, asOf);
            var (withUnreached, withUnreachedSoFar) = LawfulBalance.ComputeAndKeep(principal, Start, payments, asOf, [stretch, Stretch(random, asOf.AddDays(1))], dayCount, asOf);

            // The account before its rounding to the fen, every figure's bits, and the rounded balance.
            AssertSameBits(withUnreachedSoFar.Account, aloneSoFar.Account, trial);
            AssertSame(withUnreached, alone, trial);
        }
    }

    private static void AssertSameBits(LawfulBalance.Account expected, LawfulBalance.Account actual, int trial)
    {
        Assert.Equal((expected.Day, expected.Applied), (actual.Day, actual.Applied));
        foreach (var (want, got) in (ReadOnlySpan<(decimal, decimal)>)[
            (expected.Owed, actual.Owed), (expected.Interest, actual.Interest), (expected.Band, actual.Band),
            (expected.Retained, actual.Retained), (expected.Paid, actual.Paid)])
        {
            Assert.True(
                decimal.GetBits(want).AsSpan().SequenceEqual(decimal.GetBits(got)),
                $"trial {trial}: {want} expected, {got} from the one-stretch account");
        }
    }

    /// <summary>One account alone, through the public door.</summary>
    private static LawfulBalance Separately(Money principal, PaymentEntry[] payments, DateOnly asOf, AccrualRate[] rates) =>
        LawfulBalance.Compute(principal, Start, [.. payments.Select(p => p.ToPayment())], asOf, (IReadOnlyList<AccrualRate>)rates, DayCount.Actual365);

    private static PaymentEntry[] Payments(Random random)
    {
        var payments = new PaymentEntry[random.Next(0, 45)];
        var day = Start;
        for (var i = 0; i < payments.Length; i++)
        {
            day = day.AddDays(random.Next(0, 40));
            var amount = new decimal(random.Next(1, 300_000), 0, 0, false, (byte)random.Next(0, 3));
            payments[i] = new PaymentEntry(day, new Money(amount), random.Next(8) == 0 ? PaymentTarget.Principal : PaymentTarget.Default);
        }

        return payments;
    }

    /// <summary>Two sets of stretches with the same leading stretches and a random tail each, some with a kept-if-paid band.</summary>
    private static (AccrualRate[] First, AccrualRate[] Second) Stretches(Random random)
    {
        var shared = new List<AccrualRate> { Stretch(random, Start) };
        var day = Start;
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            day = day.AddDays(random.Next(1, 400));
            shared.Add(Stretch(random, day));
        }

        AccrualRate[] first = [.. shared, .. Tail(random, day)];
        AccrualRate[] second = [.. shared.Skip(random.Next(4) == 0 ? 1 : 0), .. Tail(random, day)];
        return (first, second);
    }

    private static IEnumerable<AccrualRate> Tail(Random random, DateOnly after)
    {
        var day = after;
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            day = day.AddDays(random.Next(1, 400));
            yield return Stretch(random, day);
        }
    }

    private static AccrualRate Stretch(Random random, DateOnly from) => new(
        from,
        new decimal(random.Next(0, 400), 0, 0, false, 3),
        random.Next(5) == 0 ? new decimal(random.Next(1, 120), 0, 0, false, 3) : 0m);

    private static void AssertSame(LawfulBalance expected, LawfulBalance actual, int trial)
    {
        foreach (var (want, got) in (ReadOnlySpan<(Money, Money)>)[
            (expected.PrincipalOutstanding, actual.PrincipalOutstanding), (expected.InterestDue, actual.InterestDue),
            (expected.Paid, actual.Paid), (expected.Overpaid, actual.Overpaid), (expected.Retained, actual.Retained)])
        {
            Assert.True(
                decimal.GetBits(want.Yuan).AsSpan().SequenceEqual(decimal.GetBits(got.Yuan)),
                $"trial {trial}: {want.Yuan} expected, {got.Yuan} from the shared run");
        }
    }
}
