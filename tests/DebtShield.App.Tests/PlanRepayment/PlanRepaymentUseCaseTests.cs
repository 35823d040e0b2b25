using System.Text;
using System.Text.RegularExpressions;
using DebtShield.App.Budgets;
using DebtShield.App.PlanRepayment;
using DebtShield.App.RecordLoans;
using DebtShield.Core;
using DebtShield.Core.Budget;
using DebtShield.Core.Loans;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.PlanRepayment;

/// <summary>
/// The planning use cases on a real ledger of each provider. The case is small enough to work out by
/// hand: two interest-free loans and 500 yuan a month for debts, on 2026-12-01.
/// <list type="bullet">
/// <item>B银行分期 (a bank): 24 × 100 yuan on the 1st from 2025-11-01; December 2025 was paid late, with
/// January, on 2026-01-10; paid up to 2026-11-01, so 1,100 yuan and 11 instalments remain.</item>
/// <item>A网贷 (an online platform): 6 × 500 yuan on the 20th from 2026-10-20; only the first is paid,
/// so 2026-11-20 is overdue and 2,500 yuan remain.</item>
/// </list>
/// Month 0 asks 1,100 yuan (the bank's 100, the platform's overdue and December 500s) of a 500-yuan
/// budget. Keeping the bank current and giving the platform the other 400 a month leaves the platform
/// behind for six months (163 days from the plan's start, 193 counted from 2026-11-20) and clears both
/// loans in month 8. No plan does better: the platform cannot be current before the budget has covered
/// all 2,500 of it, which takes to month 6 with the bank kept current, and every month the bank is let
/// slip instead costs as many days as it saves. Paying the platform first (avalanche, as both rates tie)
/// puts the bank behind for six months as well: 284 days.
/// </summary>
public sealed class PlanRepaymentUseCaseTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Plan_ShortBudget_KeepsTheBankCurrentLeavesThePlatformBehindSixMonthsAndProvesItOptimal(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await CaseAsync(test);

        // (a limit well above the fraction of a second the proof takes, so a busy machine cannot stop it early)
        var report = await App.PlanRepayment.PlanRepayment.PlanAsync(ledger, null, Today, new PlanOptions(TimeLimit: TimeSpan.FromSeconds(60)));

        Assert.Equal((500m, "ledger", 35), (report.Budget, report.BudgetSource, report.Months));
        Assert.Equal([("A网贷", 2500m, false), ("B银行分期", 1100m, true)], report.Loans.Select(l => (l.Id, l.LawfulBalance, l.KeepCurrentFirst)));
        Assert.Contains("budget_below_dues", report.Warnings.Select(w => w.Code));
        Assert.Equal(["B银行分期", "A网贷"], report.LeastBadOrder);
        Assert.Equal(["avalanche", "snowball", "lawful_first", "optimized"], report.Strategies.Select(s => s.Name));
        Assert.All(report.Strategies, s => Assert.Equal((8, 3600m, 0m, 0m), (s.MonthsToDebtFree!.Value, s.TotalPaid, s.InterestPaid, s.Remaining)));

        var lawfulFirst = report.Strategies.Single(s => s.Name == "lawful_first");
        Assert.Equal((163, 3600m + (50m * 163)), (lawfulFirst.DaysBehind, lawfulFirst.Objective));
        Assert.Equal([new OverdueFigure("A网贷", new DateOnly(2026, 11, 20), 193)], lawfulFirst.Overdue);
        Assert.Equal([500m, 500m, 500m, 500m, 500m, 500m, 500m, 100m, 0m], lawfulFirst.PaidByMonth.Take(9));
        var avalanche = report.Strategies.Single(s => s.Name == "avalanche");
        Assert.Equal((284, 17800m), (avalanche.DaysBehind, avalanche.Objective));
        Assert.Equal(["A网贷", "B银行分期"], avalanche.Overdue.Select(o => o.LoanId));

        var optimized = report.Strategies.Single(s => s.Name == "optimized");
        Assert.Equal((163, 11750m), (optimized.DaysBehind, optimized.Objective));
        Assert.Equal("optimal", report.OptimizerStatus);
        Assert.InRange(report.OptimizerGap!.Value, 0.0, 1e-4);
        Assert.Equal(Math.Round((17800.0 - 11750.0) / 11750.0, 6), report.OptimalityGap["avalanche"]);
        Assert.Equal(0.0, report.OptimalityGap["lawful_first"]);
        Assert.Equal(0.0, report.OptimalityGap["snowball"]);
        var proposal = Assert.Single(report.Negotiation);
        Assert.Equal(("A网贷", 2500m, 400m, 7), (proposal.LoanId, proposal.LawfulBalance, proposal.MonthlyAmount, proposal.Months));
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Due_NextSevenDays_ListsTheOverdueInstalmentFirstAndTheStrategiesThatPayEachOnTime(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await CaseAsync(test);
        var facts = await CaseFacts.LoadAsync(ledger, null);

        var due = DueSoon.Of(facts, Today, 7, new PlanOptions(Optimize: false));

        Assert.Equal(
            [
                new DueItem(new DateOnly(2026, 11, 20), "A网贷", "某网贷App", 500m, 500m, true, []),
                new DueItem(new DateOnly(2026, 12, 1), "B银行分期", "某银行", 100m, 100m, false, ["snowball", "lawful_first"]),
            ],
            due.Items,
            new DueItemComparer());
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task CalendarFeed_ComparedWithTheExport_IsTheSameFileWithEveryInstalmentOnceStableUidsAndThreeAlarms(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await CaseAsync(test);
        var file = Path.Combine(Path.GetTempPath(), $"debtshield-{Guid.NewGuid():N}.ics");

        var feed = await CalendarExport.FeedAsync(ledger, null, Clock);
        var later = await CalendarExport.FeedAsync(ledger, null, new FixedClock(new DateTimeOffset(2026, 12, 20, 2, 0, 0, TimeSpan.Zero)));
        var written = await CalendarExport.WriteAsync(await CaseFacts.LoadAsync(ledger, null), file, Today, Clock.GetUtcNow());

        try
        {
            var text = Encoding.UTF8.GetString(feed.Content.Span);
            Assert.Equal((30, 30), (feed.Events, written));
            Assert.Equal(feed.Content.ToArray(), File.ReadAllBytes(file));
            var uids = Uids(text);
            Assert.Equal(30, uids.Distinct().Count());
            Assert.Equal(uids, Uids(Encoding.UTF8.GetString(later.Content.Span)));
            Assert.Equal(90, Regex.Count(text, "BEGIN:VALARM"));
            Assert.Equal(30, Regex.Count(text, "DTSTART:"));

            // the overdue instalment of 2026-11-20, at 9:00 China Standard Time
            Assert.Contains("DTSTART:20261120T010000Z", text, StringComparison.Ordinal);
            Assert.Equal("text/calendar; charset=utf-8", CalendarFeed.ContentType);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Credit_LateBankInstalment_EndsWhenRepaidDropsOffFiveYearsLaterAndTheOneTimeRepairApplies(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await CaseAsync(test);

        var credit = CreditRecords.Of(await CaseFacts.LoadAsync(ledger, null), Today);

        Assert.Equal(
            [
                new CreditEpisodeFigure("B银行分期", "某银行", null, "uncertain", new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 10), 200m, new DateOnly(2031, 1, 10), "applies", new DateOnly(2026, 2, 28)),
                new CreditEpisodeFigure("A网贷", "某网贷App", null, "uncertain", new DateOnly(2026, 11, 20), null, 500m, null, "outside_period", null),
            ],
            credit.Episodes);
        Assert.Equal((5, 10000m, new DateOnly(2026, 3, 31)), (credit.Policy.RetentionYears, credit.Policy.RepairMaxAmount, credit.Policy.RepairRepaidBy));
        Assert.Equal("uncertain", credit.Policy.ReportingStatus);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Afford_ThreeMonthLoanOf3000_RaisesDebtServiceAndFallsBehindItself(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await CaseAsync(test);
        var offer = Create(
            "C新借款",
            new Lender("另一个App", LenderKind.OnlinePlatform),
            Today,
            3000m,
            [.. Enumerable.Range(1, 3).Select(m => new Instalment(Today.AddMonths(m), new Money(1000m)))],
            []);

        var report = Affordability.Of(await CaseFacts.LoadAsync(ledger, null), offer, Today, new PlanOptions(Optimize: false));

        // Dues over the coming year: 1,100 (bank) + 2,500 (platform) = 3,600 now, 6,600 with the offer; income 3,000.
        Assert.Equal((3000m, 3000m), (report.LawfulBalance, report.Received));
        Assert.Equal((300m, 550m), (report.DebtServiceBefore, report.DebtServiceAfter));
        Assert.Equal((0.1, 0.1833), (report.DebtServiceToIncomeBefore!.Value, report.DebtServiceToIncomeAfter!.Value));

        // Its 3,000 pays both old loans off in month 0; then 500 a month cannot meet its 1,000 dues.
        Assert.Empty(report.PushedBehind);
        Assert.True(report.NewLoanBehind);
    }

    [Fact]
    public void Afford_OfferFileThatIsNoLoan_IsRefusedNamingTheFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"debtshield-offer-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "{\"principal\": \"很多\"}");
        try
        {
            var facts = new CaseFacts(null, [], new MonthlyBudget([]));

            var refused = Assert.Throws<RequestRefusedException>(() => Affordability.ForFile(facts, file, Today, new PlanOptions(Optimize: false)));

            Assert.Contains(Path.GetFileName(file), refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task Plan_AskedAgain_IsTheKeptPlanUntilAPaymentTheBudgetTheDayOrTheOptionsChange(string provider)
    {
        using var test = TestLedgers.CreateMigrated(provider);
        var ledger = await CaseAsync(test);
        var options = new PlanOptions(Optimize: false);
        var first = await App.PlanRepayment.PlanRepayment.PlanAsync(ledger, null, Today, options);

        Assert.Same(first, await App.PlanRepayment.PlanRepayment.PlanAsync(ledger, null, Today, options with { }));
        Assert.NotSame(first, await App.PlanRepayment.PlanRepayment.PlanAsync(ledger, null, Today, options with { Budget = 600m }));
        Assert.NotSame(first, await App.PlanRepayment.PlanRepayment.PlanAsync(ledger, null, Today.AddDays(1), options));
        var kept = await App.PlanRepayment.PlanRepayment.PlanAsync(ledger, null, Today, options);
        Assert.Same(kept, await App.PlanRepayment.PlanRepayment.PlanAsync(ledger, null, Today, options));

        await RecordLoan.AddPaymentAsync(ledger, null, "A网贷", new Payment(Today, new Money(500m)), Clock);
        var paid = await App.PlanRepayment.PlanRepayment.PlanAsync(ledger, null, Today, options);
        Assert.Equal((2500m, 2000m), (kept.Loans.Single(l => l.Id == "A网贷").LawfulBalance, paid.Loans.Single(l => l.Id == "A网贷").LawfulBalance));

        await CaseBudget.SetAsync(ledger, null, new MonthlyBudget([new BudgetLine(BudgetLineKind.Income, "工资", new Money(3000m))]), Clock);
        var budgeted = await App.PlanRepayment.PlanRepayment.PlanAsync(ledger, null, Today, options);
        Assert.Equal((500m, 3000m), (paid.Budget, budgeted.Budget));
        Assert.Same(budgeted, await App.PlanRepayment.PlanRepayment.PlanAsync(ledger, null, Today, options));
    }

    /// <summary>Opens the test ledger and records the case: the two loans and a budget of 3,000 income, 2,500 essentials.</summary>
    private static async Task<Data.Ledger> CaseAsync(TestLedger test)
    {
        var ledger = await Data.Ledger.OpenAsync(test.Location, () => null, null);
        var bankPayments = new[] { new Payment(new DateOnly(2025, 11, 1), new Money(100m)), new Payment(new DateOnly(2026, 1, 10), new Money(200m)) }
            .Concat(Enumerable.Range(0, 10).Select(m => new Payment(new DateOnly(2026, 2, 1).AddMonths(m), new Money(100m))));
        await RecordLoan.AddAsync(ledger, null, Create(
            "B银行分期",
            new Lender("某银行", LenderKind.Bank),
            new DateOnly(2025, 10, 1),
            2400m,
            [.. Enumerable.Range(0, 24).Select(m => new Instalment(new DateOnly(2025, 11, 1).AddMonths(m), new Money(100m)))],
            [.. bankPayments]), Clock);
        await RecordLoan.AddAsync(ledger, null, Create(
            "A网贷",
            new Lender("某网贷App", LenderKind.OnlinePlatform),
            new DateOnly(2026, 9, 1),
            3000m,
            [.. Enumerable.Range(0, 6).Select(m => new Instalment(new DateOnly(2026, 10, 20).AddMonths(m), new Money(500m)))],
            [new Payment(new DateOnly(2026, 10, 20), new Money(500m))],
            ZeroOverdueRate), Clock);
        await CaseBudget.SetAsync(ledger, null, new MonthlyBudget([
            new BudgetLine(BudgetLineKind.Income, "工资", new Money(3000m)),
            new BudgetLine(BudgetLineKind.EssentialExpense, "房租和吃饭", new Money(2500m)),
        ]), Clock);
        return ledger;
    }

    /// <summary>
    /// The platform loan's contract agrees 0% overdue interest, so its lawful figure stays the unpaid
    /// principal (with nothing agreed the law would add the one-year LPR from the overdue day).
    /// </summary>
    private static readonly OverdueTerms ZeroOverdueRate = OverdueTerms.Agreed(new OverdueRate(0m, RatePer.Year), null, null);

    private static Loan Create(string id, Lender lender, DateOnly contract, decimal principal, Instalment[] schedule, Payment[] payments, OverdueTerms? overdueTerms = null)
    {
        var creation = Loan.Create(id, lender, contract, new Money(principal), new Money(principal), [], schedule, payments, null, overdueTerms);
        Assert.True(creation.Succeeded);
        return creation.Loan;
    }

    private static string[] Uids(string calendar) => [.. Regex.Matches(calendar, @"^UID:(\S+)\r?$", RegexOptions.Multiline).Select(m => m.Groups[1].Value)];

    /// <summary>Due items by value, the strategies that pay them included.</summary>
    private sealed class DueItemComparer : IEqualityComparer<DueItem>
    {
        public bool Equals(DueItem? x, DueItem? y) =>
            x is not null && y is not null && x with { PaidBy = [] } == y with { PaidBy = [] } && x.PaidBy.SequenceEqual(y.PaidBy);

        public int GetHashCode(DueItem obj) => obj.Date.GetHashCode();
    }
}
