using DebtShield.Tests.Shared;

namespace DebtShield.Cli.Tests.Ledger;

/// <summary>What leaves a ledger (export, backup) comes back into another one unchanged.</summary>
public sealed class RoundTripTests
{
    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public void TheDemoCase_ExportedImportedAndExportedAgain_GivesAByteIdenticalCaseFile(string provider)
    {
        using var source = new LedgerCli(provider);
        using var target = new LedgerCli(provider, empty: true);
        source.Succeed("demo");
        source.Succeed("export", "case.json");
        var caseFile = source.PathOf("case.json");

        var imported = target.Run("loan", "import", caseFile);
        Assert.True(imported.ExitCode == 0, imported.Stderr);
        target.Succeed("export", "again.json");

        Assert.Equal(File.ReadAllBytes(caseFile), File.ReadAllBytes(target.PathOf("again.json")));
        Assert.Equal(5, source.Counts().Loans);
    }

    [Fact]
    public void TheDemoCase_ExportedAsXlsx_ImportsIntoAnotherLedgerWithTheSameLoans()
    {
        using var source = new LedgerCli("sqlite");
        using var target = new LedgerCli("sqlite", empty: true);
        source.Succeed("demo");
        var export = source.Run("export", "case.xlsx");
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(source.PathOf("case.xlsx"))!, "*.partial"));

        var imported = target.Run("loan", "import", source.PathOf("case.xlsx"));

        Assert.True(imported.ExitCode == 0, imported.Stderr);
        Assert.Equal(source.LoanListJson(), target.LoanListJson());
        Assert.Equal(source.Counts(), target.Counts());
    }

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public void ABackupRestoredIntoANewLedger_ListsTheSameLoans_AndARestoreIntoAFullLedgerIsRefused(string provider)
    {
        using var source = new LedgerCli(provider);
        using var target = new LedgerCli(provider, empty: true);
        source.Succeed("demo");
        source.Succeed("payment", "add", "极速借", "--amount", "500", "--date", "2026-10-01", "--case", "示例：小王的网贷（演示数据）");
        source.Succeed("backup", "ledger.backup");
        var backup = source.PathOf("ledger.backup");

        var restored = target.Run("restore", backup);
        Assert.True(restored.ExitCode == 0, restored.Stderr);
        Assert.Equal(source.LoanListJson(), target.LoanListJson());

        var again = target.Run("restore", backup);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("目标数据库已有数据", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(source.LoanListJson(), target.LoanListJson());
    }
}
