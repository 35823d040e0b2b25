using System.Globalization;
using System.Text.RegularExpressions;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Offers;
using DebtShield.Core.Reading;
using DebtShield.Import.Figures;
using DebtShield.Import.Resources;

namespace DebtShield.Import.Offers;

/// <summary>
/// Reads a loan offer as lenders really write it — an app screen, an advert, an SMS, a contract
/// summary — into the facts a careful person would take from it: <c>借10000元，分12期，每期还1045元，
/// 日利率低至0.02%，需缴会员费299元</c>, <c>最高可借20万</c> (a credit line, not the loan),
/// <c>借1000元每天只需0.5元</c> (a day rate), <c>到期还款 5000元</c>, <c>担保费 每期120元</c>,
/// <c>实际到账</c>, <c>无提前还款违约金</c>.
/// </summary>
/// <remarks>
/// <para>Each presentation is one explicit pattern, tried in a fixed order on each line and taken out
/// of it once read. Some patterns only take noise out so that it is not misread as a fact: a
/// "最快3分钟到账", someone else's loan in a ticker ("用户张*成功借钱11000元"), a range of terms
/// ("3-36期": no term is fixed), a maximum ("最长36期"), an overdue rate ("逾期罚息年化24%").</para>
/// <para>What a line holds beyond them is shown back (<see cref="OfferTextReading.Unread"/>) and
/// ignored: a figure that is not understood is never used, and never stops the reading. A line
/// holding a lone figure is read with the label on the line before it (or after it), as app
/// screens lay them out. A second, different value for a fact already read is shown back and the
/// first kept. Amounts may be written in 万 (2万 = 20000).</para>
/// </remarks>
public static partial class OfferTextReader
{
    /// <summary>Reads the offer text.</summary>
    public static OfferTextReading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var draft = new OfferDraft();
        var unread = new List<ReadingProblem>();
        foreach (var line in LogicalLines(text))
        {
            var rest = line.Text;
            foreach (var (pattern, apply) in Items)
            {
                var match = pattern.Match(rest);
                while (match.Success)
                {
                    if (apply(match, draft) is { } problem)
                    {
                        unread.Add(new ReadingProblem(SourceLocation.AtLine(line.Number, match.Value.Trim()), problem));
                    }

                    rest = string.Concat(rest.AsSpan(0, match.Index), " ", rest.AsSpan(match.Index + match.Length));
                    match = pattern.Match(rest);
                }
            }

            if (rest.Any(char.IsAsciiDigit))
            {
                unread.Add(new ReadingProblem(SourceLocation.AtLine(line.Number, line.Original), ImportMessages.Offer_NotUnderstood));
            }
        }

