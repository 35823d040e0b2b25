using System.Text.Json;
using System.Text.RegularExpressions;
using DebtShield.Cli.Tests.Ledger;

namespace DebtShield.Cli.Tests.Planning;

/// <summary>
/// <c>plan</c>, <c>due</c>, <c>calendar export</c>, <c>credit</c> and <c>afford</c> through the program's
/// entry point on a real SQLite ledger. The tests that only read the demo case read one demo ledger
/// made for the class (<see cref="DemoLedger"/>); a test that writes to its ledger makes its own.
/// </summary>
public sealed partial class PlanCommandTests(PlanCommandTests.DemoLedger demo) : IClassFixture<PlanCommandTests.DemoLedger>
{
    private static readonly string[] StrategyNames = ["avalanche", "snowball", "lawful_first", "optimized"];

    [Fact]
    public void PlanJson_DemoCase_HasEveryStrategyWithTheIssuesFieldNamesAndNoHeuristicBeatsTheOptimum()
    {
        var cli = demo.Cli;

        using var plan = JsonDocument.Parse(cli.Succeed("plan", "--json"));

        var strategies = plan.RootElement.GetProperty("strategies").EnumerateArray().ToArray();
        Assert.Equal(StrategyNames, strategies.Select(s => s.GetProperty("name").GetString()));
        var optimum = strategies[3].GetProperty("objective").GetDecimal();
        foreach (var strategy in strategies)
        {
            Assert.True(strategy.GetProperty("totalPaid").GetDecimal() > 0m);
            Assert.True(strategy.GetProperty("interestPaid").GetDecimal() >= 0m);
            Assert.Equal(JsonValueKind.Number, strategy.GetProperty("monthsToDebtFree").ValueKind);
            foreach (var overdue in strategy.GetProperty("overdue").EnumerateArray())
            {
                Assert.Equal(["loanId", "from", "days"], overdue.EnumerateObject().Select(p => p.Name));
                Assert.True(overdue.GetProperty("days").GetInt32() > 0);
            }

            Assert.True(optimum <= strategy.GetProperty("objective").GetDecimal() + 0.01m, strategy.GetProperty("name").GetString());
        }

        var gaps = plan.RootElement.GetProperty("optimalityGap");
        Assert.Equal(StrategyNames[..3], gaps.EnumerateObject().Select(p => p.Name));
        Assert.All(gaps.EnumerateObject(), g => Assert.True(g.Value.GetDouble() >= -1e-6));
        Assert.InRange(plan.RootElement.GetProperty("optimizerGap").GetDouble(), 0.0, 1.0);
        Assert.Equal(5, plan.RootElement.GetProperty("loans").GetArrayLength());
    }

    [Fact]
    public void Plan_BudgetZero_SaysSoPlainlyWithTheLeastBadOrderAndExitsZero()
    {
        var cli = demo.Cli;

        using var plan = JsonDocument.Parse(cli.Succeed("plan", "--budget", "0", "--json"));

        var warnings = plan.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToArray();
        Assert.Contains("budget_below_dues", warnings);
        Assert.Contains("never_debt_free", warnings);
        Assert.Equal(5, plan.RootElement.GetProperty("leastBadOrder").GetArrayLength());
        Assert.All(plan.RootElement.GetProperty("strategies").EnumerateArray(), s =>
        {
            Assert.Equal(0m, s.GetProperty("totalPaid").GetDecimal());
            Assert.Equal(JsonValueKind.Null, s.GetProperty("monthsToDebtFree").ValueKind);
        });
    }

    [Fact]
    public void Plan_IncomeBelowEssentials_WarnsInTheTableAndStillShowsTheOrder()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("demo");
        cli.Succeed("budget", "set", "--income", "工资=1000", "--expense", "房租=1500");

        var text = cli.Succeed("plan", "--lang", "en");

