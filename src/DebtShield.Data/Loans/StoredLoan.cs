using DebtShield.Core;
using DebtShield.Core.Loans;

namespace DebtShield.Data.Loans;

/// <summary>
/// One loan's facts as stored: the loan file's contents, row by row. No rate, balance or flag is
/// stored; Core derives them from these facts whenever they are asked for.
/// </summary>
public sealed class StoredLoan
{
    /// <summary>The loan's key.</summary>
    public Guid Id { get; set; }

    /// <summary>The case it belongs to.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The lender's key.</summary>
    public Guid LenderId { get; set; }

    /// <summary>The lender.</summary>
    public StoredLender Lender { get; set; } = null!;

    /// <summary>The borrower's name for the loan; unique within the case.</summary>
    public string Reference { get; set; } = "";

    /// <summary>The day the money arrived.</summary>
    public DateOnly ContractDate { get; set; }

    /// <summary>The contract amount.</summary>
    public Money Principal { get; set; }

    /// <summary>What actually arrived.</summary>
    public Money Received { get; set; }

    /// <summary>The advertised rate's value, when known.</summary>
    public double? AdvertisedValue { get; set; }

    /// <summary>The advertised rate's period, when known.</summary>
    public RatePer? AdvertisedPer { get; set; }

    /// <summary>How the advertised rate was computed, when known.</summary>
    public AdvertisedMethod? AdvertisedMethod { get; set; }

    /// <summary>
    /// True when the borrower said what the contract agrees for late payment; false (the default,
    /// and every loan recorded before the ledger kept the terms) when it is not known.
    /// </summary>
    public bool OverdueTermsKnown { get; set; }

    /// <summary>The agreed overdue rate's value (a fraction per <see cref="OverdueRatePer"/>); null when none is agreed.</summary>
    public decimal? OverdueRateValue { get; set; }

    /// <summary>The agreed overdue rate's period; null when none is agreed.</summary>
    public RatePer? OverdueRatePer { get; set; }

    /// <summary>An agreed penalty as a fraction a day; null for none or for an amount.</summary>
    public decimal? OverduePenaltyPerDay { get; set; }

    /// <summary>An agreed penalty as one amount; null for none or for a daily rate.</summary>
    public Money? OverduePenaltyAmount { get; set; }

    /// <summary>Other fees agreed for late payment; null when none are agreed.</summary>
    public Money? OverdueOtherFees { get; set; }

    /// <summary>When the loan entered the ledger.</summary>
    public DateTimeOffset AddedAt { get; set; }

    /// <summary>The lender's schedule, by <see cref="StoredInstalment.Number"/>.</summary>
    public List<StoredInstalment> Schedule { get; } = [];

    /// <summary>Fees paid out of pocket at or before disbursement.</summary>
    public List<StoredUpfrontFee> UpfrontFees { get; } = [];

    /// <summary>What the borrower paid.</summary>
    public List<StoredPayment> Payments { get; } = [];

    /// <summary>
    /// Rebuilds the Core loan. The facts were checked when stored, so a failure here means the
    /// database was edited by hand; the problems say which field.
    /// </summary>
    public LoanCreation ToLoan()
    {
        AdvertisedRate? advertised = AdvertisedValue is { } value && AdvertisedPer is { } per && AdvertisedMethod is { } method
            ? new AdvertisedRate(value, per, method)
            : null;
        return Loan.Create(
            Reference,
            Lender.ToLender(),
            ContractDate,
            Principal,
            Received,
            UpfrontFees.OrderBy(f => f.Number).Select(f => new UpfrontFee(f.Name, f.Amount, f.Date)),
            Schedule.OrderBy(i => i.Number).Select(i => new Instalment(i.DueDate, i.Total, i.Principal, i.Interest, i.Fees)),
            Payments.OrderBy(p => p.Date).ThenBy(p => p.Amount).Select(p => new Payment(p.Date, p.Amount, p.AppliesTo)),
            advertised,
            ReadOverdueTerms());
    }

    /// <summary>Gives this row a loan's overdue terms.</summary>
    public void WriteOverdueTerms(OverdueTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        OverdueTermsKnown = terms.IsKnown;
        OverdueRateValue = terms.Rate?.Value;
        OverdueRatePer = terms.Rate?.Per;
        OverduePenaltyPerDay = terms.Penalty?.DailyRate;
        OverduePenaltyAmount = terms.Penalty?.Amount;
        OverdueOtherFees = terms.OtherFees;
    }

    private OverdueTerms ReadOverdueTerms()
    {
        if (!OverdueTermsKnown)
        {
            return OverdueTerms.Unknown;
        }

        var penalty = OverduePenaltyPerDay is { } daily ? OverduePenalty.PerDay(daily)
            : OverduePenaltyAmount is { } amount ? OverduePenalty.Once(amount)
            : null;
        return OverdueTerms.Agreed(
            OverdueRateValue is { } value && OverdueRatePer is { } per ? new OverdueRate(value, per) : null,
            penalty,
            OverdueOtherFees);
    }

    /// <summary>Stores a Core loan's facts under a lender of a case.</summary>
    /// <param name="loan">The loan.</param>
    /// <param name="caseId">The case.</param>
    /// <param name="lender">The stored lender (its name and kind match the loan's).</param>
    /// <param name="now">When it is stored.</param>
    public static StoredLoan From(Loan loan, Guid caseId, StoredLender lender, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(lender);
        var stored = new StoredLoan
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            LenderId = lender.Id,
            Lender = lender,
            Reference = loan.Id,
            ContractDate = loan.ContractDate,
            Principal = loan.Principal,
            Received = loan.Received,
            AdvertisedValue = loan.Advertised?.Value,
            AdvertisedPer = loan.Advertised?.Per,
            AdvertisedMethod = loan.Advertised?.Method,
            AddedAt = now,
        };
        stored.WriteOverdueTerms(loan.OverdueTerms);
        for (var i = 0; i < loan.Schedule.Count; i++)
        {
            var instalment = loan.Schedule[i];
            stored.Schedule.Add(new StoredInstalment
            {
                LoanId = stored.Id,
                Number = i + 1,
                DueDate = instalment.DueDate,
                Total = instalment.Total,
                Principal = instalment.Principal,
                Interest = instalment.Interest,
                Fees = instalment.Fees,
            });
        }

        for (var i = 0; i < loan.UpfrontFees.Count; i++)
        {
            var fee = loan.UpfrontFees[i];
            stored.UpfrontFees.Add(new StoredUpfrontFee { LoanId = stored.Id, Number = i + 1, Name = fee.Name, Amount = fee.Amount, Date = fee.Date });
        }

        foreach (var payment in loan.Payments)
        {
            stored.Payments.Add(StoredPayment.Of(stored.Id, payment, now));
        }

        return stored;
    }
}
