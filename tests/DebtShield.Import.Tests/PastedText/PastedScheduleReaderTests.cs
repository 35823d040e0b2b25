using System.Globalization;
using DebtShield.Import.PastedText;

namespace DebtShield.Import.Tests.PastedText;

public sealed class PastedScheduleReaderTests
{
    public PastedScheduleReaderTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData("第1期 2026-01-05 应还 ¥1,034.50", 1)]
    [InlineData("第1期 2026-01-05 应还1034.50元", 1)]
    [InlineData("1/12期 2026年01月05日 ¥1034.50", 1)]
    [InlineData("2026-01-05 第1期 1,034.50元 待还", 1)]
    [InlineData("01期 2026.01.05 应还金额：1034.50 已还清", 1)]
    [InlineData("1\t2026-01-05\t1034.50", 1)]
    [InlineData("2026-01-05\t￥1,034.50\t已逾期 3 天", null)]
    [InlineData("第1期　2026-01-05　应还：1034.50", 1)]
    public void Read_EveryShape_GivesDateNumberAndTotal(string line, int? number)
    {
        var reading = PastedScheduleReader.Read(line);

        Assert.True(reading.Succeeded, string.Join("; ", reading.Errors.Select(ReadingProblemText.Describe)));
        var instalment = Assert.Single(reading.Instalments);
        Assert.Equal(new DateOnly(2026, 1, 5), instalment.Instalment.DueDate);
        Assert.Equal(1034.50m, instalment.Instalment.Total.Yuan);
        Assert.Equal(number, instalment.Number);
    }

    [Fact]
    public void Read_Parts_AreSummedIntoPrincipalInterestAndFees()
    {
        var reading = PastedScheduleReader.Read("第3期 2026/03/05 本金833.33 利息150.00 服务费41.17 担保费10 合计1034.50");

        var instalment = Assert.Single(reading.Instalments).Instalment;
        Assert.Equal((833.33m, 150.00m, 51.17m, 1034.50m), (instalment.Principal!.Value.Yuan, instalment.Interest!.Value.Yuan, instalment.Fees!.Value.Yuan, instalment.Total.Yuan));
    }

    [Fact]
    public void Read_PartsWithoutTotal_TotalIsTheirSum() =>
        Assert.Equal(1000.5m, Assert.Single(PastedScheduleReader.Read("2026-03-05 本金900 利息100.5").Instalments).Instalment.Total.Yuan);

    [Theory]
    [InlineData("已还清", InstalmentStatus.Paid)]
    [InlineData("已还", InstalmentStatus.Paid)]
    [InlineData("待还", InstalmentStatus.Due)]
    [InlineData("未还", InstalmentStatus.Due)]
    [InlineData("逾期", InstalmentStatus.Overdue)]
    [InlineData("已逾期 12 天", InstalmentStatus.Overdue)]
    public void Read_StatusWord_IsRecordedNotPaid(string status, InstalmentStatus expected) =>
        Assert.Equal(expected, Assert.Single(PastedScheduleReader.Read($"2026-01-05 1034.50 {status}").Instalments).Status);

    [Fact]
    public void Read_SeveralLinesMixedLineEndsAndHeadings_InDateOrderHeadingsListed()
    {
        var text = "还款计划\r\n期数 日期 金额\r\n第2期 2026-02-05 应还 1,034.50\n\n第1期 2026-01-05 应还 1,034.50\r第3期 2026-03-05 应还 1,034.49\r\n";

        var reading = PastedScheduleReader.Read(text);

        Assert.True(reading.Succeeded);
        Assert.Equal([1, 2, 3], reading.Instalments.Select(i => i.Number!.Value));
        Assert.Equal([5, 3, 6], reading.Instalments.Select(i => i.Line));
        Assert.Equal(["还款计划", "期数 日期 金额"], reading.IgnoredHeadings.Select(l => l.Text));
        Assert.Equal(3, reading.Schedule.Count);
    }

    [Theory]
    [InlineData("第1期 01月05日 应还 1034.50", "has no year")]
    [InlineData("第1期 01-05 1034.50", "has no year")]
    [InlineData("第1期 2026-02-30 1034.50", "does not exist")]
    [InlineData("第1期 应还 1034.50", "no complete date")]
    [InlineData("第1期 2026-01-05 待还", "no amount due")]
    [InlineData("2026-01-05 1034.50 1034.50", "more than one unlabelled amount")]
    [InlineData("2026-01-05 2026-02-05 1034.50", "more than one date")]
    [InlineData("第3期 2026/03/05 本金833.33 利息150.00 合计1034.50", "more than 0.05 away")]
    [InlineData("2026-01-05 应还 1.034,50", "cannot understand")]
    [InlineData("2026-01-05 应还 1034.50 请按时还款", "cannot understand \"请按时还款\"")]
    [InlineData("还款计划（共12期）", "cannot understand")]
    public void Read_LineNotUnderstood_IsAnErrorQuotingTheLine(string line, string message)
    {
        var reading = PastedScheduleReader.Read("2025-12-05 100\n" + line);

        Assert.Empty(reading.Instalments);
        var error = Assert.Single(reading.Errors);
        Assert.Equal((2, line), (error.Location.Line, error.Location.Text));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(PastedLineKind.NotUnderstood, reading.Lines[1].Kind);
        Assert.Equal(PastedLineKind.Instalment, reading.Lines[0].Kind);
    }

    [Fact]
    public void Read_NumbersNotConsecutiveInDateOrder_IsAnError()
    {
        var reading = PastedScheduleReader.Read("第1期 2026-01-05 100\n第3期 2026-02-05 100\n第2期 2026-03-05 100");

        Assert.Equal([2, 3], reading.Errors.Select(e => e.Location.Line));
        Assert.Contains("should be instalment 2, but it says 3", reading.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SameDateTwice_IsAnError() =>
        Assert.Contains("same date as line 1", Assert.Single(PastedScheduleReader.Read("2026-01-05 100\n2026-01-05 100").Errors).Message, StringComparison.Ordinal);

    [Fact]
    public void Read_Nothing_IsAnError() =>
        Assert.Equal("nothing was pasted", Assert.Single(PastedScheduleReader.Read(" \r\n\t").Errors).Message);

    [Fact]
    public void Describe_ALineError_NamesLineAndText() =>
        Assert.Equal("line 1 \"x 2026-01-05\": cannot understand \"x\"", ReadingProblemText.Describe(Assert.Single(PastedScheduleReader.Read("x 2026-01-05").Errors)));
}
