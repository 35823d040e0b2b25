using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DebtShield.App.CheckLoans;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Html;

namespace DebtShield.Web.Pages;

/// <summary>How the pages write figures: yuan with two decimals and a thousands separator, rates as percentages, dates as ISO days.</summary>
public static class Figures
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>¥12,345.60.</summary>
    public static string Yuan(decimal yuan) => "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// A lawful figure: one amount, or "X 至 Y" when the top of its range is higher (an overdue
    /// loan whose agreed overdue terms are not known), so the low end is never shown as the most owed.
    /// </summary>
    public static string YuanRange(decimal low, decimal? most) =>
        most is { } top && top > low ? string.Format(CultureInfo.CurrentCulture, WebText.Figure_Range, Yuan(low), Yuan(top)) : Yuan(low);

    /// <summary>¥12,345.60, or a dash.</summary>
    public static string Yuan(decimal? yuan) => yuan is { } y ? Yuan(y) : "—";

    /// <summary>35.99%, or a dash.</summary>
    public static string Percent(double? fraction) => fraction is { } f && double.IsFinite(f) ? (f * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>2026-11-28, or a dash.</summary>
    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>2026-11-28 21:43.</summary>
    public static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A lender kind in the page's language (网贷平台, bank…), with what it means where the name alone
    /// does not say it (职业放贷人（无放贷资质、向社会公众放贷）).
    /// </summary>
    public static string Kind(LenderKind kind)
    {
        var name = Vocabularies.LenderKinds[kind].Name(CultureInfo.CurrentUICulture);
        return KindHints.Has(kind) ? name + KindHints.Text(kind) : name;
    }

    /// <summary>What a lender kind means where its name alone does not say it; the other kinds need no hint.</summary>
    internal static MemberTexts<LenderKind> KindHints { get; } = new(
        WebText.ResourceManager,
        (LenderKind.Unknown, null),
        (LenderKind.Bank, null),
        (LenderKind.ConsumerFinance, null),
        (LenderKind.Microloan, null),
        (LenderKind.OnlinePlatform, null),
        (LenderKind.PrivateIndividual, null),
        (LenderKind.UnlicensedLender, "Kind_Hint_unlicensed_lender"));

    /// <summary>How well a fact is checked, in words: 已核实, 二手资料, 待核实 (a report's <c>verified</c>, <c>secondary</c>, <c>uncertain</c>).</summary>
    public static string Status(string status) => LegalNames.Status(status);

    /// <summary>A legal flag's name (a report's <c>above_36</c> → 年化超过 36%); an id no flag has is shown as it is.</summary>
    public static string Flag(string flag) => LegalNames.Flag(flag);

    /// <summary>A schedule in one line: "6 期，共 ¥6,000.00".</summary>
    public static string Schedule(Loan loan)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return string.Format(CultureInfo.CurrentCulture, WebText.Paste_Schedule, loan.Schedule.Count, Yuan(loan.ScheduledTotal.Yuan));
    }

    /// <summary>The payments in one line: "2 笔，共 ¥2,000.00".</summary>
    public static string Payments(Loan loan)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return string.Format(CultureInfo.CurrentCulture, WebText.Paste_Payments, loan.Payments.Count, Yuan(Money.Sum(loan.Payments.Select(p => p.Amount)).Yuan));
    }

    /// <summary>
    /// An incident's text with the analyser's spans in <c>&lt;mark&gt;</c>, every piece encoded: the
    /// text is the collector's, so nothing of it may ever become markup.
    /// </summary>
    public static IHtmlContent Marked(IReadOnlyList<TextSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var html = new StringBuilder();
        foreach (var segment in segments)
        {
            html.Append(segment.Marked ? "<mark>" : "").Append(Encoder.Encode(segment.Text)).Append(segment.Marked ? "</mark>" : "");
        }

        return new HtmlString(html.ToString());
    }
}
