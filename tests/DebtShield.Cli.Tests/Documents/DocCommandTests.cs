using DebtShield.Cli.Tests.Ledger;

namespace DebtShield.Cli.Tests.Documents;

/// <summary><c>doc list</c> and <c>doc make</c> as real processes on a real SQLite ledger with the demo case.</summary>
public sealed class DocCommandTests
{
    [Fact]
    public void DocList_Run_ShowsTheSevenKindsInOrder()
    {
        var result = CliProcess.Run("doc", "list", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        var kinds = new[] { "regulator-complaint", "spam-report", "police-report", "pi-request", "negotiation-letter", "civil-complaint", "contacts-notice" };
        var positions = kinds.Select(k => result.Stdout.IndexOf(k, StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void DocMake_WritesTheFile_AndListsTheBlanksWithTheirSetOptions()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("demo");
        var path = cli.PathOf("complaint.md");

        var result = cli.Run("doc", "make", "regulator-complaint", "--lender", "某某消费金融", "--set", "borrower.id_number=110101199001011234", "--out", path);

        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(path);
        Assert.Contains("身份证号：110101199001011234", text, StringComparison.Ordinal);
        Assert.Contains("--set lender.full_name=", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("--set borrower.id_number=", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("12378", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("letter.txt", "letter.txt")]
    [InlineData("letter.md", "no-equals-sign")]
    public void DocMake_BadOutputOrSet_ExitsOneAndWritesNothing(string file, string expectedInMessage)
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("demo");

        var result = cli.Run("doc", "make", "contacts-notice", "--out", cli.PathOf(file), "--set", file == "letter.md" ? "no-equals-sign" : "borrower.name=小王");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expectedInMessage, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.PathOf(file)));
    }

    [Fact]
    public void DocMake_UnknownKind_NamesTheKinds()
    {
        using var cli = new LedgerCli("sqlite");
        cli.Succeed("demo");

        var result = cli.Run("doc", "make", "threat-letter", "--out", cli.PathOf("x.md"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("contacts-notice", result.Stderr, StringComparison.Ordinal);
    }
}
