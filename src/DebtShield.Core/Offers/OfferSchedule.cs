using DebtShield.Core.Loans;

namespace DebtShield.Core.Offers;

/// <summary>
/// Turns an offer into the <see cref="Loan"/> it would become if signed today, so that the rate
/// engine (<c>TrueCost</c>) and the legal engine (<c>LegalCheck</c>) judge it exactly as they judge a
/// loan already taken.
/// </summary>
/// <remarks>
/// <para>The conventions, each shown to the reader as an assumption of the check:</para>
/// <list type="bullet">
/// <item>The money arrives on the signing day; instalments fall on the same day of each following month.</item>
/// <item>A rate on the outstanding principal (日利率, 月利率, 年利率) repays in equal instalments
/// (等额本息), the usual way apps schedule a rate; a day rate counts 30 days a month (the common
/// app convention, 月利率 = 日利率 × 30) and 365 days a year in a term of days.</item>
/// <item>A fee rate (月费率) is charged every month on the original amount, whatever is still owed
/// (等本等息): each instalment is amount ÷ months + amount × fee rate.</item>
/// <item>One sum repaid at the end (到期还款) falls due when the term ends, whether it is counted in days or months.</item>
/// <item>Upfront fees the app deducts are already in "arrives"; upfront fees paid on top are
/// <see cref="UpfrontFee"/>s; fees with every instalment are added to each instalment's total.</item>
/// </list>
/// </remarks>
public static class OfferSchedule
{
    /// <summary>Days a month for a day rate in a term of months (月利率 = 日利率 × 30).</summary>
    public const int DaysPerMonth = 30;

    /// <summary>Builds the loan the offer describes, signed on <paramref name="signingDay"/>.</summary>
    public static LoanCreation ToLoan(LoanOffer offer, DateOnly signingDay, string id = "offer")
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(offer.Term.Count);
        var instalments = offer.Repayment is OfferRepayment.AtEnd end ? [end.Total] : Instalments(offer);
        var perInstalmentFees = Money.Sum(offer.Fees.Where(f => f.Timing == FeeTiming.EveryInstalment).Select(f => f.Amount));
        var schedule = new Instalment[instalments.Length];
        for (var i = 0; i < instalments.Length; i++)
        {
            var due = offer.Term.Unit == TermUnit.Days ? signingDay.AddDays(offer.Term.Count)
                : instalments.Length == 1 ? signingDay.AddMonths(offer.Term.Count)
                : signingDay.AddMonths(i + 1);
            var repayment = instalments[i].RoundToFen();
            // The split of each instalment into principal and interest is not shown by the app, so
            // no parts are invented: the total, fees included, is the fact.
            schedule[i] = new Instalment(due, repayment + perInstalmentFees);
        }

        var upfront = offer.Fees
            .Where(f => f.Timing == FeeTiming.Upfront)
            .Select(f => new UpfrontFee(f.Name, f.Amount, signingDay));
        return Loan.Create(id, offer.Lender, signingDay, offer.Amount, offer.Arrives, upfront, schedule, [], offer.Advertised);
    }

    /// <summary>Each instalment before per-instalment fees, unrounded.</summary>
    private static Money[] Instalments(LoanOffer offer)
    {
        var amount = offer.Amount.Yuan;
        var count = offer.Term.Count;
        if (offer.Term.Unit == TermUnit.Days)
        {
            var total = offer.Repayment switch
            {
                OfferRepayment.PerInstalment each => each.Amount.Yuan,
                OfferRepayment.AtRate { Rate: var rate } => amount + (amount * (decimal)DailyFraction(rate) * count),
                _ => throw new InvalidOperationException("Unknown repayment " + offer.Repayment),
            };
            return [new Money(total)];
        }

        var payment = offer.Repayment switch
        {
            OfferRepayment.PerInstalment each => each.Amount.Yuan,
            OfferRepayment.AtRate { Rate.Method: AdvertisedMethod.FeeRate } fee => (amount / count) + (amount * (decimal)MonthlyFraction(fee.Rate)),
            OfferRepayment.AtRate rate => EqualInstalment(amount, MonthlyFraction(rate.Rate), count),
            _ => throw new InvalidOperationException("Unknown repayment " + offer.Repayment),
        };
        return [.. Enumerable.Repeat(new Money(payment), count)];
    }

    /// <summary>The rate as a fraction per month: a day rate × 30, a year rate ÷ 12.</summary>
    public static double MonthlyFraction(AdvertisedRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return rate.Per switch
        {
            RatePer.Day => rate.Value * DaysPerMonth,
            RatePer.Month => rate.Value,
            RatePer.Year => rate.Value / 12,
        };
    }

    /// <summary>The rate as a fraction per day: a month rate ÷ 30, a year rate ÷ 365.</summary>
    public static double DailyFraction(AdvertisedRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return rate.Per switch
        {
            RatePer.Day => rate.Value,
            RatePer.Month => rate.Value / DaysPerMonth,
            RatePer.Year => rate.Value / 365,
        };
    }

    /// <summary>The equal instalment (等额本息) repaying <paramref name="amount"/> over <paramref name="count"/> months at <paramref name="monthly"/>.</summary>
    private static decimal EqualInstalment(decimal amount, double monthly, int count)
    {
        if (monthly == 0)
        {
            return amount / count;
        }

        // factor / (factor - 1) tends to 1 for a large factor; beyond double's range it is 1.
        var factor = Math.Pow(1 + monthly, count);
        var ratio = double.IsFinite(factor) ? factor / (factor - 1) : 1;
        return (decimal)((double)amount * monthly * ratio);
    }
}
