using System.Globalization;
using DebtShield.App;
using DebtShield.App.ImportLoans;
using DebtShield.App.Input;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Api;

/// <summary>
/// A loan as a person types it into the form (or an API client posts it): the same shapes the
/// importers accept (<c>¥1,034.50</c>, <c>2026年1月5日</c>), an equal-instalment schedule, and
/// every field checked with its name in the message.
/// </summary>
public sealed record LoanForm
{
    /// <summary>What the borrower calls the loan (the app's name and a number, say).</summary>
    public string? Id { get; init; }

    /// <summary>The lender's name.</summary>
    public string? Lender { get; init; }

    /// <summary>The lender's kind: <c>bank</c>, <c>consumer_finance</c>, <c>microloan</c>, <c>online_platform</c>, <c>private_individual</c> or <c>unknown</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>The contract date.</summary>
    public string? ContractDate { get; init; }

    /// <summary>The amount the contract names.</summary>
    public string? Principal { get; init; }

    /// <summary>What actually arrived, when less (砍头息).</summary>
    public string? Received { get; init; }

    /// <summary>How many equal instalments.</summary>
    public int? Instalments { get; init; }

    /// <summary>Each instalment's amount.</summary>
    public string? Amount { get; init; }

    /// <summary>The first due date; the rest follow monthly.</summary>
    public string? FirstDue { get; init; }

    /// <summary>The loan the form describes.</summary>
    /// <exception cref="RequestRefusedException">A field is missing or does not read, or the facts do not make a loan.</exception>
    public Loan ToLoan()
    {
        var facts = ToPastedFacts();
        var count = Instalments is >= 1 and <= 600 ? Instalments.Value : throw Invalid("instalments", Instalments?.ToString(CultureInfo.InvariantCulture) ?? "");
        var amount = Amount_(Amount, "amount");
        var first = Date(FirstDue, "firstDue");
        var creation = Loan.Create(
            facts.Id,
            facts.Lender,
            facts.ContractDate,
            facts.Principal,
            facts.Received,
            [],
            [.. Enumerable.Range(0, count).Select(i => new Instalment(first.AddMonths(i), amount))],
            [],
            null);
        return creation.Succeeded
            ? creation.Loan
            : throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Loan_Invalid, facts.Id, FactText.Describe(creation.Problems)));
    }

    /// <summary>The loan's facts without its schedule, for a pasted repayment screen that gives the schedule.</summary>
    /// <exception cref="RequestRefusedException">A field is missing or does not read.</exception>
    public PastedLoanFacts ToPastedFacts()
    {
        var id = WebInput.Required(Id, "id");
        var kind = FactText.Kind(WebInput.Required(Kind, "kind")) ?? throw Invalid("kind", Kind!);
        var lender = new Core.Loans.Lender(WebInput.Required(Lender, "lender"), kind);
        var received = string.IsNullOrWhiteSpace(Received) ? (Money?)null : Amount_(Received, "received");
        return new PastedLoanFacts(id, lender, Date(ContractDate, "contractDate"), Amount_(Principal, "principal"), received);
    }

    private static Money Amount_(string? text, string field) =>
        FactText.TryAmount(WebInput.Required(text, field), out var yuan) && yuan > 0m && yuan <= Loan.LargestAmount ? new Money(yuan) : throw Invalid(field, text!);

    private static DateOnly Date(string? text, string field) =>
        FactText.TryDate(WebInput.Required(text, field), out var date) ? date : throw Invalid(field, text!);

    private static RequestRefusedException Invalid(string field, string value) =>
        new(string.Format(CultureInfo.CurrentCulture, WebText.Input_Invalid, field, value));
}
