using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DebtShield.App.CheckLoans;
using DebtShield.App.CheckOffer;
using DebtShield.App.RateLoans;
using DebtShield.Core;
using DebtShield.Core.Law;
using DebtShield.Core.Rates;
using DebtShield.Import.LegalData;
using DebtShield.Import.LoanFiles;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests;

/// <summary>
/// The loan figures the rate report, the legal check, the loan list and the offer check share
/// (issue 26): one record, written by each report under the names it has always published.
/// </summary>
public sealed class LoanFiguresTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    /// <summary>
    /// Each report's published JSON name of each shared figure. Spelled out as data, so renaming a
    /// C# property (or a figure) cannot pass here unless the written name stays the same.
    /// </summary>
    public static TheoryData<string, string, string> PublishedNames() => new()
    {
        { "rate", "lenderName", nameof(LoanFigures.LenderName) },
        { "rate", "lenderKind", nameof(LoanFigures.LenderKind) },
        { "rate", "principal", nameof(LoanFigures.Principal) },
        { "rate", "received", nameof(LoanFigures.Received) },
        { "rate", "upfrontDeduction", nameof(LoanFigures.UpfrontDeduction) },
        { "rate", "principalBasis", nameof(LoanFigures.PrincipalBasis) },
        { "rate", "totalRepayable", nameof(LoanFigures.TotalRepayable) },
        { "rate", "totalCost", nameof(LoanFigures.TotalCost) },
        { "rate", "period", nameof(LoanFigures.Period) },
        { "rate", "periodsPerYear", nameof(LoanFigures.PeriodsPerYear) },
        { "rate", "regularSchedule", nameof(LoanFigures.RegularSchedule) },
        { "rate", "termYears", nameof(LoanFigures.TermYears) },
        { "rate", "irrAnnualNominal", nameof(LoanFigures.IrrAnnualNominal) },
        { "rate", "irrAnnualEffective", nameof(LoanFigures.IrrAnnualEffective) },
        { "rate", "aprSimple", nameof(LoanFigures.AprSimple) },
        { "rate", "statedAnnual", nameof(LoanFigures.StatedAnnual) },
        { "check", "lenderKind", nameof(LoanFigures.LenderKind) },
        { "check", "principalBasis", nameof(LoanFigures.PrincipalBasis) },
        { "check", "rateAnnual", nameof(LoanFigures.IrrAnnualNominal) },
        { "check", "rateAnnualEffective", nameof(LoanFigures.IrrAnnualEffective) },
        { "list", "lender", nameof(LoanFigures.LenderName) },
        { "list", "lenderKind", nameof(LoanFigures.LenderKind) },
        { "list", "principal", nameof(LoanFigures.Principal) },
        { "list", "received", nameof(LoanFigures.Received) },
        { "list", "upfrontDeduction", nameof(LoanFigures.UpfrontDeduction) },
        { "list", "scheduledTotal", nameof(LoanFigures.TotalRepayable) },
        { "list", "irrAnnualNominal", nameof(LoanFigures.IrrAnnualNominal) },
        { "list", "irrAnnualEffective", nameof(LoanFigures.IrrAnnualEffective) },
        { "list", "aprSimple", nameof(LoanFigures.AprSimple) },
        { "list", "statedAnnual", nameof(LoanFigures.StatedAnnual) },
        { "offer", "lenderName", nameof(LoanFigures.LenderName) },
        { "offer", "lenderKind", nameof(LoanFigures.LenderKind) },
        { "offer", "amount", nameof(LoanFigures.Principal) },
        { "offer", "arrives", nameof(LoanFigures.Received) },
        { "offer", "principalBasis", nameof(LoanFigures.PrincipalBasis) },
        { "offer", "totalRepayable", nameof(LoanFigures.TotalRepayable) },
        { "offer", "totalCost", nameof(LoanFigures.TotalCost) },
        { "offer", "rateAnnual", nameof(LoanFigures.IrrAnnualNominal) },
        { "offer", "rateAnnualEffective", nameof(LoanFigures.IrrAnnualEffective) },
        { "offer", "advertisedAnnual", nameof(LoanFigures.StatedAnnual) },
    };

    [Theory]
    [MemberData(nameof(PublishedNames))]
    public void Report_SharedFigure_WrittenUnderItsPublishedNameWithTheSharedValue(string report, string jsonName, string figure)
    {
        // Given a report of a loan with a deduction and an advertised rate, and the figures it holds
        var (json, figures) = Written(report);

        // When the figure is read from the JSON under the name the report has always published
        var written = json[jsonName];

        // Then it is there, and it is the shared record's figure, written as the record writes it
        Assert.NotNull(written);
        var alone = JsonNode.Parse(JsonSerializer.Serialize(figures, ReportJsonContext.Default.LoanFigures))!;
        var recordName = typeof(LoanFigures).GetProperty(figure)!.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;
        Assert.Equal(alone[recordName]!.ToJsonString(), written.ToJsonString());
    }

    [Fact]
    public void Reports_OfOneLoan_HoldTheSameFigures()
    {
        // Given one loan, as the rate report, the check and the loan list see it
        var loan = SampleLoan();

        // When each report is made
        var rate = RateLoanReport.From(TrueCost.Of(loan)).Figures;
        var check = CheckLoanReport.From(LegalCheck.Of(loan, LegalDataReader.Rules, new CheckOptions(Today)), null).Figures;
        var listed = ListLoans.ListLoans.Of("case", [loan], Today).Loans.Single().Figures;

        // Then they hold equal figures (the record's value equality), not three restatements
        Assert.Equal(rate, check);
        Assert.Equal(rate, listed);
        Assert.Equal("某某借款App", rate.LenderName);
        Assert.Equal(13_800m, rate.TotalRepayable);
    }

    [Fact]
    public void ReportJson_EveryTypeWritten_HasNoEnumValuedProperty()
    {
        // Given every type the reports' JSON context writes, followed through their properties
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(typeof(ReportJsonContext).GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!));
        var enums = new List<string>();

        // When each written property's type is looked at (one left out of JSON has no getter)
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            var sequence = type == typeof(string) ? null : type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
            if ((Nullable.GetUnderlyingType(type) ?? sequence?.GetGenericArguments()[0]) is { } inner)
            {
                pending.Push(inner);
                continue;
            }

            if (ReportJsonContext.Default.GetTypeInfo(type) is not { Kind: JsonTypeInfoKind.Object } info)
            {
                continue;
            }

            foreach (var property in info.Properties.Where(p => p.Get is not null))
            {
                var written = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (written.IsEnum)
                {
                    enums.Add(type.Name + "." + property.Name);
                }

                pending.Push(property.PropertyType);
            }
        }

        // Then none is an enum: an enum would be written as its member's name or number, so a
        // renamed or reordered member would change the JSON; each is written as its wire id instead
        Assert.Contains(typeof(CheckLoanReport), seen);
        Assert.Contains(typeof(ViewFigure), seen);
        Assert.Empty(enums);
    }

    private static (JsonNode Json, LoanFigures Figures) Written(string report)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var loan = SampleLoan();
        switch (report)
        {
            case "rate":
                var rate = RateLoanReport.From(TrueCost.Of(loan));
                return (JsonNode.Parse(JsonSerializer.Serialize(rate, ReportJsonContext.Default.RateLoanReport))!, rate.Figures);
            case "check":
                var check = CheckLoanReport.From(LegalCheck.Of(loan, LegalDataReader.Rules, new CheckOptions(Today)), null);
                return (JsonNode.Parse(JsonSerializer.Serialize(check, ReportJsonContext.Default.CheckLoanReport))!, check.Figures);
            case "list":
                var list = ListLoans.ListLoans.Of("case", [loan], Today);
                return (JsonNode.Parse(JsonSerializer.Serialize(list, ReportJsonContext.Default.CaseLoanList))!["loans"]![0]!, list.Loans[0].Figures);
            default:
                var offer = App.CheckOffer.CheckOffer.Run(
                    "借款金额 10000元\n到账 9500元\n每期应还 ¥1050.00 共12期\n日利率0.05%\n服务费 500元",
                    new CheckOfferRequest(Today, new Money(6_000m), new Money(4_000m), "某某借款App")).Report!;
                return (JsonNode.Parse(JsonSerializer.Serialize(offer, ReportJsonContext.Default.CheckOfferReport))!, offer.Figures);
        }
    }

    private static Core.Loans.Loan SampleLoan()
    {
        var reading = LoanFileReader.ReadFile(Path.Combine(RepositoryPaths.Root, "samples", "loan.json"));
        Assert.True(reading.Succeeded);
        return reading.Loan!;
    }
}
