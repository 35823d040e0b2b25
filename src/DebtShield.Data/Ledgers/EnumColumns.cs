using DebtShield.Core.Budget;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;
using DebtShield.Data.Evidence;
using DebtShield.Data.Loans;

namespace DebtShield.Data;

/// <summary>
/// Every enum column of the ledger, each with the ledger ids it stores: the list
/// <see cref="LedgerContext"/> maps and the plain-SQL readers read through.
/// </summary>
/// <remarks>
/// A class per column, not one converter per enum, so that a value no member has is reported with its
/// table and column, and so that the compiled models can make each one (a converter with a
/// parameterless constructor). The table and column names here are the model's
/// (<c>LedgerEnumColumnTests</c> holds them to it); an enum property mapped without one of these
/// is refused when the model is built.
/// </remarks>
internal static class EnumColumns
{
    /// <summary>The longest id a column stores; the columns are <c>character varying(40)</c> on PostgreSQL.</summary>
    public const int MaxLength = 40;

    /// <summary><c>evidence_entries.channel</c>, read by <see cref="EvidenceRows"/>.</summary>
    public static ChannelColumn EvidenceChannel { get; } = new();

    /// <summary><c>evidence_entries.direction</c>, read by <see cref="EvidenceRows"/>.</summary>
    public static DirectionColumn EvidenceDirection { get; } = new();

    /// <summary><c>evidence_entries.outcome</c>, read by <see cref="EvidenceRows"/>.</summary>
    public static OutcomeColumn EvidenceOutcome { get; } = new();

    /// <summary><c>evidence_entries.recipient</c>, read by <see cref="EvidenceRows"/>.</summary>
    public static RecipientColumn EvidenceRecipient { get; } = new();

    /// <summary><c>lenders.kind</c>, read by <see cref="LoanRows"/>.</summary>
    public static LenderKindColumn LenderKind { get; } = new();

    /// <summary><c>loans.advertised_per</c>, read by <see cref="LoanRows"/>.</summary>
    public static AdvertisedPerColumn LoanAdvertisedPer { get; } = new();

    /// <summary><c>loans.advertised_method</c>, read by <see cref="LoanRows"/>.</summary>
    public static AdvertisedMethodColumn LoanAdvertisedMethod { get; } = new();

    /// <summary><c>loans.overdue_rate_per</c>, read by <see cref="LoanRows"/>.</summary>
    public static OverdueRatePerColumn LoanOverdueRatePer { get; } = new();

    /// <summary><c>payments.applies_to</c>, read by <see cref="LoanRows"/>.</summary>
    public static AppliesToColumn PaymentAppliesTo { get; } = new();

    /// <summary><c>lenders.kind</c>.</summary>
    internal sealed class LenderKindColumn() : StoredIdColumn<LenderKind>(Vocabularies.LenderKinds.LedgerIds, "lenders", "kind");

    /// <summary><c>loans.advertised_per</c>.</summary>
    internal sealed class AdvertisedPerColumn() : StoredIdColumn<RatePer>(Vocabularies.RateUnits.LedgerIds, "loans", "advertised_per");

    /// <summary><c>loans.advertised_method</c>.</summary>
    internal sealed class AdvertisedMethodColumn() : StoredIdColumn<AdvertisedMethod>(Vocabularies.RateMethods.LedgerIds, "loans", "advertised_method");

    /// <summary><c>loans.overdue_rate_per</c>.</summary>
    internal sealed class OverdueRatePerColumn() : StoredIdColumn<RatePer>(Vocabularies.RateUnits.LedgerIds, "loans", "overdue_rate_per");

    /// <summary><c>payments.applies_to</c>.</summary>
    internal sealed class AppliesToColumn() : StoredIdColumn<PaymentTarget>(Payment.TargetLedgerIds, "payments", "applies_to");

    /// <summary><c>budget_lines.kind</c>.</summary>
    internal sealed class BudgetLineKindColumn() : StoredIdColumn<BudgetLineKind>(Vocabularies.BudgetLineKinds.LedgerIds, "budget_lines", "kind");

    /// <summary><c>evidence_entries.channel</c>.</summary>
    internal sealed class ChannelColumn() : StoredIdColumn<IncidentChannel>(Vocabularies.Channels.LedgerIds, "evidence_entries", "channel");

    /// <summary><c>evidence_entries.direction</c>.</summary>
    internal sealed class DirectionColumn() : StoredIdColumn<IncidentDirection>(Vocabularies.Directions.LedgerIds, "evidence_entries", "direction");

    /// <summary><c>evidence_entries.outcome</c>.</summary>
    internal sealed class OutcomeColumn() : StoredIdColumn<CallOutcome>(Vocabularies.CallOutcomes.LedgerIds, "evidence_entries", "outcome");

    /// <summary><c>evidence_entries.recipient</c>.</summary>
    internal sealed class RecipientColumn() : StoredIdColumn<Recipient>(Vocabularies.Recipients.LedgerIds, "evidence_entries", "recipient");

    /// <summary><c>collectors.origin</c>.</summary>
    internal sealed class CollectorOriginColumn() : StoredIdColumn<CollectorOrigin>(StoredCollector.OriginLedgerIds, "collectors", "origin");
}
