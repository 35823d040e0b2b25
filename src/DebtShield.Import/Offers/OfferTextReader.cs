using System.Globalization;
using System.Text.RegularExpressions;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Offers;
using DebtShield.Import.Figures;
using DebtShield.Import.Resources;

namespace DebtShield.Import.Offers;

/// <summary>
/// Reads a loan offer as an app presents it, one item a line or several on a line:
/// <c>借款金额 10000元</c>, <c>到账 9500元</c>, <c>12期</c> / <c>30天</c>, <c>日利率0.05%</c>,
/// <c>月利率1.2%</c>, <c>月费率1.5%</c>, <c>年化利率18%</c>, <c>每期应还 ¥368.50 共12期</c>,
/// <c>借1000元每天只需0.5元</c>, <c>会员费 199元</c>, <c>保险费 每期20元</c>.
/// </summary>
/// <remarks>
/// Each presentation is one explicit pattern; what a line holds beyond them must be words without
/// figures (a heading, a slogan), else the line is an error quoted back to the reader: a figure
/// that is not understood is never ignored. Amounts may be written in 万 (2万 = 20000).
/// </remarks>
public static partial class OfferTextReader
{
    /// <summary>Reads the offer text.</summary>
    public static OfferTextReading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var draft = new OfferDraft();
        var errors = new List<OfferTextError>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = TextFolding.Fold(lines[i]).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var rest = ReadLine(line, draft, out var problem);
            if (problem is not null)
            {
                errors.Add(new OfferTextError(i + 1, lines[i].Trim(), problem));
            }
            else if (rest.Any(char.IsAsciiDigit))
            {
                errors.Add(new OfferTextError(i + 1, lines[i].Trim(), ImportMessages.Offer_NotUnderstood));
            }
        }

        return new OfferTextReading(draft, errors);
    }

    private static string ReadLine(string line, OfferDraft draft, out string? problem)
    {
        problem = null;
        var rest = line;
        foreach (var (pattern, apply) in Items)
        {
            var match = pattern.Match(rest);
            while (match.Success)
            {
                problem = apply(match, draft);
                if (problem is not null)
                {
                    return rest;
                }

                rest = string.Concat(rest.AsSpan(0, match.Index), " ", rest.AsSpan(match.Index + match.Length));
                match = pattern.Match(rest);
            }
        }

        return rest;
    }

    private static readonly (Regex Pattern, Func<Match, OfferDraft, string?> Apply)[] Items =
    [
        (PerThousandPerDay(), (m, d) => Amount(m, "base", out var basis) && Amount(m, "cost", out var cost) && basis > 0
            ? d.SetRate(new AdvertisedRate((double)(cost / basis), RatePer.Day, AdvertisedMethod.Nominal))
            : ImportMessages.Offer_BadAmount),
        (Fee(), (m, d) => Amount(m, "amount", out var fee)
            ? d.AddFee(
                m.Groups["name"].Value,
                new Money(fee),
                m.Groups["each"].Success || m.Groups["per"].Success || m.Groups["name"].Value.StartsWith("每期", StringComparison.Ordinal) || m.Groups["name"].Value.StartsWith("每月", StringComparison.Ordinal))
            : ImportMessages.Offer_BadAmount),
        (Instalment(), (m, d) => Amount(m, "amount", out var each)
            ? d.SetInstalment(new Money(each), m.Groups["count"].Success ? int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture) : null)
            : ImportMessages.Offer_BadAmount),
        (RatePattern(), (m, d) => Percent(m, out var value) ? d.SetRate(RateOf(m.Groups["label"].Value, value)) : ImportMessages.Offer_BadRate),
        (Arrives(), (m, d) => Amount(m, "amount", out var arrives) ? d.SetArrives(new Money(arrives)) : ImportMessages.Offer_BadAmount),
        (AmountPattern(), (m, d) => Amount(m, "amount", out var amount) ? d.SetAmount(new Money(amount)) : ImportMessages.Offer_BadAmount),
        (Term(), (m, d) => int.TryParse(m.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? d.SetTerm(new OfferTerm(count, m.Groups["unit"].Value == "天" ? TermUnit.Days : TermUnit.Months))
            : ImportMessages.Offer_BadTerm),
    ];

    private static AdvertisedRate RateOf(string label, double value)
    {
        if (label.StartsWith('日'))
        {
            return new AdvertisedRate(value, RatePer.Day, label.Contains('费', StringComparison.Ordinal) ? AdvertisedMethod.FeeRate : AdvertisedMethod.Nominal);
        }

        if (label.StartsWith('月') || label.StartsWith("每月", StringComparison.Ordinal))
        {
            return new AdvertisedRate(value, RatePer.Month, label.Contains('费', StringComparison.Ordinal) ? AdvertisedMethod.FeeRate : AdvertisedMethod.Nominal);
        }

        return new AdvertisedRate(value, RatePer.Year, label.Contains("irr", StringComparison.Ordinal) ? AdvertisedMethod.Irr : label.Contains("单利", StringComparison.Ordinal) ? AdvertisedMethod.Apr : AdvertisedMethod.Unknown);
    }

    private static bool Amount(Match match, string group, out decimal yuan)
    {
        var text = match.Groups[group].Value;
        var tenThousands = match.Groups[group + "Wan"].Success;
        if (!AmountText.TryParse(text, out yuan) || yuan < 0)
        {
            return false;
        }

        yuan = tenThousands ? yuan * 10_000m : yuan;
        return yuan <= Loan.LargestAmount;
    }

    private static bool Percent(Match match, out double fraction)
    {
        fraction = 0;
        if (!decimal.TryParse(match.Groups["value"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent > 1000m)
        {
            return false;
        }

        fraction = (double)(percent / (match.Groups["permille"].Success ? 1000m : 100m));
        return true;
    }

    private const string Number = @"[¥]?\s*\d[\d,]*(?:\.\d+)?";

    [GeneratedRegex(@"借\s*(?<base>" + Number + @")\s*(?<baseWan>万)?\s*元?\s*[,，]?\s*(?:每天|每日|日)\s*(?:只需|仅需|只要|仅|需|只)?\s*(?:还|付|花)?\s*(?<cost>" + Number + @")\s*(?<costWan>万)?\s*元?")]
    private static partial Regex PerThousandPerDay();

    [GeneratedRegex(@"(?:每期应还|每期还款|每期应付|每期|月供|每月应还|每月还款|每月还|每月)\s*(?:金额)?\s*[:：]?\s*(?<amount>" + Number + @")\s*(?<amountWan>万)?\s*元?\s*(?:[,，]?\s*(?:共|分)\s*(?<count>\d+)\s*期)?")]
    private static partial Regex Instalment();

    [GeneratedRegex(@"(?<label>日利率|日息|日费率|日化利率|月利率|月息|月费率|月服务费率|每月费率|年化利率\s*[(（]?\s*(?:单利|irr)?\s*[)）]?|年化|年利率)\s*[:：]?\s*(?:低至|仅|最低)?\s*(?<value>\d+(?:\.\d+)?)\s*(?:%|(?<permille>‰))")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"(?:实际到账金额|实际到账|到账金额|到账|实得|放款金额)\s*[:：]?\s*(?<amount>" + Number + @")\s*(?<amountWan>万)?\s*元?")]
    private static partial Regex Arrives();

    [GeneratedRegex(@"(?<name>[\p{IsCJKUnifiedIdeographs}]{0,6}?(?:服务费|手续费|管理费|担保费|会员费|权益费|保险费|保费|咨询费|平台费))\s*[:：]?\s*(?<each>每期|每月)?\s*(?<amount>" + Number + @")\s*(?<amountWan>万)?\s*元?\s*(?<per>/\s*(?:期|月))?")]
    private static partial Regex Fee();

    [GeneratedRegex(@"(?:借款金额|借款额度|借款本金|合同金额|借款|借|额度|金额)\s*[:：]?\s*(?<amount>" + Number + @")\s*(?<amountWan>万)?\s*元?")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"(?:借款期限|期限|共|分)?\s*[:：]?\s*(?<count>\d+)\s*(?<unit>期|个月|月|天)")]
    private static partial Regex Term();
}