        return new OfferTextReading(draft, unread);
    }

    /// <summary>
    /// The folded lines, with a line holding only a figure joined to the label beside it: the line
    /// before when that has no figure of its own, else the line after.
    /// </summary>
    private static List<(int Number, string Text, string Original)> LogicalLines(string text)
    {
        var raw = text.ReplaceLineEndings("\n").Split('\n')
            .Select((l, i) => (Number: i + 1, Text: TextFolding.Fold(l).Trim(), Original: l.Trim()))
            .Where(l => l.Text.Length > 0)
            .ToList();
        var joined = new List<(int Number, string Text, string Original)>();
        for (var i = 0; i < raw.Count; i++)
        {
            var line = raw[i];
            if (LoneFigure().IsMatch(line.Text))
            {
                if (joined.Count > 0 && IsLabel(joined[^1].Text) && !LoneFigure().IsMatch(joined[^1].Text))
                {
                    var label = joined[^1];
                    joined[^1] = (label.Number, label.Text + " " + line.Text, label.Original + " " + line.Original);
                    continue;
                }

                if (i + 1 < raw.Count && IsLabel(raw[i + 1].Text))
                {
                    var label = raw[++i];
                    joined.Add((line.Number, label.Text + " " + line.Text, line.Original + " " + label.Original));
                    continue;
                }
            }

            joined.Add(line);
        }

        return joined;
    }

    private static bool IsLabel(string line) => !line.Any(char.IsAsciiDigit) && line.Any(c => c >= '\u4e00');

    private static readonly (Regex Pattern, Func<Match, OfferDraft, string?> Apply)[] Items =
    [
        (Noise(), (_, _) => null),
        (EarlyRepaymentFree(), (_, d) => d.SetEarlyRepayment(EarlyRepaymentCharge.None)),
        (EarlyRepaymentFigure(), (m, d) => EarlyCharge(m) is { } charge ? d.SetEarlyRepayment(charge) : ImportMessages.Offer_BadAmount),
        (EarlyRepaymentCharged(), (_, d) => d.SetEarlyRepayment(new EarlyRepaymentCharge(true))),
        (LimitRange(), (m, d) => Amount(m, "high", out var high) ? d.SetLimit(new Money(high)) : ImportMessages.Offer_BadAmount),
        (Limit(), (m, d) => Amount(m, "amount", out var limit) ? d.SetLimit(new Money(limit)) : ImportMessages.Offer_BadAmount),
        (CostPerDay(), (m, d) => CostRate(m) is { } rate ? d.SetRate(rate, fromExample: true) : ImportMessages.Offer_BadAmount),
        (CostPerTenThousandForOneDay(), (m, d) => CostRate(m) is { } rate ? d.SetRate(rate, fromExample: true) : ImportMessages.Offer_BadAmount),
        (CostPerThousandPerDay(), (m, d) => Amount(m, "cost", out var cost) ? d.SetRate(new AdvertisedRate((double)(cost / 1000m), RatePer.Day, AdvertisedMethod.Nominal), fromExample: true) : ImportMessages.Offer_BadAmount),
        (Fee(), (m, d) => Amount(m, "amount", out var fee)
            ? d.AddFee(m.Groups["name"].Value, new Money(fee), m.Groups["each"].Success || m.Groups["per"].Success || m.Groups["name"].Value.StartsWith("每期", StringComparison.Ordinal) || m.Groups["name"].Value.StartsWith("每月", StringComparison.Ordinal))
            : ImportMessages.Offer_BadAmount),
        (AtEnd(), (m, d) => Amount(m, "amount", out var total) ? d.SetAtEnd(new Money(total)) : ImportMessages.Offer_BadAmount),
        (Instalment(), (m, d) => Amount(m, "amount", out var each)
            ? d.SetInstalment(new Money(each), m.Groups["count"].Success ? int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture) : null)
            : ImportMessages.Offer_BadAmount),
        (RatePattern(), (m, d) => RateOf(m) is { } rate ? d.SetRate(rate, fromExample: false) : ImportMessages.Offer_BadRate),
        (Arrives(), (m, d) => Amount(m, "amount", out var arrives) ? d.SetArrives(new Money(arrives)) : ImportMessages.Offer_BadAmount),
        (AmountPattern(), (m, d) => Amount(m, "amount", out var amount) ? d.SetAmount(new Money(amount)) : ImportMessages.Offer_BadAmount),
        (CountOfInstalments(), (m, d) => Count(m, out var count) ? d.SetTerm(new OfferTerm(count, TermUnit.Months)) : ImportMessages.Offer_BadTerm),
        (Term(), (m, d) => Count(m, out var count) && TermOf(count, m.Groups["unit"].Value) is { } term ? d.SetTerm(term) : ImportMessages.Offer_BadTerm),
    ];

    private static OfferTerm? TermOf(int count, string unit) => unit switch
    {
        "天" => new OfferTerm(count, TermUnit.Days),
        "年" => count <= OfferDraft.LongestTerm / 12 ? new OfferTerm(count * 12, TermUnit.Months) : null,
        _ => new OfferTerm(count, TermUnit.Months),
    };

    private static bool Count(Match match, out int count) =>
        int.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0;

    /// <summary>The rate a labelled figure states, or <see langword="null"/> when it cannot be read.</summary>
    private static AdvertisedRate? RateOf(Match match)
    {
        var label = match.Groups["label"].Value;
        double fraction;
        if (match.Groups["wan"].Success)
        {
            var digits = match.Groups["wan"].Value;
            var value = ChineseDigit(digits) ?? (decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) ? number : -1m);
            if (value < 0)
            {
                return null;
            }

            fraction = (double)(value / 10_000m);
        }
        else if (match.Groups["li"].Success)
        {
            // 月息8厘: one 厘 is a tenth of a percent a month.
            if (!decimal.TryParse(match.Groups["li"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var li) || !label.StartsWith('月'))
            {
                return null;
            }

            fraction = (double)(li / 1000m);
        }
        else if (decimal.TryParse(match.Groups["value"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) && percent <= 1000m)
        {
            fraction = (double)(percent / (match.Groups["permille"].Success ? 1000m : match.Groups["permyriad"].Success ? 10_000m : 100m));
        }
        else
        {
            return null;
        }

        var fee = label.Contains('费', StringComparison.Ordinal);
        if (label.StartsWith('日'))
        {
            return new AdvertisedRate(fraction, RatePer.Day, fee ? AdvertisedMethod.FeeRate : AdvertisedMethod.Nominal);
        }

        if (label.StartsWith('月') || label.StartsWith("每月", StringComparison.Ordinal))
        {
            return new AdvertisedRate(fraction, RatePer.Month, fee ? AdvertisedMethod.FeeRate : AdvertisedMethod.Nominal);
        }

        var method = label.Contains("irr", StringComparison.Ordinal) ? AdvertisedMethod.Irr
            : label.Contains("单利", StringComparison.Ordinal) || match.Groups["simple"].Success ? AdvertisedMethod.Apr
            : AdvertisedMethod.Unknown;
        return new AdvertisedRate(fraction, RatePer.Year, method);
    }

    private static decimal? ChineseDigit(string text) => text switch
    {
        "一" => 1m,
        "二" or "两" => 2m,
        "三" => 3m,
        "四" => 4m,
        "五" => 5m,
        "六" => 6m,
        "七" => 7m,
        "八" => 8m,
        "九" => 9m,
        _ => null,
    };

    /// <summary>A cost per amount per day ("借1万每天只要5块钱") as a day rate: cost ÷ amount.</summary>
    private static AdvertisedRate? CostRate(Match match) =>
        Amount(match, "base", out var basis) && Amount(match, "cost", out var cost) && basis > 0
            ? new AdvertisedRate((double)(cost / basis), RatePer.Day, AdvertisedMethod.Nominal)
            : null;

    private static EarlyRepaymentCharge? EarlyCharge(Match match)
    {
        if (!decimal.TryParse(match.Groups["value"].Value.Replace(",", "", StringComparison.Ordinal).TrimStart('¥', '￥', ' '), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return match.Groups["percent"].Success
            ? value <= 100m ? new EarlyRepaymentCharge(value > 0, Fraction: (double)(value / 100m)) : null
            : value <= Loan.LargestAmount ? new EarlyRepaymentCharge(value > 0, Amount: new Money(value)) : null;
    }

    private static bool Amount(Match match, string group, out decimal yuan)
    {
        var text = match.Groups[group].Value;
        var unit = match.Groups[group + "Wan"].Value;
        if (text.Length == 0 && unit is "千万" or "百万")
        {
            text = "1";
        }

        if (!AmountText.TryParse(text, out yuan) || yuan < 0)
        {
            return false;
        }

        yuan *= unit switch
        {
            "万" => 10_000m,
            "千" => 1_000m,
            "百万" => 1_000_000m,
            "千万" => 10_000_000m,
            _ => 1m,
        };
        return yuan <= Loan.LargestAmount;
    }

    private const string Number = @"[¥￥]?\s*\d[\d,]*(?:\.\d+)?";

    private const string Yuan = @"\s*(?:元|块钱|块)?";

    [GeneratedRegex(@"^\s*[¥￥]?\s*\d[\d,]*(?:\.\d+)?\s*(?:万|%|‰)?\s*(?:元)?\s*$")]
    private static partial Regex LoneFigure();

    /// <summary>Figures that are not facts of the offer, taken out so they are not misread as one.</summary>
    [GeneratedRegex(
        @"成功借(?:钱|款)?\s*" + Number + @"\s*万?\s*元?"
        + @"|" + Number + @"\s*万?\s*人\s*已?\s*(?:申请|借款|放款|贷|借)"
        + @"|(?:最快|快至|平均|最慢)?\s*\d+(?:\s*[-~]\s*\d+)?\s*(?:分钟|秒|s(?![a-z])|小时|个?工作日)\s*内?"
        + @"|(?:最快|快至|最慢)\s*\d+\s*天"
        + @"|(?:合同|借据|订单)?编号\s*[:：]?\s*[\w-]+"
        + @"|" + Number + @"\s*万?\s*元?\s*起借|最低可(?:拿|借|贷)\s*" + Number + @"\s*万?\s*元?"
        + @"|(?:首付(?:比例)?|贷款比例|抵押)[^\d]{0,4}\d+(?:\.\d+)?\s*(?:%|成)\s*起?|\d+(?:\s*-\s*\d+)?\s*成"
        + @"|(?:逾期|罚息)[^\d,，。;；]{0,8}\d+(?:\.\d+)?\s*%"
        + @"|年缴保费\s*" + Number + @"\s*万?\s*元?"
        + @"|" + Number + @"\s*万?\s*元?\s*及?以[上下]"
        + @"|注册即送\s*" + Number + @"\s*元?|" + Number + @"\s*元\s*免息(?:券|卷)"
        + @"|\d+(?:\.\d+)?\s*折|\d+\s*步"
        + @"|(?:最长|长达|最多|最短)[^\d,，。;；]{0,4}\d+\s*(?:期|个月|月|天|年)|\d+\s*天\s*内"
        + @"|(?<!\d)0\s*(?=门槛|抵押|担保|首付)")]
    private static partial Regex Noise();

    [GeneratedRegex(@"(?:无|免收?|不收取?|没有|0)\s*提前还款\s*违约金|提前还款\s*(?:免|无|不收取?|不需要?支付)\s*违约金")]
    private static partial Regex EarlyRepaymentFree();

    [GeneratedRegex(@"提前还款\s*(?:违约金|手续费)\s*[:：]?\s*(?:为|按)?\s*(?<value>[¥￥]?\s*\d[\d,]*(?:\.\d+)?)\s*(?:(?<percent>%)|元)")]
    private static partial Regex EarlyRepaymentFigure();

    [GeneratedRegex(@"提前还款\s*(?:需|要|须|将)?\s*(?:支付|收取|收|缴纳)?\s*违约金")]
    private static partial Regex EarlyRepaymentCharged();

    [GeneratedRegex(@"(?:额度|可借|可贷)\s*[:：]?\s*(?<low>" + Number + @")\s*(?<lowWan>万)?\s*元?\s*[-~至到]\s*(?<high>" + Number + @")\s*(?<highWan>万)?\s*元?"
        + @"|(?<low>" + Number + @")\s*(?<lowWan>万)?\s*元?\s*[-~至到]\s*(?<high>" + Number + @")\s*(?<highWan>万)?\s*元?\s*(?:超高)?\s*额度")]
    private static partial Regex LimitRange();

    [GeneratedRegex(@"(?:(?:最高|最多)\s*(?:可\s*)?(?:借|贷|申请|拿|达)?\s*(?:额度|金额)?\s*为?|(?:授信|放款|借款|贷款)?额度\s*(?:最高可达|最高|高至|可达)\s*(?:可借|可贷)?|(?:当前)?(?:最高)?可(?:借|贷|用)额度|(?:通用)?额度\s*可用|可借|额度)"
        + @"\s*(?:\(元\))?\s*[:：]?\s*(?:(?<amount>" + Number + @")\s*(?<amountWan>千万|百万|万|千)?|(?<amountWan>千万|百万))\s*元?"
        + @"|(?<amount>" + Number + @")\s*(?<amountWan>万)?\s*元\s*以?内")]
    private static partial Regex Limit();

    [GeneratedRegex(@"(?:每借|借款|借)?\s*(?<base>" + Number + @")\s*(?<baseWan>万|千)?\s*元?\s*[,，]?\s*(?:每天|每日|一天|日)\s*的?\s*(?:利息|息费|息)?\s*(?:大概是|大约|约|只需要?还?|仅需|只要|低至|仅|需|只)?\s*(?:还|付|花)?\s*(?<cost>" + Number + @")\s*(?:(?:到|至|-|~)\s*" + Number + @")?\s*(?:元|块钱|块)\s*起?")]
    private static partial Regex CostPerDay();

    [GeneratedRegex(@"(?<base>" + Number + @")\s*(?<baseWan>万|千)?\s*元?\s*借\s*1\s*天\s*(?:的)?\s*利息\s*(?:仅|只要|只需|约)?\s*(?<cost>" + Number + @")" + Yuan)]
    private static partial Regex CostPerTenThousandForOneDay();

    [GeneratedRegex(@"每千元\s*(?:每天|每日|一天|日)\s*(?:利息|息费)?\s*(?:只需|仅需|只要|仅|需|低至)?\s*(?<cost>" + Number + @")" + Yuan)]
    private static partial Regex CostPerThousandPerDay();

    [GeneratedRegex(@"(?:每期应还|每期还款金额|每期还款|每期应付|每期需还|每期只需还|每期还|每期|月供|每月应还|每月还款|每月需还|每月只需还|每月还|月还|每月)\s*(?:金额)?\s*[:：]?\s*(?<amount>" + Number + @")\s*(?<amountWan>万)?\s*元?\s*(?:[,，]?\s*(?:共|分)\s*(?<count>\d+)\s*期)?")]
    private static partial Regex Instalment();

    [GeneratedRegex(@"(?:到期一次性还本付息|到期一次性还款|到期还本付息|到期还款|到期应还|到期还)\s*(?:金额)?\s*[:：]?\s*(?<amount>" + Number + @")\s*(?<amountWan>万)?\s*元?")]
    private static partial Regex AtEnd();

    [GeneratedRegex(@"(?:参考|最低)?(?<label>日利率|日息|日利|日费率|日化利率|日(?=\s*\d)|月利率|月息|月综合费率|月服务费率|月费率|每月费率|月费|年化综合借款成本\s*(?:\(率\))?|综合年化利率|年化利率\s*(?:\(\s*(?:单利|irr)\s*\))?|年化单利|年化|年利率|年息)"
        + @"\s*[:：]?\s*(?:低至|仅为|仅|最低|只要|约|为)?\s*"
        + @"(?:(?<value>\d+(?:\.\d+)?)\s*(?:%|(?<permille>‰)|(?<permyriad>‱))|万\s*(?:分之)?\s*(?<wan>\d+(?:\.\d+)?|[一二两三四五六七八九])|(?<li>\d+(?:\.\d+)?)\s*厘)"
        + @"(?:\s*(?:-|~|至|到)\s*\d+(?:\.\d+)?\s*%?)?\s*(?:\(\s*(?<simple>单利)\s*\))?\s*(?:起|左右)?")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"(?:实际到账金额|实际到账|到账金额|到手金额|实际到手|到手|到账|实得|放款金额)\s*[:：]?\s*(?<amount>" + Number + @")\s*(?<amountWan>万)?\s*元?")]
    private static partial Regex Arrives();

    [GeneratedRegex(@"(?:(?:需缴纳|需缴|需交|需付|需支付|另收|另付|收取|加收|需)\s*)?(?<name>[\p{IsCJKUnifiedIdeographs}]{0,4}?(?:服务费|手续费|管理费|担保费|会员费|权益费|保险费|保费|咨询费|平台费|信审费|风控费))\s*[:：]?\s*(?<each>每期|每月|按月)?\s*(?:收取)?\s*(?<amount>" + Number + @")\s*(?<amountWan>万)?\s*元?\s*(?<per>/\s*(?:期|月)|每期|每月)?")]
    private static partial Regex Fee();

    [GeneratedRegex(@"(?:本次借款金额|借款金额|贷款金额|借款本金|合同金额|申请金额|分期金额|借款额度|借款|贷款|借)\s*[:：]?\s*(?<amount>(?>" + Number + @"))(?!\s*(?:期|个?月|天|年))\s*(?<amountWan>万)?\s*元?")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"(?:借款期数|分期期数|期数)\s*[:：]?\s*(?<count>\d+)\s*期?")]
    private static partial Regex CountOfInstalments();

    [GeneratedRegex(@"(?<![\d.\-~～/至到年]\s*)(?:借款期限|期限|借期|分|共|借|用)?\s*[:：]?\s*(?<count>\d+)\s*(?<unit>期|个月|月|天|年)(?![\d\-~～/内]|\s*[-~～]|放款|到账|下款|出结果|还款日|化)")]
    private static partial Regex Term();
}

