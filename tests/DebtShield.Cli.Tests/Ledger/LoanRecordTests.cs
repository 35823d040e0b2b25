using System.Text.Json;
using DebtShield.Tests.Shared;

namespace DebtShield.Cli.Tests.Ledger;

/// <summary><c>loan add/edit/remove</c> and <c>payment add</c> from options, without a terminal.</summary>
public sealed class LoanRecordTests
{
    private static readonly string[] AddJisujie =
    [
        "loan", "add", "--loan", "极速借", "--lender", "极速借App", "--kind", "online_platform", "--contract-date", "2026-03-15",
        "--principal", "10000", "--received", "8000", "--instalments", "12", "--amount", "1150", "--first-due", "2026-04-15",
    ];

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public void ALoanAddedFromOptions_HasItsSchedule_AndAnEditChangesOnlyWhatWasGiven(string provider)
    {
        using var cli = new LedgerCli(provider);
        cli.Succeed(AddJisujie);

        var added = Show(cli, "极速借");
        Assert.Equal(12, added.GetProperty("instalments").GetInt32());
        Assert.Equal(13800m, added.GetProperty("scheduledTotal").GetDecimal());
        Assert.Equal(8000m, added.GetProperty("received").GetDecimal());
        Assert.Equal(1, cli.Scalar("SELECT COUNT(*) FROM instalments WHERE due_date = '2027-03-15'"));

        cli.Succeed("loan", "edit", "极速借", "--received", "7800");

        var edited = Show(cli, "极速借");
        Assert.Equal(7800m, edited.GetProperty("received").GetDecimal());
        Assert.Equal(10000m, edited.GetProperty("principal").GetDecimal());
        Assert.Equal(12, edited.GetProperty("instalments").GetInt32());
    }

    [Fact]
    public void LoanAdd_WithTheKindInChineseAsThePromptOffersIt_IsAccepted()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed([.. AddJisujie.Select(a => a == "online_platform" ? "网贷平台" : a)]);

