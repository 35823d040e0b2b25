using System.Globalization;
using System.Text;
using DebtShield.Core.Loans;
using DebtShield.Import.LoanFiles;

namespace DebtShield.Import.Tests.LoanFiles;

public sealed class LoanFileReaderTests
{
    private const string Valid = """
        {
          "id": "demo",
          "lender": { "name": "某某借款App", "kind": "online_platform" },
          "contractDate": "2025-01-10",
          "principal": 10000,
          "received": 9000,
          "upfrontFees": [ { "name": "会员费", "amount": 299, "date": "2025-01-10" } ],
          "schedule": [
            { "dueDate": "2025-02-10", "principal": 5000, "interest": 300, "fees": 100 },
            { "dueDate": "2025-03-10", "total": 5400 }
          ],
          "payments": [ { "date": "2025-02-10", "amount": 5400 } ],
          "stated": { "value": 0.0005, "per": "day", "method": "nominal" }
        }
        """;

    public LoanFileReaderTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData("\"kind\": \"online_platform\"", "\"kind\": \"hedge_fund\"", "lender.kind")]
    [InlineData("\"per\": \"day\"", "\"per\": \"week\"", "stated.per")]
    [InlineData("\"method\": \"nominal\"", "\"method\": \"guess\"", "stated.method")]
    public void Read_WordNoVocabularyHas_OffersEveryChoiceOfTheVocabulary(string valid, string unknown, string field)
    {
        var reading = Read(Valid.Replace(valid, unknown, StringComparison.Ordinal));

        var error = Assert.Single(reading.Errors);
        Assert.Equal(field, error.Location.Field);
        var vocabulary = field switch
        {
            "lender.kind" => Core.Vocabulary.Vocabularies.LenderKinds.WireIds(System.Globalization.CultureInfo.GetCultureInfo("en")),
            "stated.per" => Core.Vocabulary.Vocabularies.RateUnits.WireIds(System.Globalization.CultureInfo.GetCultureInfo("en")),
            _ => Core.Vocabulary.Vocabularies.RateMethods.WireIds(System.Globalization.CultureInfo.GetCultureInfo("en")),
        };
        Assert.EndsWith("expected one of " + vocabulary, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CompleteFile_KeepsEveryFact()
    {
        var reading = Read(Valid);

        Assert.True(reading.Succeeded);
        var loan = reading.Loan;
        Assert.Equal("demo", loan.Id);
        Assert.Equal(LenderKind.OnlinePlatform, loan.Lender.Kind);
        Assert.Equal(9000m, loan.Received.Yuan);
        Assert.Equal(1299m, loan.UpfrontDeduction.Yuan);
        Assert.Equal(5400m, loan.Schedule[0].Total.Yuan);
        Assert.Equal(300m, loan.Schedule[0].Interest!.Value.Yuan);
        Assert.Equal(RatePer.Day, loan.Advertised!.Per);
        Assert.Single(loan.Payments);
    }

    [Fact]
    public void Read_PaymentAppliedToPrincipal_KeepsTheDesignation()
    {
        var reading = Read(Valid.Replace("\"amount\": 5400 }", "\"amount\": 5400, \"appliesTo\": \"principal\" }", StringComparison.Ordinal));

        Assert.True(reading.Succeeded, string.Join("; ", reading.Errors));
        Assert.Equal(PaymentTarget.Principal, Assert.Single(reading.Loan.Payments).AppliesTo);
        var plain = Read(Valid);
        Assert.True(plain.Succeeded);
        Assert.Equal(PaymentTarget.Default, plain.Loan.Payments[0].AppliesTo);
    }

    [Fact]
    public void Read_OverdueTerms_KeepsEachAgreedPart()
    {
        var reading = Read(Valid.Replace("\"method\": \"nominal\" }", "\"method\": \"nominal\" },\n\"overdueTerms\": { \"rate\": { \"value\": 0.015, \"per\": \"month\" }, \"penalty\": { \"perDay\": 0.001 }, \"otherFees\": 80 }", StringComparison.Ordinal));

        Assert.True(reading.Succeeded, string.Join("; ", reading.Errors));
        var terms = reading.Loan.OverdueTerms;
        Assert.True(terms.IsKnown);
        Assert.Equal(new OverdueRate(0.015m, RatePer.Month), terms.Rate);
        Assert.Equal(0.001m, terms.Penalty!.DailyRate);
        Assert.Null(terms.Penalty.Amount);
        Assert.Equal(80m, terms.OtherFees!.Value.Yuan);
    }

    [Fact]
    public void Read_OverdueTermsAbsentOrEmpty_AreUnknownOrNothingAgreed()
    {
        var absent = Read(Valid);
        var empty = Read(Valid.Replace("\"method\": \"nominal\" }", "\"method\": \"nominal\" }, \"overdueTerms\": {}", StringComparison.Ordinal));

        Assert.Equal(OverdueTerms.Unknown, absent.Loan!.OverdueTerms);
        Assert.Equal(OverdueTerms.NoneAgreed, empty.Loan!.OverdueTerms);
    }

    [Theory]
    [InlineData("{ \"penalty\": { \"perDay\": 0.001, \"amount\": 5 } }", "overdueTerms.penalty", "give the penalty one way")]
    [InlineData("{ \"penalty\": {} }", "overdueTerms.penalty", "give the penalty one way")]
    [InlineData("{ \"rate\": { \"value\": 0.001, \"per\": \"week\" } }", "overdueTerms.rate.per", "unknown rate unit \"week\"")]
    [InlineData("{ \"rate\": { \"per\": \"day\" } }", "overdueTerms.rate.value", "required field is missing")]
    [InlineData("{ \"rate\": { \"value\": -0.001, \"per\": \"day\" } }", "overdueTerms.rate.value", "between 0 and 100")]
    [InlineData("{ \"penalty\": { \"perDay\": 5000 } }", "overdueTerms.penalty.perDay", "between 0 and 100")]
    [InlineData("{ \"otherFees\": -1 }", "overdueTerms.otherFees", "must not be negative")]
    [InlineData("{ \"lateFee\": 1 }", "overdueTerms.lateFee", null)]
    public void Read_BadOverdueTerms_NamesTheField(string terms, string field, string? message)
    {
        var reading = Read(Valid.Replace("\"method\": \"nominal\" }", "\"method\": \"nominal\" }, \"overdueTerms\": " + terms, StringComparison.Ordinal));

        Assert.False(reading.Succeeded);
        var error = Assert.Single(reading.Errors);
        Assert.Equal(field, error.Location.Field);
        if (message is not null)
        {
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_NoReceivedNoId_DefaultsToPrincipalAndGivenId()
    {
        var reading = Read("""{"lender":{"kind":"bank"},"contractDate":"2025-01-01","principal":500,"schedule":[{"dueDate":"2025-01-08","total":520}]}""", "my-loan");

        Assert.True(reading.Succeeded);
        Assert.Equal(500m, reading.Loan.Received.Yuan);
        Assert.Equal("my-loan", reading.Loan.Id);
    }

    [Theory]
    [InlineData("", null, null, "the file is empty")]
    [InlineData("   \n ", null, null, "the file is empty")]
    [InlineData("null", null, null, "expected one JSON object")]
    [InlineData("[1,2]", null, 1L, "expected one JSON object")]
    [InlineData("{\n  \"principal\": 1000,\n  \"lender\": {\"kind\": \"bank\"},\n  \"colour\": \"red\"\n}", "colour", 4L, "unknown field \"colour\"")]
    [InlineData("{\n  \"principal\": 10 00\n}", null, 2L, "malformed JSON")]
    [InlineData("{\"principal\": \"1000\"}", "principal", 1L, "expected a number")]
    [InlineData("{\"contractDate\": \"2025/01/01\"}", "contractDate", 1L, "expected a date")]
    [InlineData("{\"schedule\": [{\"dueDate\": \"2025-02-30\"}]}", "schedule[0].dueDate", 1L, "expected a date")]
    [InlineData("{\"lender\":{\"kind\":\"bank\"},\"contractDate\":\"2025-01-01\",\"principal\":100,\"schedule\":[{\"dueDate\":\"2025-02-01\",\"total\":101}],\"payments\":[{\"date\":\"2025-02-01\",\"amount\":5,\"appliesTo\":\"penalty\"}]}", "payments[0].appliesTo", null, "unknown payment designation \"penalty\"")]
    [InlineData("{\"lender\":{\"kind\":\"loan_shark\"},\"contractDate\":\"2025-01-01\",\"principal\":1,\"schedule\":[]}", "lender.kind", null, "unknown lender kind \"loan_shark\"")]
    public void Read_BrokenFile_NamesLineAndField(string json, string? field, long? line, string message)
    {
        var reading = Read(json);

        Assert.False(reading.Succeeded);
        var error = reading.Errors[0];
        Assert.Equal(field, error.Location.Field);
        Assert.Equal(line, error.Location.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingRequiredFields_ReportsEachByName()
    {
        var reading = Read("{}");

        Assert.Equal(["lender", "contractDate", "principal", "schedule"], reading.Errors.Select(e => e.Location.Field));
        Assert.All(reading.Errors, e => Assert.Equal("required field is missing", e.Message));
    }

    [Fact]
    public void Read_FactsThatBreakTheLoanRules_ReportsEveryProblem()
    {
        // Received above principal, due dates out of order, a negative instalment, parts that do
        // not add up, a payment before the contract, a fee after the first instalment.
        var reading = Read("""
            {"lender":{"kind":"bank"},"contractDate":"2025-01-10","principal":1000,"received":1200,
             "upfrontFees":[{"amount":10,"date":"2025-03-20"}],
             "schedule":[{"dueDate":"2025-03-10","total":600},{"dueDate":"2025-02-10","total":-5},
                         {"dueDate":"2025-04-10","principal":300,"interest":20,"total":400}],
             "payments":[{"date":"2025-01-01","amount":100}]}
            """);

        Assert.False(reading.Succeeded);
        Assert.Equal(
            ["received", "schedule[1].dueDate", "schedule[1].total", "schedule[2].total", "upfrontFees[0].date", "payments[0].date"],
            reading.Errors.Select(e => e.Location.Field));
    }

    [Fact]
    public void Read_AbsurdAmount_IsRefusedBeforeAnyArithmetic()
    {
        var huge = "79228162514264337593543950335";
        var reading = Read("{\"lender\":{\"kind\":\"bank\"},\"contractDate\":\"2025-01-10\",\"principal\":" + huge
            + ",\"schedule\":[{\"dueDate\":\"2025-02-10\",\"total\":" + huge + "}]}");

        Assert.Equal(["principal", "received", "schedule[0].total"], reading.Errors.Select(e => e.Location.Field));
        Assert.Contains("exceeds a trillion yuan", reading.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FileStartingWithByteOrderMark_IsRead()
    {
        var reading = LoanFileReader.Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)], "bom");

        Assert.True(reading.Succeeded);
    }

    [Fact]
    public void Read_DuplicateField_IsAnErrorNotTheLastValueWins()
    {
        var reading = Read("{\"principal\": 10000, \"principal\": 1}");

        var error = Assert.Single(reading.Errors);
        Assert.Equal("principal", error.Location.Field);
        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ScheduleThatNeverRepays_SaysSo()
    {
        var reading = Read("""{"lender":{"kind":"bank"},"contractDate":"2025-01-10","principal":1000,"schedule":[{"dueDate":"2025-02-10","total":0}]}""");

        Assert.Equal("schedule", Assert.Single(reading.Errors).Location.Field);
        Assert.Contains("asks for nothing", reading.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_InChinese_NamesFileLineAndField()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

        var error = Read("{\n\"contractDate\": \"yesterday\"\n}").Errors[0];

        Assert.Equal("loan.json 第 2 行，字段 contractDate：应为日期，格式 YYYY-MM-DD", ReadingProblemText.Describe(error, "loan.json"));
    }

    [Fact]
    public void ReadFile_MissingFile_ReportsNotFound()
    {
        var reading = LoanFileReader.ReadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json"));

        Assert.Equal("file not found", Assert.Single(reading.Errors).Message);
    }

    [Theory]
    [InlineData("{ \"dueDate\": \"2025-02-10\", \"total\": 5400 }")]
    [InlineData("{ \"dueDate\": \"2025-02-10\", \"principal\": 5000, \"interest\": 400 }")]
    public void ReadLine_PaymentsOutOfOrder_TheLoanTheStrictReaderReads(string firstInstalment)
    {
        // Given a batch line the fast path reads (its payments into two columns), with payments out
        // of order, two on one day, and amounts written with different scales.
        var json = Valid
            .Replace("{ \"dueDate\": \"2025-02-10\", \"principal\": 5000, \"interest\": 300, \"fees\": 100 }", firstInstalment, StringComparison.Ordinal)
            .Replace(
                "\"payments\": [ { \"date\": \"2025-02-10\", \"amount\": 5400 } ]",
                "\"payments\": [ { \"date\": \"2025-03-10\", \"amount\": 5400.00 }, { \"date\": \"2025-02-10\", \"amount\": 300.5 }, { \"date\": \"2025-02-10\", \"amount\": 100 } ]",
                StringComparison.Ordinal)
            .ReplaceLineEndings(" ");

        // When it is read as a batch line and by the strict reader.
        var line = LoanFileReader.ReadLine(Encoding.UTF8.GetBytes(json), 7);
        var strict = Read(json, "demo");

        // Then the two loans hold the same facts, the payments in date order, each amount as written.
        Assert.True(line.Succeeded, string.Join("; ", line.Errors));
        Assert.True(strict.Succeeded, string.Join("; ", strict.Errors));
        Assert.True(line.Loan.HasSameFacts(strict.Loan));
        Assert.Equal(["100", "300.5", "5400.00"], line.Loan.Payments.Select(p => p.Amount.Yuan.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal([new DateOnly(2025, 2, 10), new DateOnly(2025, 2, 10), new DateOnly(2025, 3, 10)], line.Loan.Payments.Select(p => p.Date));
    }

    private static LoanReading Read(string json, string id = "test") => LoanFileReader.Read(Encoding.UTF8.GetBytes(json), id);
}
