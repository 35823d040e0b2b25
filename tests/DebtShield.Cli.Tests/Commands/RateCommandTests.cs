using System.Text.Json.Nodes;
using DebtShield.Tests.Shared;

namespace DebtShield.Cli.Tests.Commands;

public sealed class RateCommandTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("debtshield-cli-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Rate_SampleLoan_PrintsTableMatchingGoldenFile()
    {
        var result = CliProcess.Run("rate", "samples/loan.json");

        Assert.Equal(0, result.ExitCode);
        var golden = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "DebtShield.Cli.Tests", "Golden", "rate-sample.zh-CN.txt"));
        Assert.Equal(golden.ReplaceLineEndings(), result.Stdout.ReplaceLineEndings());
    }

    [Fact]
    public void Rate_SampleLoanInEnglish_PrintsEnglishVerdict()
    {
        var result = CliProcess.Run("rate", "samples/loan.json", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("real annual rate (IRR) 124.27%", result.Stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_Json_PrintsOneObjectWithTheDocumentedFields()
    {
        var result = CliProcess.Run("rate", "samples/loan.json", "--json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonNode.Parse(result.Stdout)!.AsObject();
        foreach (var field in new[]
                 {
                     "id", "principal", "received", "upfrontDeduction", "irrPerPeriod", "periodsPerYear", "irrAnnualNominal",
                     "irrAnnualEffective", "xirrAnnual", "aprSimple", "aprRegZ", "statedAnnual", "notes",
                 })
        {
            Assert.True(report.ContainsKey(field), field);
        }

        Assert.Equal(2299m, report["upfrontDeduction"]!.GetValue<decimal>());
        Assert.Equal(0.1825, report["statedAnnual"]!.GetValue<double>(), 12);
        Assert.Equal(12.0, report["periodsPerYear"]!.GetValue<double>());
    }

    [Fact]
    public void Rate_MissingFile_ExitsOneWithOneLineNamingTheFile()
    {
        var result = CliProcess.Run("rate", "no-such-loan.json", "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("debtshield: no-such-loan.json: file not found", result.Stderr.TrimEnd());
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Rate_UnknownField_ExitsOneNamingLineAndField()
    {
        var path = Path.Combine(_scratch, "typo.json");
        File.WriteAllText(path, "{\n  \"principle\": 1000\n}");

        var result = CliProcess.Run("rate", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"debtshield: {path} 第 2 行，字段 principle：未知字段“principle”（请检查拼写，见 docs/loan-format.md）", result.Stderr.TrimEnd());
    }

    [Fact]
    public void Rate_NoLoanAndNoBatch_ExitsOne()
    {
        var result = CliProcess.Run("rate", "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("give one loan file, or a batch file with --batch", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_FileWithBadLine_WritesEveryLineAndExitsZero()
    {
        var input = Path.Combine(_scratch, "loans.jsonl");
        var output = Path.Combine(_scratch, "rates.jsonl");
        var loan = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "loan.json")))!.ToJsonString();
        File.WriteAllLines(input, [loan, "{\"principal\": -1}", loan]);

        var result = CliProcess.Run("rate", "--batch", input, "--output", output, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2 loans computed, 1 lines could not be read", result.Stderr.TrimEnd());
        var lines = File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!).ToArray();
        Assert.Equal([1, 2, 3], lines.Select(l => l["line"]!.GetValue<int>()));
        Assert.NotNull(lines[1]["error"]);
        Assert.Equal(lines[0]["irrAnnualNominal"]!.GetValue<double>(), lines[2]["irrAnnualNominal"]!.GetValue<double>());
    }

    /// <summary>
    /// The output is opened for others to read (a researcher's <c>tail -f</c>, another run timing itself into
    /// <c>/dev/null</c>), not locked: an exclusive lock on <c>/dev/null</c> failed a batch run beside another.
    /// </summary>
    [Fact]
    public void Batch_OutputAnotherWriterHoldsOpen_IsStillWritten()
    {
        var input = Path.Combine(_scratch, "loans.jsonl");
        var output = Path.Combine(_scratch, "rates.jsonl");
        File.WriteAllText(input, JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "loan.json")))!.ToJsonString() + "\n");
        File.WriteAllText(output, string.Empty);
        using var reader = new FileStream(output, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);

        var result = CliProcess.Run("rate", "--batch", input, "--output", output, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Single(File.ReadAllLines(output));
    }

    [Fact]
    public void Batch_Fields_WritesLineIdAndTheChosenFigures()
    {
        var input = Path.Combine(_scratch, "loans.jsonl");
        var output = Path.Combine(_scratch, "rates.jsonl");
        File.WriteAllLines(input, [JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "loan.json")))!.ToJsonString()]);

        var result = CliProcess.Run("rate", "--batch", input, "--fields", "irrAnnualNominal,aprSimple", "--output", output, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["line", "id", "irrAnnualNominal", "aprSimple"], JsonNode.Parse(File.ReadAllLines(output).Single())!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Batch_UnknownField_ExitsOneNamingIt()
    {
        var result = CliProcess.Run("rate", "--batch", "loans.jsonl", "--fields", "irr", "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("there is no field named \"irr\"; choose from: lenderName,", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_MissingFile_ExitsOne()
    {
        var result = CliProcess.Run("rate", "--batch", "nothing.jsonl", "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("debtshield: batch file not found: nothing.jsonl", result.Stderr.TrimEnd());
    }
}