        Assert.Equal("online_platform", Show(cli, "极速借").GetProperty("lenderKind").GetString());
    }

    [Fact]
    public void CaseOption_TheIdThatCaseListGives_NamesTheCaseAsItsTitleDoes()
    {
        // Given two cases, the loan in the second,
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("case", "add", "张三");
        cli.Succeed("case", "add", "李四");
        cli.Succeed([.. AddJisujie, "--case", "李四"]);
        using var cases = JsonDocument.Parse(cli.Succeed("case", "list", "--json"));
        var id = cases.RootElement.EnumerateArray().Single(c => c.GetProperty("profile").GetProperty("title").GetString() == "李四").GetProperty("id").GetString()!;

        // When the loans are listed naming the case by its id, and by an id no case has,
        using var byId = JsonDocument.Parse(cli.Succeed("loan", "list", "--json", "--case", id));
        var unknown = cli.Run("loan", "list", "--json", "--case", Guid.CreateVersion7().ToString());

        // Then the id finds the case, and an unknown one is refused like an unknown title.
        Assert.Equal(["极速借"], byId.RootElement.GetProperty("loans").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("张三", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void LoanAddWithoutARequiredOption_AndNoTerminal_ExitsOneNamingTheOption()
    {
        using var cli = new LedgerCli("sqlite", empty: true);

        var result = cli.Run([.. AddJisujie.Where((_, i) => i is not (4 or 5))]); // without --lender 极速借App

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--lender", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.Ledger.Location.FilePath), "nothing to record, so no ledger should be created");
    }

    [Fact]
    public void LoanRemove_NeedsYesWithoutATerminal_AndWithYesRemovesTheLoanAndItsRows()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed(AddJisujie);
        cli.Succeed("payment", "add", "极速借", "--amount", "1150", "--date", "2026-04-15");

        var refused = cli.Run("loan", "remove", "极速借");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--yes", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal((1, 12), cli.Counts());

        cli.Succeed("loan", "remove", "极速借", "--yes");
        Assert.Equal((0, 0), cli.Counts());
        Assert.Equal(0, cli.Scalar("SELECT COUNT(*) FROM payments"));
        var shown = cli.Run("loan", "show", "极速借");
        Assert.Equal(1, shown.ExitCode);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public void APaymentBeforeTheContractDate_IsRefusedWithTheProblemWorded_AndNotRecorded(string provider)
    {
        using var cli = new LedgerCli(provider);
        cli.Succeed(AddJisujie);

        var refused = cli.Run("payment", "add", "极速借", "--amount", "100", "--date", "2026-03-01");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("还款日期早于放款日", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, cli.Scalar("SELECT COUNT(*) FROM payments"));

        cli.Succeed("payment", "add", "极速借", "--amount", "1150", "--date", "2026-04-15");
        Assert.Equal(1150m, Show(cli, "极速借").GetProperty("paid").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public void PaymentAdd_AppliesToPrincipal_IsStoredShownAndExportedAndAnUnknownTargetIsRefused(string provider)
    {
        using var cli = new LedgerCli(provider);
        cli.Succeed(AddJisujie);

        var refused = cli.Run("payment", "add", "极速借", "--amount", "500", "--date", "2026-04-15", "--applies-to", "penalty");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--applies-to", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("penalty", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, cli.Scalar("SELECT COUNT(*) FROM payments"));

        cli.Succeed("payment", "add", "极速借", "--amount", "1150", "--date", "2026-04-15");
        cli.Succeed("payment", "add", "极速借", "--amount", "500", "--date", "2026-04-20", "--applies-to", "principal");

        Assert.Equal(1, cli.Scalar("SELECT COUNT(*) FROM payments WHERE applies_to = 'Principal'"));
        using var shown = JsonDocument.Parse(cli.Succeed("loan", "show", "极速借", "--json"));
        var payments = shown.RootElement.GetProperty("paymentsMade").EnumerateArray().ToArray();
        Assert.Equal(JsonValueKind.Null, payments[0].GetProperty("appliesTo").ValueKind);
        Assert.Equal("principal", payments[1].GetProperty("appliesTo").GetString());
        Assert.Contains("（约定还本金）", cli.Succeed("loan", "show", "极速借"), StringComparison.Ordinal);

        cli.Succeed("export", "case.json");
        using var exported = JsonDocument.Parse(File.ReadAllText(cli.PathOf("case.json")));
        var loan = exported.RootElement.GetProperty("loans")[0];
        Assert.Equal("principal", loan.GetProperty("payments")[1].GetProperty("appliesTo").GetString());
        Assert.False(loan.GetProperty("payments")[0].TryGetProperty("appliesTo", out _));
    }

    [Fact]
    public void LoanListAndShow_OverdueLoanBelowItsCap_ShowTheLawfulRangeNotItsLowEnd()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed(
            "loan", "add", "--loan", "银行贷", "--lender", "某银行", "--kind", "bank", "--contract-date", "2025-12-15",
            "--principal", "10000", "--instalments", "12", "--amount", "860", "--first-due", "2026-01-15");

        using var listed = JsonDocument.Parse(cli.LoanListJson());
        var loan = listed.RootElement[0];
        var low = loan.GetProperty("lawfulTotalDue").GetDecimal();
        var most = loan.GetProperty("lawfulMostDue").GetDecimal();
        var range = Rendering.FigureTable.Yuan(low) + " 至 " + Rendering.FigureTable.Yuan(most);

        var table = cli.Succeed("loan", "list");

        Assert.True(most > low);
        Assert.Contains(range, cli.Succeed("loan", "show", "银行贷"), StringComparison.Ordinal);

        // The list's narrow column may wrap the range; both ends and the word between are there.
        Assert.Contains("至", table, StringComparison.Ordinal);
        Assert.Contains(Rendering.FigureTable.Yuan(most), table, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public void LoanAdd_OverdueTerms_AreStoredExportedAndGiveOneLawfulFigureNotARange(string provider)
    {
        // Same bank loan as below, overdue since 2026-01-15: with its overdue terms known, the check
        // gives the lawful figure with them, not the range it gives when they are not known.
        using var cli = new LedgerCli(provider);
        string[] add =
        [
            "loan", "add", "--loan", "银行贷", "--lender", "某银行", "--kind", "bank", "--contract-date", "2025-12-15",
            "--principal", "10000", "--instalments", "12", "--amount", "860", "--first-due", "2026-01-15",
        ];

        var refused = cli.Run([.. add, "--penalty-per-day", "0.1%", "--penalty", "200"]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--penalty-per-day", refused.Stderr, StringComparison.Ordinal);
        cli.Succeed([.. add, "--overdue-rate", "0.05%", "--overdue-per", "day", "--penalty", "200", "--overdue-fees", "50"]);

        Assert.Equal(1, cli.Scalar("SELECT COUNT(*) FROM loans WHERE overdue_terms_known AND overdue_rate_per = 'Day' AND overdue_penalty_per_day IS NULL"));
        using var listed = JsonDocument.Parse(cli.LoanListJson());
        var loan = listed.RootElement[0];
        Assert.True(loan.GetProperty("lawfulTotalDue").GetDecimal() > 10_000m, "overdue: more than the principal is lawfully owed");
        Assert.Equal(JsonValueKind.Null, loan.GetProperty("lawfulMostDue").ValueKind); // one figure, not a range

        cli.Succeed("export", "case.json");
        using var exported = JsonDocument.Parse(File.ReadAllText(cli.PathOf("case.json")));
        var terms = exported.RootElement.GetProperty("loans")[0].GetProperty("overdueTerms");
        Assert.Equal(0.0005m, terms.GetProperty("rate").GetProperty("value").GetDecimal());
        Assert.Equal(200m, terms.GetProperty("penalty").GetProperty("amount").GetDecimal());
        Assert.Equal(50m, terms.GetProperty("otherFees").GetDecimal());

        Assert.Contains("合同对逾期的约定：逾期日利率 0.05%；违约金 ¥200.00；其他费用 ¥50.00", cli.Succeed("loan", "show", "银行贷"), StringComparison.Ordinal);

        cli.Succeed("loan", "edit", "银行贷", "--no-overdue-terms");
        Assert.Equal(1, cli.Scalar("SELECT COUNT(*) FROM loans WHERE overdue_terms_known AND overdue_rate_value IS NULL AND overdue_other_fees IS NULL"));
        Assert.Contains("合同对逾期的约定：没有约定逾期利率、违约金或其他费用", cli.Succeed("loan", "show", "银行贷"), StringComparison.Ordinal);
    }

    private static JsonElement Show(LedgerCli cli, string loan)
    {
        using var shown = JsonDocument.Parse(cli.Succeed("loan", "show", loan, "--json"));
        return shown.RootElement.GetProperty("loan").Clone();
    }
}
