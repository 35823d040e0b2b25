using DebtShield.Core.Loans;

namespace DebtShield.Import.LoanFiles;

/// <summary>
/// The names a payment's designation has in loan files (<c>principal</c>, <c>interest</c>,
/// <c>fees</c>); no name means the statutory order.
/// </summary>
public static class PaymentTargetNames
{
    private static readonly Dictionary<string, PaymentTarget> TargetByName = Enum.GetValues<PaymentTarget>()
        .Where(t => t != PaymentTarget.Default)
        .ToDictionary(t => Name(t)!, StringComparer.Ordinal);

    /// <summary>The designation a name stands for, or <see langword="null"/> for a name we do not know.</summary>
    public static PaymentTarget? Parse(string? name) => name is not null && TargetByName.TryGetValue(name, out var target) ? target : null;

    /// <summary>The name of a designation; <see langword="null"/> for the statutory order, which a file leaves out.</summary>
    public static string? Name(PaymentTarget target) => target switch
    {
        PaymentTarget.Default => null,
        PaymentTarget.Principal => "principal",
        PaymentTarget.Interest => "interest",
        PaymentTarget.Fees => "fees",
    };
}
