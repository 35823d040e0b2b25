using System.Globalization;
using DebtShield.App;
using DebtShield.App.ImportLoans;
using DebtShield.App.ListLoans;
using DebtShield.App.RecordLoans;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;
using DebtShield.Web.Pages;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Forms;

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

    /// <summary>The lender's kind: <c>bank</c>, <c>consumer_finance</c>, <c>microloan</c>, <c>online_platform</c>, <c>private_individual</c>, <c>unlicensed_lender</c> or <c>unknown</c>.</summary>
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

    /// <summary>The overdue rate the contract agrees (0.05% or 0.0005); empty when none is given.</summary>
    public string? OverdueRate { get; init; }

    /// <summary>The overdue rate's period: <c>day</c>, <c>month</c> or <c>year</c> (the default).</summary>
    public string? OverduePer { get; init; }

    /// <summary>A penalty the contract agrees per day (0.1% or 0.001).</summary>
    public string? PenaltyPerDay { get; init; }

    /// <summary>A penalty the contract agrees as one amount.</summary>
    public string? Penalty { get; init; }

    /// <summary>Other fees the contract agrees once overdue, in total.</summary>
    public string? OverdueFees { get; init; }

    /// <summary>True when the contract agrees nothing for late payment.</summary>
    public bool NoOverdueTerms { get; init; }

    /// <summary>The loan the form describes; its contract must have been signed by <paramref name="today"/>.</summary>
    /// <exception cref="RequestRefusedException">A field is missing or does not read (named by its label, with the reason), or the facts do not make a loan.</exception>
    public Loan ToLoan(DateOnly today)
    {
        var facts = ToPastedFacts(today);
        var count = Instalments is { } given
            ? FormValue.Count(given.ToString(CultureInfo.InvariantCulture), WebText.Field_Instalments, WebText.Field_InstalmentsUnit, EqualInstalments.LargestCount)
            : throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_Missing, WebText.Field_Instalments));
        var amount = FormValue.Amount(Amount, WebText.Field_Amount);
        var first = FormValue.Date(FirstDue, WebText.Field_FirstDue);
        return Facts(facts, EqualInstalments.Schedule(count, amount, first), [], overdueTerms: OverdueTerms());
    }

    /// <summary>
    /// What the form says the contract agrees for late payment: nothing filled in, not known; the
    /// box ticked, nothing agreed; otherwise what is filled in, each part left empty not agreed.
    /// Read by <see cref="OverdueTermsEntry"/>, as every door reads them. The period is a list that
    /// always sends a choice, so its default (a year) with no rate is nothing typed; another
    /// period with no rate is refused, as a rate forgotten.
    /// </summary>
    /// <exception cref="RequestRefusedException">A value does not read, or the box is ticked beside values, or the penalty is given both ways, or a period is chosen without a rate.</exception>
    public OverdueTerms OverdueTerms()
    {
        var untouchedPer = string.IsNullOrWhiteSpace(OverdueRate) && Vocabularies.RateUnits.Parse(OverduePer?.Trim()) is RatePer.Year;
        var reading = new OverdueTermsEntry
        {
            Rate = OverdueRate,
            Per = untouchedPer ? null : OverduePer,
            PenaltyPerDay = PenaltyPerDay,
            Penalty = string.IsNullOrWhiteSpace(Penalty) ? null : FormValue.AmountAtLeastZero(Penalty, WebText.Field_Penalty),
            OtherFees = string.IsNullOrWhiteSpace(OverdueFees) ? null : FormValue.AmountAtLeastZero(OverdueFees, WebText.Field_OverdueFees),
            NoneAgreed = NoOverdueTerms,
        }.Read();
        if (reading.Succeeded)
        {
            return reading.Terms;
        }

        var problem = reading.Problems[0];
        throw new RequestRefusedException(problem.Kind switch
        {
            OverdueTermsProblemKind.NoneAgreedButGiven => WebText.Overdue_NoneButGiven,
            OverdueTermsProblemKind.PenaltyBothWays => WebText.Overdue_PenaltyTwice,
            OverdueTermsProblemKind.PeriodWithoutRate => string.Format(CultureInfo.CurrentCulture, WebText.Overdue_PerWithoutRate, WebText.Field_OverdueRate, WebText.Field_OverduePer),
            OverdueTermsProblemKind.UnknownPeriod => string.Format(CultureInfo.CurrentCulture, WebText.Input_Invalid, WebText.Field_OverduePer, OverduePer),
            _ when problem.Part is OverdueTermsPart.PenaltyPerDay => string.Format(CultureInfo.CurrentCulture, WebText.Input_NotRate, WebText.Field_PenaltyPerDay, PenaltyPerDay),
            _ => string.Format(CultureInfo.CurrentCulture, WebText.Input_NotRate, WebText.Field_OverdueRate, OverdueRate),
        });
    }

    /// <summary>The loan's facts without its schedule, for a pasted repayment screen that gives the schedule.</summary>
    /// <exception cref="RequestRefusedException">A field is missing or does not read, or the contract is dated after <paramref name="today"/>.</exception>
    public PastedLoanFacts ToPastedFacts(DateOnly today)
    {
        var id = WebInput.Required(Id, WebText.Field_Id);
        var lender = WebInput.Required(Lender, WebText.Field_Lender);
        var kindText = WebInput.Required(Kind, WebText.Field_Kind);
        var kind = Vocabularies.LenderKinds.Parse(kindText) ?? throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_Invalid, WebText.Field_Kind, kindText));
        var contractDate = FormValue.PastDate(ContractDate, WebText.Field_ContractDate, today);
        var principal = FormValue.Amount(Principal, WebText.Field_Principal);
        var received = string.IsNullOrWhiteSpace(Received) ? (Money?)null : FormValue.Amount(Received, WebText.Field_Received);
        return new PastedLoanFacts(id, new Core.Loans.Lender(lender, kind), contractDate, principal, received);
    }

    /// <summary>The form filled in with a loan's facts and late-payment terms, for correcting them.</summary>
    public static LoanForm Of(LoanListEntry loan, OverdueTerms overdueTerms)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(overdueTerms);
        return new LoanForm
        {
            Id = loan.Id,
            Lender = loan.Figures.LenderName,
            Kind = loan.Figures.LenderKind,
            ContractDate = Figures.Day(loan.ContractDate),
            Principal = loan.Figures.Principal.ToString(CultureInfo.InvariantCulture),
            Received = loan.Figures.Received == loan.Figures.Principal ? null : loan.Figures.Received.ToString(CultureInfo.InvariantCulture),
            OverdueRate = overdueTerms.Rate?.Value.ToString(CultureInfo.InvariantCulture),
            OverduePer = overdueTerms.Rate is { } rate ? Vocabularies.RateUnits.WireId(rate.Per) : null,
            PenaltyPerDay = overdueTerms.Penalty?.DailyRate?.ToString(CultureInfo.InvariantCulture),
            Penalty = overdueTerms.Penalty?.Amount?.Yuan.ToString(CultureInfo.InvariantCulture),
            OverdueFees = overdueTerms.OtherFees?.Yuan.ToString(CultureInfo.InvariantCulture),
            NoOverdueTerms = overdueTerms.IsKnown && overdueTerms.Rate is null && overdueTerms.Penalty is null && overdueTerms.OtherFees is null,
        };
    }

    /// <summary>A loan of the form's facts with <paramref name="schedule"/> and <paramref name="payments"/>, or a refusal worded with the form's labels.</summary>
    /// <exception cref="RequestRefusedException">The facts do not make a loan.</exception>
    public static Loan Facts(PastedLoanFacts facts, IReadOnlyList<Instalment> schedule, IReadOnlyList<Payment> payments, IEnumerable<UpfrontFee>? fees = null, AdvertisedRate? advertised = null, OverdueTerms? overdueTerms = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Checked(Loan.Create(facts.Id, facts.Lender, facts.ContractDate, facts.Principal, facts.Received, fees ?? [], schedule, payments, advertised, overdueTerms), facts.Id).Loan!;
    }

    /// <summary><paramref name="creation"/> when it made a loan; otherwise a refusal that names each problem by the form's label.</summary>
    /// <exception cref="RequestRefusedException">The creation failed.</exception>
    public static LoanCreation Checked(LoanCreation creation, string id)
    {
        ArgumentNullException.ThrowIfNull(creation);
        return creation.Succeeded
            ? creation
            : throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Loan_Invalid, id, LoanFieldLabels.Describe(creation.Problems)));
    }
}
