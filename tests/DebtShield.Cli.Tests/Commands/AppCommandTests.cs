namespace DebtShield.Cli.Tests.Commands;

public sealed class AppCommandTests
{
    [Fact]
    public void Version_Run_PrintsTheProductVersion()
    {
        var result = CliProcess.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0.1.0", result.Stdout.Trim());
    }

    [Fact]
    public void Help_InChinese_ListsTheRateCommand()
    {
        var result = CliProcess.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("rate", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("真实年化利率", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_WithHelp_DescribesItsOptions()
    {
        var result = CliProcess.Run("rate", "--help", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--batch", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("print JSON for programs", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AnUnknownCommand_ExitsOneWithOneLine()
    {
        var result = CliProcess.Run("borrow-more");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Run_AnUnknownOption_IsAnErrorNotSilentlyIgnored()
    {
        var result = CliProcess.Run("rate", "samples/loan.json", "--as-off", "2026-11-28");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("as-off", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }
}