/// <summary>What the reader has gathered so far; the form fields and command-line options fill the same draft.</summary>
public sealed class OfferDraft
{
    private AdvertisedRate? exampleRate;
    private AdvertisedRate? statedRate;

    /// <summary>The contract amount.</summary>
    public Money? Amount { get; private set; }

    /// <summary>A credit line or maximum (最高可借 20万): shown, never the loan.</summary>
    public Money? Limit { get; private set; }

    /// <summary>What arrives.</summary>
    public Money? Arrives { get; private set; }

    /// <summary>The term.</summary>
    public OfferTerm? Term { get; private set; }

    /// <summary>Each instalment, when shown.</summary>
    public Money? Instalment { get; private set; }

    /// <summary>One sum repaid at the end (到期还款), when shown.</summary>
    public Money? AtEnd { get; private set; }

    /// <summary>
    /// The rate: one stated with its label (日利率 0.05%), else one worked out from a cost example
    /// beside it (借1万每天5元); the labelled figure wins when both are shown.
    /// </summary>
    public AdvertisedRate? Rate => statedRate ?? exampleRate;

    /// <summary>What the offer says about repaying early.</summary>
    public EarlyRepaymentCharge? EarlyRepayment { get; private set; }

    /// <summary>The fees as shown; deducted or paid on top is decided in <see cref="ToOffer"/>.</summary>
    public List<(string Name, Money Amount, bool EveryInstalment)> Fees { get; } = [];