/// <summary>What the reader has gathered so far; the CLI's options fill the same draft.</summary>
public sealed class OfferDraft
{
    /// <summary>The contract amount.</summary>
    public Money? Amount { get; private set; }

    /// <summary>What arrives.</summary>
    public Money? Arrives { get; private set; }

    /// <summary>The term.</summary>
    public OfferTerm? Term { get; private set; }

    /// <summary>Each instalment, when shown.</summary>
    public Money? Instalment { get; private set; }

    /// <summary>The rate, when shown.</summary>
    public AdvertisedRate? Rate { get; private set; }

    /// <summary>The fees as shown; deducted or paid on top is decided in <see cref="ToOffer"/>.</summary>
    public List<(string Name, Money Amount, bool EveryInstalment)> Fees { get; } = [];

    /// <summary>Sets the contract amount; a second, different value is an error.</summary>
    public string? SetAmount(Money value)
    {
        if (Amount is { } old && old != value)
        {
            return ImportMessages.Offer_Twice;
        }

        Amount = value;
        return null;
    }

    /// <summary>Sets what arrives; a second, different value is an error.</summary>
    public string? SetArrives(Money value)
    {
        if (Arrives is { } old && old != value)
        {
            return ImportMessages.Offer_Twice;
        }

        Arrives = value;
        return null;
    }

