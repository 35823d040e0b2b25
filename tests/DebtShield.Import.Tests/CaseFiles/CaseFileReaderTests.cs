using System.Globalization;
using System.Text;
using DebtShield.Import.CaseFiles;

namespace DebtShield.Import.Tests.CaseFiles;

public sealed class CaseFileReaderTests
{
    private const string Loan = """{"id":"a","lender":{"kind":"bank"},"contractDate":"2025-01-01","principal":100,"schedule":[{"dueDate":"2025-02-01","total":110}]}""";

    public CaseFileReaderTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Read_MinimalCase_HasTitleNoBudgetNoLoans()
    {
        var reading = Read("""{"format":"debtshield-case","version":1,"case":{"title":" 我的网贷 "},"loans":[]}""");

        Assert.True(reading.Succeeded);
        Assert.Equal("我的网贷", reading.Content.Profile.Title);
        Assert.Null(reading.Content.Profile.BorrowerName);
        Assert.Empty(reading.Content.Budget.Lines);
        Assert.Empty(reading.Content.Loans);
    }

    [Fact]
    public void Read_LoanWithoutId_IsNamedByItsPosition()
    {
        var reading = Read(Case("""{"lender":{"kind":"bank"},"contractDate":"2025-01-01","principal":100,"schedule":[{"dueDate":"2025-02-01","total":110}]}"""));

        Assert.Equal("loan-1", Assert.Single(reading.Content!.Loans).Id);
    }

