using System.Text.Json.Nodes;
using DebtShield.Tests.Shared;

namespace DebtShield.Cli.Tests.Commands;

public sealed class ClassifyCommandTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("debtshield-cli-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Classify_JsonLinesOnStdin_WritesOneObjectPerLineWithTheDocumentedFields()
    {
        const string input = """
            {"id":"m1","text":"再不还款就把你的欠款信息发给你通讯录里所有人","recipient":"borrower","time":"2026-11-28T23:05:00+08:00"}
            {"id":"m2","text":"请转告您的同事王某，他在本平台的欠款已嚴重逾期。","recipient":"third_party"}
            """;

        var result = CliProcess.Run(["classify"], RepositoryPaths.Root, input);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Equal("m1", lines[0]["id"]!.GetValue<string>());
        Assert.Equal(["threat_exposure", "off_hours"], lines[0]["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        var finding = lines[0]["findings"]![0]!.AsObject();
        foreach (var field in new[] { "label", "start", "end", "rule", "explain", "citations" })
        {
            Assert.True(finding.ContainsKey(field), field);
        }

        Assert.Equal("threat_exposure.tell-contacts", finding["rule"]!.GetValue<string>());
        Assert.Contains("通讯录", finding["explain"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["third_party_disclosure", "third_party_contact"], lines[1]["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("已分析 2 条消息，0 行无法读取", result.Stderr.TrimEnd());
    }

    [Fact]
    public void Classify_TextModeFromAnotherDirectory_UsesTheEmbeddedRulesAndEnglish()
    {
        var result = CliProcess.Run(["classify", "--text", "--lang", "en"], _scratch, "tmd 别装死，不还就等着社死吧。\n");

        Assert.Equal(0, result.ExitCode);
        var line = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(1, line["line"]!.GetValue<int>());
        Assert.Equal(["threat_exposure", "insult"], line["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Contains("insults", line["findings"]![0]!["explain"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("1 messages analysed, 0 lines could not be read", result.Stderr.TrimEnd());
    }

    [Fact]
    public void Classify_InvalidLineInAFile_WritesAnErrorObjectAndGoesOn()
    {
        var input = Path.Combine(_scratch, "messages.jsonl");
        var output = Path.Combine(_scratch, "labels.jsonl");
        File.WriteAllLines(input, ["""{"text":"老赖"}""", """{"text":42}""", """{"text":"您的快递已到站"}"""]);

        var result = CliProcess.Run("classify", "--input", input, "--output", output, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!).ToArray();
        Assert.Equal([1, 2, 3], lines.Select(l => l["line"]!.GetValue<int>()));
        Assert.Equal("field text has the wrong type (expected quoted text)", lines[1]["error"]!.GetValue<string>());
        Assert.Empty(lines[2]["labels"]!.AsArray());
        Assert.Equal("2 messages analysed, 1 lines could not be read", result.Stderr.TrimEnd());
    }

    [Theory]
    [InlineData("classify", "--input", "-", "--output", "-")]
    [InlineData("rate", "--batch", "-", "--output", "-")]
    public void Batch_DashForInputAndOutput_ReadsStdinAndWritesStdout(params string[] args)
    {
        var input = args[0] == "classify"
            ? """{"text":"您的快递已到站"}""" + "\n"
            : JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "loan.json")))!.ToJsonString() + "\n";

        var result = CliProcess.Run([.. args, "--lang", "en"], _scratch, input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, JsonNode.Parse(result.Stdout)!["line"]!.GetValue<int>());
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_MissingInputFile_ExitsOne()
    {
        var result = CliProcess.Run("classify", "--input", "nothing.jsonl", "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("debtshield: input file not found: nothing.jsonl", result.Stderr.TrimEnd());
    }
}