    /// <summary>The longest term read: ten years of days (or months); beyond it a figure is a typo.</summary>
    public const int LongestTerm = 3650;

    /// <summary>The largest rate read, as a fraction per its unit (1000%).</summary>
    public const double LargestRate = 10;

    /// <summary>Sets the contract amount; a second, different value is shown back and the first kept.</summary>
    public string? SetAmount(Money value) => Set(Amount, value, v => Amount = v);

    /// <summary>Sets the credit line.</summary>
    public string? SetLimit(Money value) => Set(Limit, value, v => Limit = v);

    /// <summary>Sets what arrives.</summary>
    public string? SetArrives(Money value) => Set(Arrives, value, v => Arrives = v);

    /// <summary>Sets the term; 1 to <see cref="LongestTerm"/>.</summary>
    public string? SetTerm(OfferTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.Count is < 1 or > LongestTerm ? ImportMessages.Offer_BadTerm : Set(Term, term, v => Term = v);
    }

    /// <summary>Sets the instalment, and the term when "共N期" is given.</summary>
    public string? SetInstalment(Money each, int? count) =>
        Set(Instalment, each, v => Instalment = v) ?? (count is { } n ? SetTerm(new OfferTerm(n, TermUnit.Months)) : null);

    /// <summary>Sets the sum repaid at the end.</summary>
    public string? SetAtEnd(Money total) => Set(AtEnd, total, v => AtEnd = v);

