using System.Xml.Linq;
using DebtShield.Tests.Shared;

namespace DebtShield.Core.Tests;

/// <summary>
/// The arrows of <c>docs/architecture.md</c>: which project may reference which. A new arrow is a
/// design decision, so it has to be made here and in the map together.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["DebtShield.Core"] = [],
        ["DebtShield.Import"] = ["DebtShield.Core"],
        ["DebtShield.Data"] = ["DebtShield.Core"],
        ["DebtShield.Documents"] = ["DebtShield.Core"],
        ["DebtShield.Planning.Optimization"] = ["DebtShield.Core"],
        ["DebtShield.App"] = ["DebtShield.Core", "DebtShield.Import", "DebtShield.Data", "DebtShield.Documents", "DebtShield.Planning.Optimization"],
        ["DebtShield.Cli"] = ["DebtShield.App"],
        ["DebtShield.Web"] = ["DebtShield.App"],
    };

    [Fact]
    public void EveryProject_UnderSrc_IsOnTheMap()
    {
        var projects = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src")).Select(Path.GetFileName);

        Assert.Equal(Allowed.Keys.Order(), projects.Order());
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectReferences_OfEachProject_FollowTheArrows(string project)
    {
        var references = ProjectFile(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!.Value.Replace('\\', '/')));

        Assert.All(references, r => Assert.Contains(r, Allowed[project]));
    }

    [Fact]
    public void Core_ProjectFile_UsesNoPackage()
    {
        Assert.Empty(ProjectFile("DebtShield.Core").Descendants("PackageReference"));
    }

    [Fact]
    public void Core_CompiledAssembly_ReferencesOnlyTheBaseLibrary()
    {
        var referenced = typeof(Money).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.All(referenced, name => Assert.True(name is "System" or "netstandard" || name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal), name));
    }

    [Theory]
    [InlineData("DebtShield.Cli")]
    [InlineData("DebtShield.Web")]
    public void Host_ProjectFile_IsCompiledWithoutTheLayersBelowApp(string host)
    {
        var imports = ProjectFile(host).Descendants("Import").Select(i => (string)i.Attribute("Project")!);
        var boundary = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "HostBoundary.targets"));
        var hidden = boundary.Descendants("_LayerBelowApp").Single().Attribute("Condition")!.Value;

        Assert.Contains(@"..\HostBoundary.targets", imports);
        Assert.All(Allowed["DebtShield.App"].Except(["DebtShield.Core"]), layer => Assert.Contains($"'%(Filename)' == '{layer}'", hidden, StringComparison.Ordinal));
    }

    public static TheoryData<string> Projects() => [.. Allowed.Keys];

    private static XDocument ProjectFile(string project) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj"));
}
