using System.Reflection;

namespace DebtShield.Tests.Shared.Architecture;

/// <summary>
/// The rules of <c>docs/architecture.md</c> for a host (the CLI, the web app), checked on its
/// compiled assembly: it parses, calls App and renders, so it names nothing of Data, Documents or
/// Planning.Optimization (its compiler is not given them: <c>src/HostBoundary.targets</c>), and of
/// Import only what is listed here, each entry a known debt with its reason. A new name from
/// Import fails the build's tests until App offers it, or the map and this list change together.
/// </summary>
public abstract class HostBoundaryRules(Assembly host)
{
    /// <summary>
    /// What a host may still name of Import, because App's reports still hand these readers'
    /// problems over as they are; each is a debt to pay by giving App a type of its own.
    /// </summary>
    public static readonly IReadOnlySet<string> Tolerated = new HashSet<string>(StringComparer.Ordinal)
    {
        // What the readers report, passed on by App's reports as they give it.
        "DebtShield.Import.PhoneBackups.BackupBreak",
        "DebtShield.Import.PhoneBackups.DatabaseDamage",
        "DebtShield.Import.PhoneBackups.PhoneRecordProblem",
        "DebtShield.Import.LoanFiles.LoanFileError",
    };

    private static readonly string[] Forbidden = ["DebtShield.Data", "DebtShield.Documents", "DebtShield.Planning.Optimization"];

    /// <summary>The host's references, read once.</summary>
    protected AssemblyReferences References { get; } = AssemblyReferences.Of(host);

    [Fact]
    public void Host_NamesNothingOfDataDocumentsOrPlanning()
    {
        var named = host.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.Empty(named.Intersect(Forbidden));
    }

    [Fact]
    public void Host_NamesOfImportOnlyWhatIsTolerated()
    {
        var named = References.Types
            .Where(t => t.Assembly is "DebtShield.Import")
            .Select(t => t.FullName)
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.All(named, name => Assert.Contains(name, Tolerated));
    }
}
