using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DebtShield.App.CheckLoans;
using DebtShield.App.RateLoans;

namespace DebtShield.App;

/// <summary>Serialisation of every report the use cases produce: camelCase, nulls written (a missing rate is an answer).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(Input.ReadingProblemJson)])]
[JsonSerializable(typeof(LoanFigures))]
[JsonSerializable(typeof(RateLoanReport))]
[JsonSerializable(typeof(CheckLoanReport))]
[JsonSerializable(typeof(ListLoans.CaseLoanList))]
[JsonSerializable(typeof(ListLoans.LoanDetail))]
[JsonSerializable(typeof(Ledgers.LedgerStatus))]
[JsonSerializable(typeof(Budgets.BudgetReport))]
[JsonSerializable(typeof(IReadOnlyList<Cases.CaseSummary>))]
[JsonSerializable(typeof(PlanRepayment.RepaymentPlanReport))]
[JsonSerializable(typeof(PlanRepayment.DueReport))]
[JsonSerializable(typeof(PlanRepayment.CreditReport))]
[JsonSerializable(typeof(PlanRepayment.AffordReport))]
[JsonSerializable(typeof(CheckOffer.CheckOfferReport))]
[JsonSerializable(typeof(CheckOffer.CheckOfferOutcome))]
[JsonSerializable(typeof(CheckContract.ClauseCheckReport))]
[JsonSerializable(typeof(CheckLender.LenderCheckReport))]
[JsonSerializable(typeof(ReadGuide.GuideTopicReport))]
[JsonSerializable(typeof(IReadOnlyList<ReadGuide.GuideTopicSummary>))]
public sealed partial class ReportJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Writer options that keep the text readable: Chinese, "+" and quotes as themselves, not
    /// \uXXXX escapes. The output is JSON for files and programs; a web page that embeds it in
    /// HTML must encode it for HTML as it would any text.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
