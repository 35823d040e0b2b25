using DebtShield.Core.Loans;

namespace DebtShield.Import.LoanFiles;

/// <summary>
/// The names a payment's designation has in loan files and tables (<c>principal</c>, <c>interest</c>,
/// <c>fees</c>: <see cref="Payment.TargetIds"/>); no name means the statutory order, whose id
/// (<c>default</c>) a file neither writes nor accepts.
/// </summary>
public static class PaymentTargetNames
{
    /// <summary>The designation a name stands for, or <see langword="null"/> for a name we do not know.</summary>
    public static PaymentTarget? Parse(string? name) =>
        Payment.TargetIds.TryParse(name, out var target) && target != PaymentTarget.Default ? target : null;

    /// <summary>The name of a designation; <see langword="null"/> for the statutory order, which a file leaves out.</summary>
    public static string? Name(PaymentTarget target) => target == PaymentTarget.Default ? null : Payment.TargetIds.Of(target);
}
