using DebtShield.Web.Hosting;

namespace DebtShield.Web.Tests;

/// <summary>Issue 22: an upload left in the temporary folder by a killed run is gone once the app starts again.</summary>
public sealed class StaleUploadsTests
{
    [Fact]
    public async Task Start_AStaleUploadFolderLeftByAKilledRun_IsSweptAndAFreshOneIsKept()
    {
        var stale = Directory.CreateTempSubdirectory(StaleUploads.Prefix);
        var fresh = Directory.CreateTempSubdirectory(StaleUploads.Prefix);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(stale.FullName, "sms.xml"), "<smses><sms body=\"妈：周末回家吃饭吗？\" /></smses>");
            Directory.SetLastWriteTimeUtc(stale.FullName, DateTime.UtcNow - StaleUploads.StaleAfter - TimeSpan.FromMinutes(1));

            await using var app = await RunningApp.StartAsync(demo: false);

            Assert.False(Directory.Exists(stale.FullName));
            Assert.True(Directory.Exists(fresh.FullName));
        }
        finally
        {
            fresh.Delete(recursive: true);
            if (Directory.Exists(stale.FullName))
            {
                stale.Delete(recursive: true);
            }
        }
    }
}
