using DebtShield.Core.Law;
using DebtShield.Core.Loans;

namespace DebtShield.Core.Tests.Law;

/// <summary>Builders: a small set of legal rules with known numbers, and loans.</summary>
internal static class TestLaw
{
    private static readonly LegalBasis Basis = new(["test-cite"], FactStatus.Verified);

    /// <summary>LPR 4.25% from 2019-08-20, 3.85% from 2020-04-20, 3.45% from 2023-08-21, 3.00% (unconfirmed) from 2025-05-20; certain through 2025-12-31.</summary>
    public static LegalRules Rules { get; } = new()
    {
        Lpr = new LprTable(
            [
                new LprFixing(new DateOnly(2019, 8, 20), 0.0425m, 0.0485m, FactStatus.Secondary),
                new LprFixing(new DateOnly(2020, 4, 20), 0.0385m, 0.0465m, FactStatus.Secondary),
                new LprFixing(new DateOnly(2023, 8, 21), 0.0345m, 0.0420m, FactStatus.Secondary),
                new LprFixing(new DateOnly(2025, 5, 20), 0.0300m, 0.0350m, FactStatus.Uncertain),
            ],
            new DateOnly(2025, 12, 31)),
        PrivateLprMultiple = 4m,
        PrivateReformDate = new DateOnly(2020, 8, 20),
        PrivateCap = new LegalBasis(["spl-art25"], FactStatus.Verified),
        PrivateTransition = new LegalBasis(["spl-art31"], FactStatus.Verified),
        OldPrivateLine = 0.24m,
        OldPrivate = new LegalBasis(["spl2015-rates"], FactStatus.Uncertain),
        OldPrivateKeptIfPaidLine = 0.36m,
        OldPrivateKeptIfPaid = new LegalBasis(["spl2015-art31"], FactStatus.Secondary),
        LicensedCourtLine = 0.24m,
        LicensedCourt = new LegalBasis(["fafa-2017-22-s2"], FactStatus.Secondary),
        ThirtySixLine = 0.36m,
        OverdueDefault = new LegalBasis(["spl-art28"], FactStatus.Verified),
        OldOverdueDefaultRate = 0.06m,
        OldOverdueDefault = new LegalBasis(["spl2015-art29"], FactStatus.Secondary),
        Flags = Enum.GetValues<LegalFlagKind>().ToDictionary(f => f, _ => Basis),
        Kinds = new Dictionary<LenderKind, LenderKindRules>
        {
            [LenderKind.Bank] = new([(LegalView.LicensedInstitution, FactStatus.Secondary)]),
            [LenderKind.ConsumerFinance] = new([(LegalView.LicensedInstitution, FactStatus.Secondary)]),
            [LenderKind.Microloan] = new([(LegalView.LicensedInstitution, FactStatus.Uncertain)]),
            [LenderKind.OnlinePlatform] = new([(LegalView.PrivateLending, FactStatus.Verified), (LegalView.LicensedInstitution, FactStatus.Uncertain)]),
            [LenderKind.PrivateIndividual] = new([(LegalView.PrivateLending, FactStatus.Verified)]),
            [LenderKind.UnlicensedLender] = new([(LegalView.VoidUnlicensedLending, FactStatus.Secondary), (LegalView.PrivateLending, FactStatus.Verified)]),
            [LenderKind.Unknown] = new([(LegalView.PrivateLending, FactStatus.Verified), (LegalView.LicensedInstitution, FactStatus.Secondary)]),
        },
        PrincipalBasis = new LegalBasis(["cc-art670", "spl-art26"], FactStatus.Verified),
        PaymentOrder = new LegalBasis(["cc-art561"], FactStatus.Verified),
        OverdueCharges = new LegalBasis(["spl-art28", "spl-art29"], FactStatus.Verified),
        RateMeasure = new LegalBasis(["pboc-2021-3"], FactStatus.Secondary),
        UnlicensedVoid = new LegalBasis(["spl-art13", "jiumin-art53", "cc-art157"], FactStatus.Secondary),
        MicroloanCost = new MicroloanGuideline(new DateOnly(2025, 12, 24), 0.24m, 4m, new DateOnly(2027, 12, 31), new LegalBasis(["microloan-cost-2025"], FactStatus.Secondary)),
    };

    /// <summary>A loan with level instalments (等额本息) at a monthly rate, optionally with a deduction.</summary>
    public static Loan MonthlyLoan(
        LenderKind kind,
        DateOnly contract,
        decimal principal,
        int months,
        double monthlyRate,
        decimal deducted = 0,
        IEnumerable<Payment>? payments = null,
        IEnumerable<UpfrontFee>? fees = null)
    {
        var payment = monthlyRate == 0
            ? (double)principal / months
            : (double)principal * monthlyRate / (1 - Math.Pow(1 + monthlyRate, -months));
        var total = new Money(decimal.Round((decimal)payment, 2));
        var creation = Loan.Create(
            "test",
            new Lender("lender", kind),
            contract,
            new Money(principal),
            new Money(principal - deducted),
            fees ?? [],
            Enumerable.Range(1, months).Select(m => new Instalment(contract.AddMonths(m), total)),
            payments ?? [],
            null);
        Assert.True(creation.Succeeded, string.Join(", ", creation.Problems));
        return creation.Loan;
    }

    /// <summary>Payments of every scheduled instalment due on or before <paramref name="through"/>, on its due date.</summary>
    public static IEnumerable<Payment> PaidOnSchedule(Loan loan, DateOnly through) =>
        loan.Schedule.Where(i => i.DueDate <= through).Select(i => new Payment(i.DueDate, i.Total));
}
