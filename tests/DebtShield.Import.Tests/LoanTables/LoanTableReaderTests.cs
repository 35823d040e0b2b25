using System.Globalization;
using System.Text;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Import.LoanTables;

namespace DebtShield.Import.Tests.LoanTables;

public sealed class LoanTableReaderTests
{
    private const string Header = "loan,lender,lender_kind,contract_date,principal,received,due_date,total,paid_date,paid_amount,fee_name,fee_amount,fee_date";

    public LoanTableReaderTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void ReadCsv_RowsOfSeveralLoans_GroupsByNameAndOrdersByDueDate()
    {
        var reading = Csv(
            Header,
            "a,某App,online_platform,2026-01-01,1000,800,2026-03-01,520,,,,,",
            "b,,bank,2026-01-10,500,,2026-02-10,510,,,,,",
            "a,,,,,,2026-02-01,520,2026-02-01,520,,,",
            "a,,,,,,,,,,会员费,99,");

        Assert.True(reading.Succeeded, string.Join("; ", reading.Errors));
        Assert.Equal(["a", "b"], reading.Loans.Select(l => l.Id));
        var a = reading.Loans[0];
        Assert.Equal("某App", a.Lender.Name);
        Assert.Equal(800m, a.Received.Yuan);
        Assert.Equal([new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)], a.Schedule.Select(i => i.DueDate));
        Assert.Equal(520m, Assert.Single(a.Payments).Amount.Yuan);
        var fee = Assert.Single(a.UpfrontFees);
        Assert.Equal(("会员费", 99m, new DateOnly(2026, 1, 1)), (fee.Name, fee.Amount.Yuan, fee.Date));
        Assert.Equal(500m, reading.Loans[1].Received.Yuan);
    }

    [Fact]
    public void ReadCsv_ChineseHeadersAnyOrderAndAmountShapes_ReadsTheSameFacts()
    {
        var reading = Csv(
            " 应还 ,到期日,借款,类型,借款日期,合同金额,宣传利率,利率周期,本金,利息,费用",
            "\"¥1,034.50\",2026/2/5,x,网贷平台,2026年1月5日,\"10,000\",0.05%,日,833.33,150,51.17",
            "1034.5元,2026-03-05,x,,,,,,,,");

        Assert.True(reading.Succeeded, string.Join("; ", reading.Errors));
        var loan = Assert.Single(reading.Loans);
        Assert.Equal(LenderKind.OnlinePlatform, loan.Lender.Kind);
        Assert.Equal(new DateOnly(2026, 1, 5), loan.ContractDate);
        Assert.Equal(10000m, loan.Principal.Yuan);
        Assert.Equal(1034.50m, loan.Schedule[0].Total.Yuan);
        Assert.Equal(51.17m, loan.Schedule[0].Fees!.Value.Yuan);
        Assert.Equal(1034.5m, loan.Schedule[1].Total.Yuan);
        Assert.Equal(0.0005, loan.Advertised!.Value);
        Assert.Equal((RatePer.Day, AdvertisedMethod.Unknown), (loan.Advertised.Per, loan.Advertised.Method));
    }

    [Fact]
    public void ReadCsv_UnknownLenderKind_OffersEveryKindOfTheVocabularyByIdAndName()
    {
        var reading = Csv(Header, "a,,hedge_fund,2026-01-01,1000,,2026-02-01,1100,,,,,");

        var error = Assert.Single(reading.Errors);
        Assert.Equal((2, "lender_kind"), (error.Location.Row, error.Location.Column));
        Assert.All(Core.Vocabulary.Vocabularies.LenderKinds.Terms, t => Assert.Contains(t.WireId, error.Message, StringComparison.Ordinal));
        Assert.All(Core.Vocabulary.Vocabularies.LenderKinds.Terms, t => Assert.Contains(t.Name(CultureInfo.CurrentUICulture), error.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.034,50")]
    [InlineData("10,34")]
    [InlineData("一千")]
    [InlineData("1034.50 USD")]
    public void ReadCsv_AmountInAnotherShape_IsAnErrorOnItsRowAndColumn(string amount)
    {
        var reading = Csv(Header, $"a,,bank,2026-01-01,1000,,2026-02-01,\"{amount}\",,,,,");

        var error = Assert.Single(reading.Errors);
        Assert.Equal((2, "total"), (error.Location.Row, error.Location.Column));
        Assert.Contains("expected an amount", error.Message, StringComparison.Ordinal);
        Assert.Empty(reading.Loans);
    }

    [Fact]
    public void ReadCsv_LoanProblem_IsLocatedOnTheRowThatHeldTheInstalment()
    {
        // In date order the second instalment (schedule[1]) is on row 4; its parts do not add up.
        var reading = Csv(
            "loan,lender_kind,contract_date,principal,due_date,total,principal_part,interest",
            "a,bank,2026-01-01,1000,2026-01-20,100,,",
            "a,,,,2026-03-01,600,500,50",
            "a,,,,2026-02-01,500,400,100");

        Assert.False(reading.Succeeded);
        var error = Assert.Single(reading.Errors);
        Assert.Equal((3, "total"), (error.Location.Row, error.Location.Column));
        Assert.Contains("do not add up", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_DueDateBeforeContract_NamesTheRowAndTheChineseHeader()
    {
        var reading = Csv("借款,类型,借款日期,合同金额,到期日,应还", "a,银行,2026-01-10,1000,2026-01-05,1100");

        var error = Assert.Single(reading.Errors);
        Assert.Equal((2, "到期日"), (error.Location.Row, error.Location.Column));
        Assert.Equal("loans.csv row 2, column 到期日: the first due date must be after the contract date", ReadingProblemText.Describe(error, "loans.csv"));
    }

    [Fact]
    public void ReadCsv_LoanValuesThatDisagree_IsAnErrorNamingTheFirstRow()
    {
        var reading = Csv(Header, "a,,bank,2026-01-01,1000,,2026-02-01,1100,,,,,", "a,,bank,2026-01-01,\"1,000.00\",,2026-03-01,1,,,,,", "a,,bank,2026-01-01,2000,,,,,,,,");

        var error = Assert.Single(reading.Errors);
        Assert.Equal((4, "principal"), (error.Location.Row, error.Location.Column));
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_PaidAppliesTo_IsThePaymentsDesignationAndAnUnknownOneIsAnErrorOnItsCell()
    {
        const string header = "loan,lender_kind,contract_date,principal,due_date,total,paid_date,paid_amount,paid_applies_to";
        var read = Csv(header, "a,bank,2026-01-01,1000,2026-02-01,1100,2026-01-15,300,principal", "a,bank,2026-01-01,1000,,,2026-01-20,10,");
        var refused = Csv(header, "a,bank,2026-01-01,1000,2026-02-01,1100,2026-01-15,300,penalty");

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        Assert.Equal([PaymentTarget.Principal, PaymentTarget.Default], read.Loans[0].Payments.Select(p => p.AppliesTo));
        var error = Assert.Single(refused.Errors);
        Assert.Equal((2, "paid_applies_to"), (error.Location.Row, error.Location.Column));
        Assert.Contains("\"penalty\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_OverdueTerms_AreTheLoansAndConflictingOnesAreErrorsOnTheirCells()
    {
        const string header = "借款,类型,借款日期,合同金额,到期日,应还,逾期利率,逾期利率周期,违约金,每日违约金,逾期其他费用,逾期约定";
        var read = Csv(
            header,
            "agreed,bank,2026-01-01,1000,2026-02-01,1100,0.05%,日,200,,50,",
            "none,bank,2026-01-01,1000,2026-02-01,1100,,,,,,没有约定",
            "blank,bank,2026-01-01,1000,2026-02-01,1100,,,,,,");
        var refused = Csv(
            header,
            "both,bank,2026-01-01,1000,2026-02-01,1100,,,200,0.1%,,",
            "contradicts,bank,2026-01-01,1000,2026-02-01,1100,0.05%,day,,,,none");

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        Assert.Equal(OverdueTerms.Agreed(new OverdueRate(0.0005m, RatePer.Day), OverduePenalty.Once(new Money(200m)), new Money(50m)), read.Loans.Single(l => l.Id == "agreed").OverdueTerms);
        Assert.Equal(OverdueTerms.NoneAgreed, read.Loans.Single(l => l.Id == "none").OverdueTerms);
        Assert.Equal(OverdueTerms.Unknown, read.Loans.Single(l => l.Id == "blank").OverdueTerms);
        Assert.Equal([(2, "违约金"), (3, "逾期约定")], refused.Errors.Select(e => (e.Location.Row, e.Location.Column)));
    }

    [Theory]
    [InlineData("a,,bank,2026-01-01,1000,,2026-02-01,1100,2026-02-01,,,,", "paid_amount", "payment")]
    [InlineData("a,,bank,2026-01-01,1000,,,1100,,,,,", "due_date", "instalment")]
    [InlineData("a,,bank,2026-01-01,1000,,2026-02-01,1100,,,会员费,,", "fee_amount", "upfront fee")]
    [InlineData(",,bank,2026-01-01,1000,,2026-02-01,1100,,,,,", "loan", "loan's name")]
    [InlineData("a,,bank,2026-01-01,1000,,2026-02-30,1100,,,,,", "due_date", "expected a date")]
    [InlineData("a,,shark,2026-01-01,1000,,2026-02-01,1100,,,,,", "lender_kind", "unknown lender kind \"shark\"")]
    public void ReadCsv_IncompleteOrInvalidRow_IsAnErrorOnThatColumn(string row, string column, string message)
    {
        var reading = Csv(Header, row);

        Assert.Contains(reading.Errors, e => e.Location.Row == 2 && e.Location.Column == column && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void ReadCsv_HeaderProblems_AreEachNamed()
    {
        var reading = Csv("loan,colour,total,total", "a,red,1,1");

        Assert.Contains(reading.Errors, e => e.Location.Column == "colour" && e.Message.Contains("unknown column", StringComparison.Ordinal));
        Assert.Contains(reading.Errors, e => e.Message.Contains("appears more than once", StringComparison.Ordinal));
        Assert.Contains(reading.Errors, e => e.Message.Contains("\"contract_date\" (or \"借款日期\")", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadCsv_QuotedFieldsWithNewlinesAndBlankRows_KeepSpreadsheetRowNumbers()
    {
        var text = Header + "\r\n\r\n\"a\",\"A \"\"quoted\"\"\nname\",bank,2026-01-01,1000,,2026-02-01,1100,,,,,\n,,,,,,,,,,,,\na,,bank,2026-01-01,1000,,2026-02-01,x,,,,,\r\n";

        var reading = LoanTableReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        var error = Assert.Single(reading.Errors);
        Assert.Equal(5, error.Location.Row);
    }

    [Fact]
    public void ReadCsv_UnbalancedQuote_IsAnErrorOnItsRow()
    {
        var reading = Csv(Header, "a,\"x\"y,bank,2026-01-01,1000,,2026-02-01,1100,,,,,");

        Assert.Equal(2, Assert.Single(reading.Errors).Location.Row);
    }

    [Fact]
    public void ReadCsv_Gb18030AndUtf8WithBom_ReadTheSameChinese()
    {
        var text = "借款,平台,类型,借款日期,合同金额,到期日,应还\r\n我的借款,某某花,网贷平台,2026-01-01,1000,2026-02-01,1100\r\n";
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = LoanTableReader.ReadCsv(new MemoryStream(Encoding.GetEncoding("GB18030").GetBytes(text)));
        var bom = LoanTableReader.ReadCsv(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]));

        Assert.Equal(("我的借款", "某某花"), (gb.Loans[0].Id, gb.Loans[0].Lender.Name));
        Assert.Equal(("我的借款", "某某花"), (bom.Loans[0].Id, bom.Loans[0].Lender.Name));
    }

    [Fact]
    public void ReadCsv_ManyBadRows_ListsAHundredAndCountsTheRest()
    {
        var rows = Enumerable.Range(0, 150).Select(_ => "a,,bank,2026-01-01,1000,,2026-02-01,oops,,,,,");

        var reading = Csv([Header, .. rows]);

        Assert.Equal(LoanTableReader.MaxErrors + 1, reading.Errors.Count);
        Assert.Equal("and 50 more errors not listed", reading.Errors[^1].Message);
    }

    [Fact]
    public void ReadFile_MissingFileOrUnknownExtension_IsOneError()
    {
        var missing = LoanTableReader.ReadFile(Path.Combine(Path.GetTempPath(), "no-such-dir-ds", "loans.csv"));
        var unknown = LoanTableReader.ReadFile("loans.ods");

        Assert.Equal("file not found", Assert.Single(missing.Errors).Message);
        Assert.Contains(".ods", Assert.Single(unknown.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadXlsx_NotAZip_IsOneError()
    {
        var reading = LoanTableReader.ReadXlsx(new MemoryStream(Encoding.UTF8.GetBytes(Header)));

        Assert.Equal("not a valid XLSX file (Excel workbook)", Assert.Single(reading.Errors).Message);
    }

    [Fact]
    public void ReadCsv_Empty_IsOneError() =>
        Assert.Contains("empty", Assert.Single(Csv(string.Empty).Errors).Message, StringComparison.Ordinal);

    private static LoanTableReading Csv(params string[] lines) =>
        LoanTableReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))));
}
