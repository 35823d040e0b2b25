using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DebtShield.App.CheckOffer;
using DebtShield.Core;
using DebtShield.Core.Loans;

namespace DebtShield.App.Tests.CheckOffer;

public sealed class CheckOfferTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    public CheckOfferTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Run_TextWithDeductionAndIncome_ReportsRealRateVerdictAndBurden()
    {
        var report = App.CheckOffer.CheckOffer.Run(
            "借款金额 10000元\n到账 9500元\n每期应还 ¥1050.00 共12期\n日利率0.05%\n服务费 500元",
            new CheckOfferRequest(Today, new Money(6_000m), new Money(4_000m))).Report!;

        Assert.Equal(9_500m, report.PrincipalBasis);
        Assert.Equal(12_600m, report.TotalRepayable);
        Assert.Equal(3_100m, report.TotalCost);
        Assert.Equal(0.5564, report.RateAnnual!.Value, 4);
        Assert.Equal(0.1825, report.AdvertisedAnnual!.Value, 10);
        Assert.Equal(0.175, report.IncomeShare!.Value, 10);
        Assert.Equal("avoid", report.Verdict);
        Assert.Equal(
            ["rate_above_legal_line.every_view", "upfront_deduction", "advertised_rate_understates", "bundled_fees.service", "monthly_burden.share"],
            report.Findings.Select(f => f.Rule));
        Assert.Contains(report.Citations, c => c.Id == "pboc-2021-3");
    }

    [Fact]
    public void Run_FiguresOnly_GiveTheSameAnswerAsText()
    {
        var fromText = App.CheckOffer.CheckOffer.Run("借款金额 10000\n12期\n日利率0.05%", new CheckOfferRequest(Today));
        var fromFigures = App.CheckOffer.CheckOffer.Run("", new CheckOfferRequest(Today)
        {
            Figures = new OfferFigures { Amount = 10_000m, Months = 12, DailyRatePercent = 0.05m },
        });

        Assert.Equal(Serialize(fromText.Report!), Serialize(fromFigures.Report!));
    }

    [Fact]
    public void Run_ListedLender_UsesItsKindForTheLegalView()
    {
        var report = App.CheckOffer.CheckOffer.Run("借款金额 10000\n12期\n日利率0.05%", new CheckOfferRequest(Today, LenderName: "招联消金")).Report!;

        Assert.Equal("consumer_finance", report.LenderKind);
        Assert.Equal("licensed_consumer_finance", report.LenderCheck!.Result);
        Assert.Equal(0.24m, Assert.Single(report.Views).CapAnnual);
        Assert.DoesNotContain(report.Findings, f => f.Rule.StartsWith("rate_above", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_KindGivenByTheCaller_WinsOverTheList()
    {
        var report = App.CheckOffer.CheckOffer.Run("借款金额 10000\n12期\n日利率0.05%", new CheckOfferRequest(Today, LenderName: "招联消金", LenderKind: LenderKind.PrivateIndividual)).Report!;

        Assert.Equal("private_individual", report.LenderKind);
    }

    [Fact]
    public void Run_Incomplete_AsksForEveryMissingFactAndShowsTheUnreadLine()
    {
        var outcome = App.CheckOffer.CheckOffer.Run("到账 9500元\n提前还款 3 次", new CheckOfferRequest(Today));

        Assert.Null(outcome.Report);
        Assert.Equal(["amount", "term", "repayment"], outcome.Questions.Select(q => q.Fact));
        Assert.Equal(2, Assert.Single(outcome.Unread).Location.Line);
        Assert.Equal(9_500m, outcome.Read.Arrives);
        Assert.DoesNotContain(outcome.Questions, q => q.Text.Contains("--", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_FigureGivenBesideTheText_CorrectsIt()
    {
        var outcome = App.CheckOffer.CheckOffer.Run(
            "借款金额 10000\n12期\n日利率0.05%",
            new CheckOfferRequest(Today) { Figures = new OfferFigures { Amount = 20_000m } });

        Assert.Equal(20_000m, outcome.Report!.Amount);
    }

    [Fact]
    public void Run_IssueAdvertPastedAsShown_GivesTheVerdictOfTheFormalLabels()
    {
        // Issue 23: the advert as the app shows it, and the same offer typed with formal labels.
        var advertised = App.CheckOffer.CheckOffer.Run("借10000元，分12期，每期还1045元，日利率低至0.02%，需缴会员费299元", new CheckOfferRequest(Today)).Report!;
        var formal = App.CheckOffer.CheckOffer.Run("借款金额 10000元\n借款期限 12期\n每期应还 1045元\n日利率 0.02%\n会员费 299元", new CheckOfferRequest(Today)).Report!;

        Assert.Equal(formal.RateAnnual, advertised.RateAnnual);
        Assert.Equal(0.5026, advertised.RateAnnual!.Value, 4);
        Assert.Equal(0.073, advertised.AdvertisedAnnual!.Value, 10);
        Assert.Equal("avoid", advertised.Verdict);
        Assert.Contains(advertised.Findings, f => f.Rule == "bundled_fees.membership");
    }

    [Fact]
    public void Run_MembershipPaidOnTop_HasOneReceivedAmountTheRateIsBasedOn()
    {
        var report = App.CheckOffer.CheckOffer.Run("借10000元，分12期，每期还1045元，需缴会员费299元", new CheckOfferRequest(Today)).Report!;

        Assert.Equal(9_701m, report.PrincipalBasis);
        Assert.Contains(report.Findings, f => f.Rule == "upfront_deduction" && f.Text.Contains(new Money(9_701m).ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Run_UnknownLenderAboveEveryLine_ShowsOneCapPerViewAndTheFindingNamesThoseCaps()
    {
        var report = App.CheckOffer.CheckOffer.Run("借款金额 10000\n12期\n每期应还 1000元", new CheckOfferRequest(Today)).Report!;

        Assert.Equal(["private_lending", "licensed_institution"], report.Views.Select(v => v.View));
        var finding = report.Findings.Single(f => f.Rule == "rate_above_legal_line.every_view");
        Assert.All(report.Views, v => Assert.Contains(App.RateLoans.RateLoanReport.Percent((double)v.CapAnnual), finding.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Run_IncomeWithoutExpenses_HasNoAffordabilityLine()
    {
        var report = App.CheckOffer.CheckOffer.Run("借款金额 10000\n12期\n每期应还 900元", new CheckOfferRequest(Today, new Money(6_000m))).Report!;

        Assert.DoesNotContain(report.Findings, f => f.Rule.StartsWith("monthly_burden", StringComparison.Ordinal));
        Assert.Null(report.IncomeShare);
    }

    [Fact]
    public void Run_InChinese_WordsEveryCitationStatusInChinese()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var report = App.CheckOffer.CheckOffer.Run("借款金额 10000\n12期\n每期应还 1000元\n会员费 299元", new CheckOfferRequest(Today)).Report!;

        Assert.NotEmpty(report.Citations);
        Assert.All(report.Citations, c => Assert.Contains(c.StatusText, new[] { "已核实", "二手资料", "待核实" }));
        Assert.All(report.Findings, f => Assert.Contains(f.StatusText, new[] { "已核实", "二手资料", "待核实" }));
    }

    private static string Serialize(CheckOfferReport report) => JsonNode.Parse(JsonSerializer.Serialize(report, ReportJsonContext.Default.CheckOfferReport))!.ToJsonString();
}