    /// <summary>The longest term read: ten years of days (or months); beyond it a figure is a typo.</summary>
    public const int LongestTerm = 3650;

    /// <summary>The largest rate read, as a fraction per its unit (1000%).</summary>
    public const double LargestRate = 10;

    /// <summary>Sets the term; 1 to <see cref="LongestTerm"/>.</summary>
    public string? SetTerm(OfferTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (term.Count is < 1 or > LongestTerm)
        {
            return ImportMessages.Offer_BadTerm;
        }

        if (Term is { } old && old != term)
        {
            return ImportMessages.Offer_Twice;
        }

        Term = term;
        return null;
    }

    /// <summary>Sets the instalment, and the term when "共N期" is given.</summary>
    public string? SetInstalment(Money each, int? count)
    {
        if (Instalment is { } old && old != each)
        {
            return ImportMessages.Offer_Twice;
        }

        Instalment = each;
        return count is { } n ? SetTerm(new OfferTerm(n, TermUnit.Months)) : null;
    }

    /// <summary>Sets the rate; at most <see cref="LargestRate"/>.</summary>
    public string? SetRate(AdvertisedRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        if (rate.Value > LargestRate)
        {
            return ImportMessages.Offer_BadRate;
        }

        if (Rate is { } old && old != rate)
        {
            return ImportMessages.Offer_Twice;
        }

        Rate = rate;
        return null;
    }

    /// <summary>Sets the rate from a percentage as apps show it (0.05 for 0.05%); a negative one is an error.</summary>
    public string? SetRatePercent(decimal percent, RatePer per, AdvertisedMethod method) =>
        percent < 0 ? ImportMessages.Offer_BadRate : SetRate(new AdvertisedRate((double)(percent / 100m), per, method));

    /// <summary>Adds a fee.</summary>
    public string? AddFee(string name, Money amount, bool everyInstalment)
    {
        Fees.Add((name, amount, everyInstalment));
        return null;
    }

