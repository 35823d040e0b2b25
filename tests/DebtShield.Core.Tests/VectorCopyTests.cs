using DebtShield.Tests.Shared;

namespace DebtShield.Core.Tests;

/// <summary>
/// The repository's copy of the published test vectors (<c>tests/vectors</c>) still equals the
/// published set wherever the published set is beside the clone; a plain clone has only the copy.
/// </summary>
public sealed class VectorCopyTests
{
    public static TheoryData<string> PublishedFiles()
    {
        var data = new TheoryData<string>();
        if (RepositoryPaths.PublishedTestData is { } published)
        {
            foreach (var file in Directory.EnumerateFiles(published, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(published, file));
            }
        }
        else
        {
            data.Add(string.Empty); // a plain clone: the copy is all there is
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublishedFiles))]
    public void Copy_WhenThePublishedVectorsArePresent_EqualsThePublishedFile(string relativePath)
    {
        if (RepositoryPaths.PublishedTestData is not { } published)
        {
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.TestVectors, "rates", "vectors.jsonl")), "tests/vectors holds the rate vectors");
            return;
        }

        var copy = Path.Combine(RepositoryPaths.TestVectors, relativePath);
        Assert.True(File.Exists(copy), $"tests/vectors/{relativePath} is missing: copy it from the published test data");
        Assert.Equal(File.ReadAllBytes(Path.Combine(published, relativePath)), File.ReadAllBytes(copy));
    }
}