    /// <summary>Sets the rate, stated or worked out from a cost example; at most <see cref="LargestRate"/>.</summary>
    public string? SetRate(AdvertisedRate rate, bool fromExample)
    {
        ArgumentNullException.ThrowIfNull(rate);
        if (rate.Value > LargestRate)
        {
            return ImportMessages.Offer_BadRate;
        }

        return fromExample ? Set(exampleRate, rate, v => exampleRate = v) : Set(statedRate, rate, v => statedRate = v);
    }

    /// <summary>Sets what repaying early costs.</summary>
    public string? SetEarlyRepayment(EarlyRepaymentCharge charge) => Set(EarlyRepayment, charge, v => EarlyRepayment = v);

    /// <summary>Adds a fee.</summary>
    public string? AddFee(string name, Money amount, bool everyInstalment)
    {
        Fees.Add((name, amount, everyInstalment));
        return null;
    }

    /// <summary>
    /// Puts the borrower's own figures over what was read: a figure they typed in a form field or
    /// gave as an option corrects the text, it does not contradict it. A null leaves the fact as read.
    /// </summary>
    public void Correct(Money? amount = null, Money? arrives = null, OfferTerm? term = null, Money? instalment = null, Money? atEnd = null, AdvertisedRate? rate = null)
    {
        Amount = amount ?? Amount;
        Arrives = arrives ?? Arrives;
        Term = term ?? Term;
        if (instalment is not null || atEnd is not null)
        {
            Instalment = instalment;
            AtEnd = atEnd;
        }

        statedRate = rate ?? statedRate;
    }

