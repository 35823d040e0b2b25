namespace DebtShield.Tests.Shared;

/// <summary>Finds the repository and the shared published test vectors beside it.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the folder holding DebtShield.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The test vectors the suite reads: the repository's copy under <c>tests/vectors</c>, so that a
    /// plain clone runs every test.
    /// </summary>
    public static string TestVectors { get; } = Path.Combine(Root, "tests", "vectors");

    /// <summary>
    /// The published vectors the copy was taken from: <c>DEBTSHIELD_SHARED/testdata</c> when set, else
    /// <c>../shared/testdata</c> beside the repository; <see langword="null"/> on a plain clone.
    /// </summary>
    public static string? PublishedTestData
    {
        get
        {
            var shared = Environment.GetEnvironmentVariable("DEBTSHIELD_SHARED")
                ?? Path.Combine(Root, "..", "shared");
            var testData = Path.GetFullPath(Path.Combine(shared, "testdata"));
            return Directory.Exists(testData) ? testData : null;
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
