using System.Globalization;
using System.Text.RegularExpressions;
using DebtShield.App.Input;
using DebtShield.Core.Loans;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Forms;

/// <summary>
/// A loan's problems worded with the labels a person saw on the form ("第 2 期到期日：…") instead
/// of the loan file's field paths (<c>schedule[1].dueDate</c>), which belong to files and programs.
/// </summary>
public static partial class LoanFieldLabels
{
    /// <summary>Every problem as one line: "合同金额（元）：金额必须大于 0；第 2 笔还款：…".</summary>
    public static string Describe(IEnumerable<LoanProblem> problems) =>
        string.Join("；", problems.Select(p => Of(p.Field) + "：" + FactText.Describe(p.Kind)));

    /// <summary>The label of a loan file's field path; the loan as a whole for a path it does not know.</summary>
    public static string Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var indexed = Indexed().Match(path);
        if (!indexed.Success)
        {
            return path switch
            {
                "id" => WebText.Field_Id,
                "lender" or "lender.name" => WebText.Field_Lender,
                "lender.kind" => WebText.Field_Kind,
                "contractDate" => WebText.Field_ContractDate,
                "principal" => WebText.Field_Principal,
                "received" => WebText.Field_Received,
                "schedule" => WebText.Loan_Schedule,
                "overdueTerms.rate.value" => WebText.Field_OverdueRate,
                "overdueTerms.penalty.perDay" => WebText.Field_PenaltyPerDay,
                "overdueTerms.penalty.amount" => WebText.Field_Penalty,
                "overdueTerms.otherFees" => WebText.Field_OverdueFees,
                _ => WebText.Field_TheLoan,
            };
        }

        var number = int.Parse(indexed.Groups["index"].ValueSpan, CultureInfo.InvariantCulture) + 1;
        var format = indexed.Groups["list"].Value switch
        {
            "schedule" => WebText.Field_InstalmentNumber,
            "payments" => WebText.Field_PaymentNumber,
            _ => WebText.Field_FeeNumber,
        };
        return string.Format(CultureInfo.CurrentCulture, format, number);
    }

    [GeneratedRegex(@"^(?<list>schedule|payments|upfrontFees)\[(?<index>\d{1,6})\]")]
    private static partial Regex Indexed();
}
