using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DebtShield.App.CheckLoans;
using DebtShield.Core;
using DebtShield.Core.Law;
using DebtShield.Import.LegalData;
using DebtShield.Import.LoanFiles;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.CheckLoans;

/// <summary>
/// The batch's direct writer (<see cref="CheckReportWriter"/>) against the record that
/// <c>loan check --json</c>, the web and the documents use (<see cref="CheckLoanReport"/>,
/// serialised): the same bytes for every loan of the wide golden input, in both UI languages, with
/// and without a demand, over 365 and 360 days, and on as-of dates that reach the old lines. The
/// two share their words (<c>LegalReportWording</c>); this holds their shape together.
/// </summary>
public sealed class CheckBatchEquivalenceTests
{
    private static readonly string WideInput = Path.Combine(RepositoryPaths.Root, "tests", "DebtShield.App.Tests", "Batches", "golden", "checks-wide.jsonl");

    /// <summary>
    /// Each run with the number of loans the golden runs checked on that day (68 of the 79 lines
    /// in 2026, 15 in 2019, 3 in 2015), and whether the run reaches every shape of the report.
    /// </summary>
    public static TheoryData<string, string, decimal?, int, int, bool> Runs() => new()
    {
        { "zh-CN", "2026-11-28", null, 365, 68, true },
        { "en", "2026-11-28", null, 365, 68, true },
        { "zh-CN", "2026-11-28", 30000m, 360, 68, true },
        { "en", "2026-11-28", 1m, 365, 68, true },
        { "zh-CN", "2019-12-01", null, 365, 15, false },
        { "en", "2015-06-01", null, 365, 3, false },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Write_EveryLoanOfTheWideInput_WritesTheRecordsSerialisationByteForByte(string language, string asOf, decimal? demanded, int dayCount, int loans, bool everyShape)
    {
        // Given every loan of the wide input that can be read and checked on that day.
        var options = new CheckOptions(
            DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            demanded is { } yuan ? new Money(yuan) : null,
            dayCount == 360 ? DayCount.Actual360 : DayCount.Actual365);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var writer = new CheckReportWriter();
            var compared = 0;
            var written = new StringBuilder();
            var lines = File.ReadAllLines(WideInput);
            for (var i = 0; i < lines.Length; i++)
            {
                var reading = LoanFileReader.ReadLine(Encoding.UTF8.GetBytes(lines[i]), i + 1);
                if (!reading.Succeeded || options.AsOf < reading.Loan.ContractDate)
                {
                    continue;
                }

                var assessment = LegalCheck.Of(reading.Loan!, LegalDataReader.Rules, options);

                // When the record is serialised and the writer writes the same assessment.
                var record = Written(json => JsonSerializer.Serialize(json, CheckLoanReport.From(assessment, catalogue: null) with { Line = i + 1 }, ReportJsonContext.Default.CheckLoanReport));
                var direct = Written(json => writer.Write(json, i + 1, assessment));

                // Then they are the same bytes.
                Assert.Equal(record, direct);
                written.AppendLine(direct);
                compared++;
            }

            // And every loan the golden run checked was compared; the 2026 runs reach the rarer shapes.
            Assert.Equal(loans, compared);
            if (!everyShape)
            {
                return;
            }

            var all = written.ToString();
            Assert.Contains("\"lenderOfRecordDecides\":true", all, StringComparison.Ordinal);
            Assert.Contains("\"view\":null", all, StringComparison.Ordinal);
            Assert.Contains("\"text\":\"[", all, StringComparison.Ordinal);
            Assert.Contains("\"lawfulMostTotalDue\":null", all, StringComparison.Ordinal);
            Assert.Contains("\"exceedsCap\":true", all, StringComparison.Ordinal);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>What <paramref name="write"/> writes with the writer options the batch uses.</summary>
    private static string Written(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, ReportJsonContext.WriterOptions))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