    [Theory]
    [InlineData("", null, null, "the file is empty")]
    [InlineData("[]", null, 1L, "expected one JSON object")]
    [InlineData("{\"format\":\"debtshield-case\",\n\"version\":1,\n\"colour\":1}", "colour", 3L, "unknown field \"colour\"")]
    [InlineData("{\"format\":\"debtshield-case\",\"format\":\"debtshield-case\"}", "format", 1L, "appears twice")]
    [InlineData("{\"format\":\"debtshield-case\",\"version\":\"1\"}", "version", 1L, "expected a number")]
    [InlineData("{\"format\":\"debtshield-case\",\"version\":1,\"case\":{\"title\":7}}", "case.title", 1L, "expected text")]
    [InlineData("{\"format\":\"debtshield-case\",\"version\":1,\"case\":{\"budget\":{}}}", "case.budget", 1L, "expected a list")]
    [InlineData("{\"format\":\"debtshield-case\",\"version\":1,\"case\":{\"borrower\":{\"email\":\"x\"}}}", "case.borrower.email", 1L, "unknown field \"email\"")]
    [InlineData("{\"format\":\"debtshield-case\",\"version\":1,\"loans\":[{]}", "loans[0]", 1L, "malformed JSON")]
    [InlineData("{\"format\":\"debtshield-loan\",\"version\":1}", "format", 1L, "not a DebtShield case file")]
    [InlineData("{\"version\":1}", "format", null, "not a DebtShield case file")]
    [InlineData("{\"format\":\"debtshield-case\",\n\"version\":2}", "version", 2L, "unsupported case file version 2")]
    [InlineData("{\"format\":\"debtshield-case\"}", "version", null, "required field is missing")]
    public void Read_BrokenFile_NamesLineAndField(string json, string? field, long? line, string message)
    {
        var reading = Read(json);

        Assert.False(reading.Succeeded);
        var error = Assert.Single(reading.Errors);
        Assert.Equal(field, error.Location.Field);
        Assert.Equal(line, error.Location.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingCaseAndLoans_ReportsEachByName()
    {
        var reading = Read("""{"format":"debtshield-case","version":1}""");

        Assert.Equal(["case", "loans"], reading.Errors.Select(e => e.Location.Field));
        Assert.All(reading.Errors, e => Assert.Equal("required field is missing", e.Message));
    }

    [Fact]
    public void Read_BadProfileAndBudget_ReportsEveryProblemWithItsLine()
    {
        var reading = Read("""
            {"format":"debtshield-case","version":1,
             "case":{"title":"  ",
                     "budget":[{"kind":"salary","name":"工资","monthly":6000},
                               {"kind":"income","name":" ","monthly":0},
                               {"kind":"income","name":"x","monthly":1000000000001},
                               null,
                               {"name":"y"}]},
             "loans":[]}
            """);

        Assert.Equal(
            [
                ("case.title", 2L, "must not be blank"),
                ("case.budget[0].kind", 3L, "unknown budget line kind \"salary\"; expected income or essential_expense"),
                ("case.budget[1].name", 4L, "must not be blank"),
                ("case.budget[1].monthly", 4L, "the amount must be above 0"),
                ("case.budget[2].monthly", 5L, "the amount exceeds a trillion yuan; check for extra digits"),
                ("case.budget[3]", 6L, "expected one JSON object {…}"),
                ("case.budget[4].kind", 7L, "required field is missing"),
                ("case.budget[4].monthly", 7L, "required field is missing"),
            ],
            reading.Errors.Select(e => (e.Location.Field, e.Location.Line ?? 0, e.Message)));
    }

    [Fact]
    public void Read_MistakesInSeveralLoans_ReportsEachLoansErrorsAtItsOwnPathAndLine()
    {
        // A type error in the first loan does not hide the rule breaches of the third.
        var reading = Read("""
            {"format":"debtshield-case","version":1,"case":{"title":"t"},
             "loans":[
              {"id":"a","principal":"100"},
              {"id":"b","lender":{"kind":"bank"},"contractDate":"2025-01-01","principal":100,"schedule":[{"dueDate":"2025-02-01","total":110}]},
              {"id":"c","lender":{"kind":"bank"},"contractDate":"2025-01-01","principal":100,
               "schedule":[{"dueDate":"2025-02-01","total":110},
                           {"dueDate":"2025-01-15","total":-1}]},
              7
             ]}
            """);

        Assert.Equal(
            [
                ("loans[0].principal", 3L, "expected a number (yuan, e.g. 1034.50)"),
                ("loans[2].schedule[1].dueDate", 7L, "due dates must be in order, with none repeated"),
                ("loans[2].schedule[1].total", 7L, "the amount must not be negative"),
                ("loans[3]", 8L, "expected one JSON object {…}"),
            ],
            reading.Errors.Select(e => (e.Location.Field, e.Location.Line ?? 0, e.Message)));
    }

    [Fact]
    public void Read_LoanFieldMissing_IsPlacedOnTheLineOfItsObject()
    {
        var reading = Read("{\"format\":\"debtshield-case\",\"version\":1,\"case\":{\"title\":\"t\"},\n\"loans\":[\n{\"id\":\"a\",\n\"lender\":{}}]}");

        Assert.Equal(
            [("loans[0].lender.kind", 4L), ("loans[0].contractDate", 3L), ("loans[0].principal", 3L), ("loans[0].schedule", 3L)],
            reading.Errors.Select(e => (e.Location.Field, e.Location.Line ?? 0)));
    }

    [Fact]
    public void Read_TwoLoansWithOneId_IsAnError()
    {
        var reading = Read(Case(Loan, Loan));

        var error = Assert.Single(reading.Errors);
        Assert.Equal("loans[1].id", error.Location.Field);
        Assert.Equal("loan id \"a\" is used twice (already by loans[0]); each loan needs its own id", error.Message);
    }

    [Fact]
    public void Read_FileStartingWithByteOrderMark_FindsItsLoans()
    {
        var reading = CaseFileReader.Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Case(Loan))]);

        Assert.Equal("a", Assert.Single(reading.Content!.Loans).Id);
    }

    [Fact]
    public void Describe_InChinese_NamesFileLineAndLoanField()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

        var error = Read("{\"format\":\"debtshield-case\",\"version\":1,\"case\":{\"title\":\"t\"},\n\"loans\":[\n{\"contractDate\": \"昨天\"}]}").Errors[0];

        Assert.Equal("case.json 第 3 行，字段 loans[0].contractDate：应为日期，格式 YYYY-MM-DD", ReadingProblemText.Describe(error, "case.json"));
    }

    [Fact]
    public void ReadFile_MissingFile_ReportsNotFound()
    {
        var reading = CaseFileReader.ReadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json"));

        Assert.Equal("file not found", Assert.Single(reading.Errors).Message);
    }

    private static string Case(params string[] loans) =>
        "{\"format\":\"debtshield-case\",\"version\":1,\"case\":{\"title\":\"t\"},\"loans\":[" + string.Join(",", loans) + "]}";

    private static CaseFileReading Read(string json) => CaseFileReader.Read(Encoding.UTF8.GetBytes(json));
}
