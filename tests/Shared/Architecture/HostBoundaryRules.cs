using System.Reflection;

namespace DebtShield.Tests.Shared.Architecture;

/// <summary>
/// The rules of <c>docs/architecture.md</c> for a host (the CLI, the web app), checked on its
/// compiled assembly: it parses, calls App and renders, so it names nothing of Import, Data,
/// Documents or Planning.Optimization. Its compiler is not given them (<c>src/HostBoundary.targets</c>),
/// so a host's source that names one does not build; these tests hold the compiled result as well,
/// should the boundary ever be loosened: what a reader reports reaches a host as App's own types
/// (a reading's problems as <c>ReadingProblem</c>).
/// </summary>
public abstract class HostBoundaryRules(Assembly host)
{
    private static readonly string[] Forbidden = ["DebtShield.Data", "DebtShield.Documents", "DebtShield.Planning.Optimization"];

    /// <summary>The host's references, read once.</summary>
    protected AssemblyReferences References { get; } = AssemblyReferences.Of(host);

    [Fact]
    public void Host_CompiledAssembly_NamesNothingOfDataDocumentsOrPlanning()
    {
        var named = host.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.Empty(named.Intersect(Forbidden));
    }

    [Fact]
    public void Host_CompiledAssembly_NamesNothingOfImport()
    {
        var named = References.Types
            .Where(t => t.Assembly is "DebtShield.Import")
            .Select(t => t.FullName)
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Empty(named);
    }
}
