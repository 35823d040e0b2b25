namespace DebtShield.Tests.Shared;

/// <summary>Finds the repository and the shared published test vectors beside it.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the folder holding DebtShield.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The published test vectors: <c>DEBTSHIELD_SHARED/testdata</c> when set, else
    /// <c>../shared/testdata</c> beside the repository, as laid out for development and CI.
    /// </summary>
    public static string SharedTestData
    {
        get
        {
            var shared = Environment.GetEnvironmentVariable("DEBTSHIELD_SHARED")
                ?? Path.Combine(Root, "..", "shared");
            var testData = Path.GetFullPath(Path.Combine(shared, "testdata"));
            return Directory.Exists(testData)
                ? testData
                : throw new DirectoryNotFoundException(
                    $"The shared test vectors are missing: expected {testData} (set DEBTSHIELD_SHARED to the shared folder).");
        }
    }

    /// <summary>A file under the repository's <c>data/</c> folder.</summary>
    public static string Data(params string[] parts) => Path.Combine([Root, "data", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DebtShield.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Cannot find the repository root (DebtShield.slnx) above " + AppContext.BaseDirectory);
    }
}