        Assert.Contains("monthly income (1000.00 yuan) is below essential expenses (1500.00 yuan)", text, StringComparison.Ordinal);
        Assert.Contains("pay in this order (least bad)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_EmptyLedger_SaysThereIsNothingToPlan()
    {
        using var cli = new LedgerCli("sqlite");

        using var plan = JsonDocument.Parse(cli.Succeed("plan", "--json"));

        Assert.Contains("no_loans", plan.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
        Assert.Equal("skipped", plan.RootElement.GetProperty("optimizerStatus").GetString());
        Assert.Equal(JsonValueKind.Null, plan.RootElement.GetProperty("optimizerGap").ValueKind);
    }

    [Theory]
    [InlineData("--budget", "-5")]
    [InlineData("--budget", "很多")]
    [InlineData("--chart", "plan.pdf")]
    public void Plan_BadOption_ExitsOneNamingIt(string option, string value)
    {
        using var cli = new LedgerCli("sqlite");

        var result = cli.Run("plan", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(option, result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan.svg", "<svg")]
    [InlineData("plan.png", "\u0089PNG")]
    public void PlanChart_ToAFile_WritesTheImage(string file, string start)
    {
        var cli = demo.Cli;

        cli.Succeed("plan", "--chart", file);

        var head = File.ReadAllBytes(cli.PathOf(file)).Take(300).Select(b => (char)b).ToArray();
        Assert.Contains(start, new string(head), StringComparison.Ordinal);
    }

    [Fact]
    public void CalendarExport_TwiceAndAfterAPayment_KeepsEveryUid()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("demo");

        cli.Succeed("calendar", "export", "a.ics");
        cli.Succeed("calendar", "export", "b.ics");
        cli.Succeed("payment", "add", "极速借", "--amount", "500", "--date", "2026-11-20");
        cli.Succeed("calendar", "export", "c.ics");

        var a = File.ReadAllText(cli.PathOf("a.ics"));
        var uids = Uids(a);
        Assert.Equal(cli.Scalar("SELECT COUNT(*) FROM instalments"), uids.Length);
        Assert.Equal(uids.Length, uids.Distinct().Count());
        Assert.Equal(uids, Uids(File.ReadAllText(cli.PathOf("b.ics"))));
        Assert.Equal(uids, Uids(File.ReadAllText(cli.PathOf("c.ics"))));
        Assert.NotEqual(Summaries(a), Summaries(File.ReadAllText(cli.PathOf("c.ics"))));
        Assert.Equal(uids.Length * 3, Regex.Count(a, "BEGIN:VALARM"));
    }

    [Fact]
    public void CalendarExport_NotIcs_ExitsOne()
    {
        using var cli = new LedgerCli("sqlite");

        var result = cli.Run("calendar", "export", "due.txt");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("due.txt", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Due_AsJson_ListsOverdueInstalmentsFirstInDateOrder()
    {
        var cli = demo.Cli;

        using var due = JsonDocument.Parse(cli.Succeed("due", "--days", "31", "--json"));

        var items = due.RootElement.GetProperty("items").EnumerateArray().ToArray();
        Assert.NotEmpty(items);
        var dates = items.Select(i => i.GetProperty("date").GetString()!).ToArray();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.All(items, i => Assert.True(i.GetProperty("amount").GetDecimal() > 0m));
        Assert.Contains(items, i => i.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public void Credit_AsJson_GivesOverdueLoansOpenStretchesAndThePolicyFigures()
    {
        var cli = demo.Cli;

        using var credit = JsonDocument.Parse(cli.Succeed("credit", "--json"));

        var episodes = credit.RootElement.GetProperty("episodes").EnumerateArray().ToArray();
        Assert.NotEmpty(episodes);
        Assert.All(episodes, e => Assert.Equal("uncertain", e.GetProperty("reportingStatus").GetString()));
        Assert.Contains(episodes, e => e.GetProperty("ended").ValueKind == JsonValueKind.Null && e.GetProperty("dropsOff").ValueKind == JsonValueKind.Null);
        var policy = credit.RootElement.GetProperty("policy");
        Assert.Equal(5, policy.GetProperty("retentionYears").GetInt32());
        Assert.Equal(10000m, policy.GetProperty("repairMaxAmount").GetDecimal());
        Assert.Equal("2026-03-31", policy.GetProperty("repairRepaidBy").GetString());
    }

    [Fact]
    public void AffordJson_ABigNewLoanWithOneMonthToRepay_FallsBehind()
    {
        var cli = demo.Cli;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        File.WriteAllText(cli.PathOf("offer.json"), $$"""
            { "id": "新口子", "lender": { "name": "新口子App", "kind": "online_platform" }, "contractDate": "{{today.AddDays(1):yyyy-MM-dd}}",
              "principal": 20000, "schedule": [ { "dueDate": "{{today.AddDays(31):yyyy-MM-dd}}", "total": 21000 } ] }
            """);

        using var afford = JsonDocument.Parse(cli.Succeed("afford", "offer.json", "--json"));

        Assert.True(afford.RootElement.GetProperty("newLoanBehind").GetBoolean());
        Assert.True(afford.RootElement.GetProperty("debtServiceAfter").GetDecimal() > afford.RootElement.GetProperty("debtServiceBefore").GetDecimal());
        Assert.Equal(20000m, afford.RootElement.GetProperty("received").GetDecimal());
    }

    [Fact]
    public void Afford_BrokenOfferFile_ExitsOneNamingTheField()
    {
        using var cli = new LedgerCli("sqlite");
        File.WriteAllText(cli.PathOf("offer.json"), """{ "id": "x", "principal": -1 }""");

        var result = cli.Run("afford", "offer.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("offer.json", result.Stderr, StringComparison.Ordinal);
    }

    private static string[] Uids(string ics) => [.. UidLine().Matches(ics).Select(m => m.Groups[1].Value)];

    private static string[] Summaries(string ics) => [.. SummaryLine().Matches(ics).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"^UID:(\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex UidLine();

    [GeneratedRegex(@"^SUMMARY:(.+?)\r?$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();

    /// <summary>
    /// The demo case on a SQLite ledger, loaded once for the class: <c>plan</c>, <c>due</c>,
    /// <c>credit</c> and <c>afford</c> only read a ledger (what they write goes to files in the
    /// folder, each test's under a name of its own), so the tests that run them on the unchanged
    /// demo share it; loading the demo was most of such a test's work.
    /// </summary>
    public sealed class DemoLedger : IDisposable
    {
        public DemoLedger()
        {
            Cli = new LedgerCli("sqlite");
            Cli.Succeed("demo");
        }

        internal LedgerCli Cli { get; }

        public void Dispose() => Cli.Dispose();
    }
}