    private static string? Set<T>(T? current, T value, Action<T> set)
        where T : class
    {
        if (current is not null && !current.Equals(value))
        {
            return ImportMessages.Offer_Twice;
        }

        set(value);
        return null;
    }

    private static string? Set(Money? current, Money value, Action<Money> set)
    {
        if (current is { } old && old != value)
        {
            return ImportMessages.Offer_Twice;
        }

        set(value);
        return null;
    }

    /// <summary>The facts still missing, or questionable, each as a question for the borrower.</summary>
    public IReadOnlyList<OfferQuestion> Questions()
    {
        var questions = new List<OfferQuestion>();
        if (Amount is null)
        {
            questions.Add(new OfferQuestion(OfferFact.Amount, Limit is null ? ImportMessages.Offer_AskAmount : ImportMessages.Offer_AskAmountNotLimit));
        }

        if (Term is null)
        {
            questions.Add(new OfferQuestion(OfferFact.Term, ImportMessages.Offer_AskTerm));
        }

        if (Instalment is null && AtEnd is null && Rate is null)
        {
            questions.Add(new OfferQuestion(OfferFact.Repayment, ImportMessages.Offer_AskRepayment));
        }

        if (Amount is { } amount && Arrives is { } arrives && arrives > amount)
        {
            questions.Add(new OfferQuestion(OfferFact.Arrives, ImportMessages.Offer_AskArrivesAboveAmount));
        }

        if (Term is { Unit: TermUnit.Days } && Instalment is null && AtEnd is null && Rate is { Method: AdvertisedMethod.FeeRate, Per: RatePer.Month })
        {
            questions.Add(new OfferQuestion(OfferFact.Term, ImportMessages.Offer_AskFeeRateNeedsMonths));
        }

        return questions;
    }

