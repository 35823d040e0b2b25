using System.Text;
using System.Text.Json.Nodes;
using DebtShield.App.Batches;
using DebtShield.App.RateLoans;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.RateLoans;

public sealed class RateLoanBatchTests
{
    [Fact]
    public async Task RunAsync_GoodAndBadLines_WritesOneResultPerLineInInputOrder()
    {
        // Given every published vector, a malformed line, a blank line and a loan with a bad date.
        var loans = File.ReadLines(Path.Combine(RepositoryPaths.TestVectors, "rates", "vectors.jsonl"))
            .Select(line => JsonNode.Parse(line)!["loan"]!.ToJsonString())
            .ToList();
        var lines = new List<string>(loans) { "{not json", string.Empty };
        lines.Add("""{"lender":{"kind":"bank"},"contractDate":"2025-13-01","principal":1000,"schedule":[]}""");
        lines.AddRange(loans);

        // When
        var (summary, output) = await Run(string.Join('\n', lines));

        // Then: one output per non-blank line, numbered by input line, errors in place.
        Assert.Equal(2 * loans.Count, summary.Read);
        Assert.Equal(2, summary.Rejected);
        Assert.Equal(lines.Count - 1, output.Count);
        Assert.Equal(Enumerable.Range(1, lines.Count).Where(n => n != loans.Count + 2), output.Select(o => o["line"]!.GetValue<int>()));
        Assert.Equal(loans.Count + 1, output.Single(o => o["error"] is not null && o["line"]!.GetValue<int>() == loans.Count + 1)["line"]!.GetValue<int>());
        Assert.Contains("contractDate", output[loans.Count + 1]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("pboc-2021-3-example", output[0]["id"]!.GetValue<string>());
        Assert.Equal(output[0]["irrAnnualNominal"]!.GetValue<double>(), output[loans.Count + 2]["irrAnnualNominal"]!.GetValue<double>());
    }

    [Fact]
    public async Task RunAsync_ManyChunks_KeepsInputOrder()
    {
        // 10,000 lines span several chunks computed in parallel; ids must come back in order.
        var template = File.ReadLines(Path.Combine(RepositoryPaths.TestVectors, "rates", "vectors.jsonl")).First();
        var loan = JsonNode.Parse(template)!["loan"]!;
        var lines = Enumerable.Range(0, 10_000).Select(i =>
        {
            loan["id"] = "loan-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return loan.ToJsonString();
        });

        var (summary, output) = await Run(string.Join('\n', lines));

        Assert.Equal(10_000, summary.Read);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => "loan-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), output.Select(o => o["id"]!.GetValue<string>()));
    }

    private static async Task<(JsonLinesSummary Summary, List<JsonNode> Output)> Run(string input)
    {
        using var source = new MemoryStream(Encoding.UTF8.GetBytes(input));
        using var sink = new MemoryStream();
        var summary = await RateLoanBatch.RunAsync(source, sink);
        var output = Encoding.UTF8.GetString(sink.ToArray())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!)
            .ToList();
        return (summary, output);
    }
}