    /// <summary>
    /// The offer, or the fields still missing. Upfront fees are taken as deducted when the amount
    /// minus what arrives covers them (they are already in "arrives"), else as paid on top.
    /// </summary>
    public OfferTextReading ToOffer(Lender lender)
    {
        ArgumentNullException.ThrowIfNull(lender);
        var errors = new List<OfferTextError>();
        if (Amount is null)
        {
            errors.Add(new OfferTextError(null, "amount", ImportMessages.Offer_MissingAmount));
        }

        if (Term is null)
        {
            errors.Add(new OfferTextError(null, "term", ImportMessages.Offer_MissingTerm));
        }

        if (Instalment is null && Rate is null)
        {
            errors.Add(new OfferTextError(null, "repayment", ImportMessages.Offer_MissingRepayment));
        }

        if (Amount is { } amount && Arrives is { } arrives && arrives > amount)
        {
            errors.Add(new OfferTextError(null, "arrives", ImportMessages.Offer_ArrivesAboveAmount));
        }

        if (Term is { Unit: TermUnit.Days } && Rate is { Method: AdvertisedMethod.FeeRate, Per: RatePer.Month })
        {
            errors.Add(new OfferTextError(null, "term", ImportMessages.Offer_FeeRateNeedsMonths));
        }

        if (errors.Count > 0)
        {
            return new OfferTextReading(this, errors);
        }

        var withheld = Amount!.Value - (Arrives ?? Amount.Value);
        var upfront = Money.Sum(Fees.Where(f => !f.EveryInstalment).Select(f => f.Amount));
        var deducted = withheld.IsPositive && withheld >= upfront;
        var fees = Fees.Select(f => new OfferFee(
            f.Name,
            f.Amount,
            f.EveryInstalment ? FeeTiming.EveryInstalment : deducted ? FeeTiming.Deducted : FeeTiming.Upfront,
            FeeKindOf(f.Name))).ToArray();
        OfferRepayment repayment = Instalment is { } each ? new OfferRepayment.PerInstalment(each) : new OfferRepayment.AtRate(Rate!);
        var offer = new LoanOffer
        {
            Amount = Amount.Value,
            Arrives = Arrives,
            Term = Term!,
            Repayment = repayment,
            AdvertisedBeside = Instalment is null ? null : Rate,
            Fees = fees,
            Lender = lender,
        };
        return new OfferTextReading(this, [], offer);
    }

    /// <summary>The kind of a fee from its name: 会员/权益 is membership, 保险/保费 insurance, the rest service.</summary>
    public static OfferFeeKind FeeKindOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Contains("会员", StringComparison.Ordinal) || name.Contains("权益", StringComparison.Ordinal) ? OfferFeeKind.Membership
            : name.Contains("保险", StringComparison.Ordinal) || name.Contains("保费", StringComparison.Ordinal) ? OfferFeeKind.Insurance
            : OfferFeeKind.Service;
    }
}

/// <summary>The outcome of reading an offer: the draft, every error, and the offer once complete.</summary>
/// <param name="Draft">What was read.</param>
/// <param name="Errors">Every error; empty when the text was understood.</param>
/// <param name="Offer">The offer, from <see cref="OfferDraft.ToOffer"/> when nothing is missing.</param>
public sealed record OfferTextReading(OfferDraft Draft, IReadOnlyList<OfferTextError> Errors, LoanOffer? Offer = null);

/// <summary>One thing the reader could not use: a line it did not understand, or a field still missing.</summary>
/// <param name="Line">The 1-based line, or <see langword="null"/> for a missing field.</param>
/// <param name="Where">The line's text, or the missing field's name.</param>
/// <param name="Message">What is wrong, in the current UI language.</param>
public sealed record OfferTextError(int? Line, string Where, string Message)
{
    /// <summary>The error as one line for a person.</summary>
    public string Describe() => Line is { } line
        ? string.Format(CultureInfo.CurrentCulture, ImportMessages.Offer_LineError, line, Where, Message)
        : string.Format(CultureInfo.CurrentCulture, ImportMessages.Offer_FieldError, Where, Message);
}