    /// <summary>
    /// The offer, or <see langword="null"/> while <see cref="Questions"/> is not empty. Upfront fees
    /// are taken as deducted when the amount minus what arrives covers them (they are already in
    /// "arrives"), else as paid on top.
    /// </summary>
    public LoanOffer? ToOffer(Lender lender)
    {
        ArgumentNullException.ThrowIfNull(lender);
        if (Questions().Count > 0)
        {
            return null;
        }

        var withheld = Amount!.Value - (Arrives ?? Amount.Value);
        var upfront = Money.Sum(Fees.Where(f => !f.EveryInstalment).Select(f => f.Amount));
        var deducted = withheld.IsPositive && withheld >= upfront;
        var fees = Fees.Select(f => new OfferFee(
            f.Name,
            f.Amount,
            f.EveryInstalment ? FeeTiming.EveryInstalment : deducted ? FeeTiming.Deducted : FeeTiming.Upfront,
            FeeKindOf(f.Name))).ToArray();
        OfferRepayment repayment = Instalment is { } each ? new OfferRepayment.PerInstalment(each)
            : AtEnd is { } total ? new OfferRepayment.AtEnd(total)
            : new OfferRepayment.AtRate(Rate!);
        return new LoanOffer
        {
            Amount = Amount.Value,
            Arrives = Arrives,
            Term = Term!,
            Repayment = repayment,
            AdvertisedBeside = repayment is OfferRepayment.AtRate ? null : Rate,
            Fees = fees,
            Lender = lender,
            EarlyRepayment = EarlyRepayment,
        };
    }

    /// <summary>
    /// The kind of a fee from its name: 担保 is a guarantee fee (before 保费, which 担保费 contains),
    /// 会员/权益 membership, 保险/保费 insurance, the rest service.
    /// </summary>
    public static OfferFeeKind FeeKindOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Contains("担保", StringComparison.Ordinal) ? OfferFeeKind.Guarantee
            : name.Contains("会员", StringComparison.Ordinal) || name.Contains("权益", StringComparison.Ordinal) ? OfferFeeKind.Membership
            : name.Contains("保险", StringComparison.Ordinal) || name.Contains("保费", StringComparison.Ordinal) ? OfferFeeKind.Insurance
            : OfferFeeKind.Service;
    }
}

/// <summary>A fact an offer needs before its cost can be worked out.</summary>
public enum OfferFact
{
    /// <summary>The loan amount (借多少钱).</summary>
    Amount,

    /// <summary>What arrives (到账).</summary>
    Arrives,

    /// <summary>The term (借多久).</summary>
    Term,

    /// <summary>How it is repaid: an instalment, a sum at the end, or a rate.</summary>
    Repayment,
}

/// <summary>A question for the borrower about one fact, in the current UI language.</summary>
/// <param name="Fact">The fact asked for.</param>
/// <param name="Text">The question, in the borrower's words ("借多少钱？").</param>
public sealed record OfferQuestion(OfferFact Fact, string Text);

/// <summary>The outcome of reading an offer: what was read, and what was shown back unread.</summary>
/// <param name="Draft">What was read.</param>
/// <param name="Unread">Lines or figures not used, each at its line with its text as pasted (the line's, or the figure's) and why; they never stop the reading.</param>
public sealed record OfferTextReading(OfferDraft Draft, IReadOnlyList<ReadingProblem> Unread);
