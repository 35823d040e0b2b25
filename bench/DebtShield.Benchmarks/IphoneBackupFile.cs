using DebtShield.Tests.Shared.PhoneBackups;

namespace DebtShield.Benchmarks;

/// <summary>
/// Writes an unencrypted iPhone backup folder for timing <c>debtshield evidence import</c>: the
/// same COUNT messages, numbers and times as <see cref="PhoneBackupFile"/> (so the two imports do
/// the same work after reading), in sms.db, located through Manifest.db, built by the tests'
/// <see cref="IphoneBackupBuilder"/>.
/// </summary>
internal static class IphoneBackupFile
{
    public static void Write(string folder, int count)
    {
        var messages = MessageFile.Sample(count, new Random(20261128));
        var start = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.FromHours(8));
        using var builder = new IphoneBackupBuilder();
        builder.Messages(count, i => (PhoneBackupFile.Number(i % PhoneBackupFile.Numbers), start.AddSeconds(i * 97L), messages[i]));
        builder.Build();
        foreach (var file in Directory.EnumerateFiles(builder.Folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(builder.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
