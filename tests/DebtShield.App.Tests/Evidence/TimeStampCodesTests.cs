using System.Globalization;
using DebtShield.App.StampEvidence;

namespace DebtShield.App.Tests.Evidence;

/// <summary>
/// A refusing authority's status and failure bits are worded through their members' tables, each
/// value RFC 3161 names with its own words, and a value it does not name by its number.
/// </summary>
public sealed class TimeStampCodesTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData(2, "拒绝（2）", "rejection (2)")]
    [InlineData(3, "尚未完成，请稍后再试（3）", "waiting (3)")]
    [InlineData(4, "机构的证书即将被吊销（4）", "revocationWarning (4)")]
    [InlineData(5, "机构的证书已被吊销（5）", "revocationNotification (5)")]
    [InlineData(6, "未知状态（6）", "unknown status (6)")]
    [InlineData(-1, "未知状态（-1）", "unknown status (-1)")]
    public void Status_EachRefusingValue_IsWordedInBothLanguages(int status, string chinese, string english)
    {
        Assert.Equal(chinese, TimeStampCodes.Status(status, Chinese));
        Assert.Equal(english, TimeStampCodes.Status(status, English));
    }

    [Theory]
    [InlineData(0, "badAlg: the hash algorithm is not supported")]
    [InlineData(2, "badRequest: the request is not permitted or not supported")]
    [InlineData(5, "badDataFormat: the data was submitted in the wrong format")]
    [InlineData(14, "timeNotAvailable: the authority's time source is not available")]
    [InlineData(15, "unacceptedPolicy: the requested policy is not supported")]
    [InlineData(16, "unacceptedExtension: the requested extension is not supported")]
    [InlineData(17, "addInfoNotAvailable: the additional information requested is not available")]
    [InlineData(25, "systemFailure: the authority's system failed")]
    [InlineData(1, "unknown reason (bit 1)")]
    [InlineData(26, "unknown reason (bit 26)")]
    [InlineData(31, "unknown reason (bit 31)")]
    public void Failure_EachBit_IsWordedByTheStandardsNameOrByItsNumber(int bit, string english) =>
        Assert.Equal(english, TimeStampCodes.Failure(bit, English));

    [Fact]
    public void Failure_EveryBitTheStandardNames_HasChineseWordsOfItsOwn()
    {
        var named = Enum.GetValues<TimeStampFailure>().Select(f => TimeStampCodes.Failure((int)f, Chinese)).ToList();

        Assert.Equal(8, named.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(named, n => n.StartsWith("未知原因", StringComparison.Ordinal));
    }
}
