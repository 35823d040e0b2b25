using System.Text;
using DebtShield.Import.LoanFiles;
using DebtShield.Import.Tests.CaseFiles;

namespace DebtShield.Import.Tests.LoanFiles;

public sealed class LoanFileWriterTests
{
    [Fact]
    public void Read_WrittenLoan_IsTheSameLoanWhateverTheDefaultId()
    {
        var original = CaseSamples.HandWritten().Loans[0];

        var reading = LoanFileReader.Read(Write(original), "another-name");

        Assert.True(reading.Succeeded);
        CaseFacts.AssertSame(original, reading.Loan);
    }

    [Fact]
    public void Write_Loan_KeepsChineseAndExactAmountsAndEndsWithNewline()
    {
        var text = Encoding.UTF8.GetString(Write(CaseSamples.HandWritten().Loans[0]));

        Assert.Contains("\"name\": \"某某借款App\"", text, StringComparison.Ordinal);
        Assert.Contains("\"principal\": 833.33,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"id\": \"my-loan\",", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LoanWithoutOptionalFacts_LeavesTheirFieldsOut()
    {
        var text = Encoding.UTF8.GetString(Write(CaseSamples.HandWritten().Loans[1]));

        Assert.DoesNotContain("upfrontFees", text, StringComparison.Ordinal);
        Assert.DoesNotContain("payments", text, StringComparison.Ordinal);
        Assert.DoesNotContain("stated", text, StringComparison.Ordinal);
        Assert.DoesNotContain("overdueTerms", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"name\"", text, StringComparison.Ordinal);
    }

    private static byte[] Write(Core.Loans.Loan loan)
    {
        using var stream = new MemoryStream();
        LoanFileWriter.Write(stream, loan);
        return stream.ToArray();
    }
}
