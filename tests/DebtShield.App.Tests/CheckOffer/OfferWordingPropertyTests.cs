using System.Globalization;
using DebtShield.App.CheckOffer;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DebtShield.App.Tests.CheckOffer;

/// <summary>
/// The same offer worded as lenders advertise it and typed with formal labels: the reading of the
/// advert, rebuilt into a loan, has the rate of the formal version, whatever the wording.
/// </summary>
public sealed class OfferWordingPropertyTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    /// <summary>An offer's figures: amount, months, instalment, day rate (per ten thousand), a fee (under half the amount) and its name.</summary>
    private sealed record Terms(int Amount, int Months, int Instalment, int DayRatePerTenThousand, int Fee, string FeeName, int Wording);

    private static Arbitrary<Terms> Offers() =>
        (from hundreds in Gen.Choose(5, 500)
         from months in Gen.Choose(1, 36)
         from extra in Gen.Choose(0, 60)
         from rate in Gen.Choose(1, 20)
         from fee in Gen.Choose(0, 999)
         from name in Gen.Elements("会员费", "担保费", "服务费", "保险费")
         from wording in Gen.Choose(0, 3)
         let amount = hundreds * 100
         select new Terms(amount, months, (amount / months) + 1 + (amount * extra / 1000 / months), rate, fee % (amount / 2), name, wording)).ToArbitrary();

    private static string Advertised(Terms t)
    {
        var r = (t.DayRatePerTenThousand / 100m).ToString(CultureInfo.InvariantCulture);
        var fee = t.Fee > 0 ? t.FeeName + t.Fee + "元" : "";
        return t.Wording switch
        {
            0 => $"借{t.Amount}元，分{t.Months}期，每期还{t.Instalment}元，日利率低至{r}%，需缴{fee}",
            1 => $"最高可借20万\n借款{t.Amount}元\n{t.Months}个月\n每月还{t.Instalment}元\n日息低至万{t.DayRatePerTenThousand}\n{fee}",
            2 => $"借款金额：{t.Amount}\n分期期数：{t.Months}\n月供 {t.Instalment} 元\n参考日利率{r}%\n{fee}",
            _ => $"您最高可借 200,000 元，3分钟极速放款 · 借{t.Amount}元 · 共{t.Months}期 · 每期应还{t.Instalment}元 · {fee}",
        };
    }

    private static string Formal(Terms t) =>
        $"借款金额 {t.Amount}元\n借款期限 {t.Months}期\n每期应还 {t.Instalment}元"
        + (t.Fee > 0 ? $"\n{t.FeeName} {t.Fee}元" : "");

    [Property(MaxTest = 150)]
    public Property Run_AdvertRebuiltFromItsReading_HasTheRateOfTheFormalLabels() =>
        Prop.ForAll(Offers(), terms =>
        {
            var advertised = App.CheckOffer.CheckOffer.Run(Advertised(terms), new CheckOfferRequest(Today));
            var formal = App.CheckOffer.CheckOffer.Run(Formal(terms), new CheckOfferRequest(Today));

            Assert.Empty(advertised.Questions);
            Assert.Equal(formal.Report!.RateAnnual, advertised.Report!.RateAnnual);
            Assert.Equal(formal.Report.PrincipalBasis, advertised.Report.PrincipalBasis);
            Assert.Equal(formal.Report.TotalRepayable, advertised.Report.TotalRepayable);
        });
}
