using System.Text;
using DebtShield.App.Input;

namespace DebtShield.App.Tests.Input;

/// <summary>Issue 22: an upload kept for a second reading lies on disk only as authenticated ciphertext.</summary>
public sealed class SealedSpoolTests
{
    private const string Marker = "妈：周末回家吃饭吗？MARKER-4711";

    /// <summary>Three and a half chunks of text with the marker in every line, so every chunk holds it.</summary>
    private static byte[] Backup()
    {
        // The length is counted line by line: counting the whole text again after every line cost
        // each test about a second of CPU (some 5,000 lines of a text growing to 224 KiB).
        var text = new StringBuilder();
        var line = 0;
        var length = 0;
        while (length < (SealedSpool.ChunkSize * 3) + (SealedSpool.ChunkSize / 2))
        {
            var start = text.Length;
            text.Append(line++).Append(' ').Append(Marker).Append('\n');
            length += Encoding.UTF8.GetByteCount(text.ToString(start, text.Length - start));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Fact]
    public async Task Create_ABackupWithAMarker_TheFileOnDiskHoldsNoneOfItsText()
    {
        var backup = Backup();
        using var spool = await SealedSpool.CreateAsync(new MemoryStream(backup));

        var stored = await File.ReadAllBytesAsync(spool.Path);

        Assert.Equal(backup.LongLength, spool.Length);
        Assert.True(stored.Length > backup.Length, "the tags are stored with the chunks");
        Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes("MARKER-4711")));
        Assert.Equal(-1, stored.AsSpan().IndexOf(backup.AsSpan(0, 32)));
    }

    [Fact]
    public async Task OpenRead_SeekingAndReadingAcrossChunks_GivesBackTheSameBytes()
    {
        var backup = Backup();
        using var spool = await SealedSpool.CreateAsync(new MemoryStream(backup));
        using var whole = spool.OpenRead();
        using var copy = new MemoryStream();
        await whole.CopyToAsync(copy);
        using var seeking = spool.OpenRead();
        var across = new byte[100];
        seeking.Position = SealedSpool.ChunkSize - 50;
        seeking.ReadExactly(across);
        seeking.Seek(-10, SeekOrigin.End);
        var tail = new byte[20];
        var last = seeking.Read(tail);

        Assert.Equal(backup, copy.ToArray());
        Assert.Equal(backup.AsSpan(SealedSpool.ChunkSize - 50, 100).ToArray(), across);
        Assert.Equal(10, last);
        Assert.Equal(backup[^10..], tail[..last]);
    }

    [Fact]
    public async Task OpenRead_AByteFlippedOnDisk_IsRefusedNotReadAsOther()
    {
        using var spool = await SealedSpool.CreateAsync(new MemoryStream(Backup()));
        await using (var file = new FileStream(spool.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
        {
            file.Position = SealedSpool.ChunkSize + 16 + 1000; // inside the second chunk
            var value = file.ReadByte();
            file.Position--;
            file.WriteByte((byte)(value ^ 0x01));
        }

        using var reader = spool.OpenRead();
        var first = new byte[SealedSpool.ChunkSize];
        reader.ReadExactly(first);

        var refusal = Assert.Throws<IOException>(() => reader.ReadByte());
        Assert.Contains("改动", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenRead_TheFileCutShort_IsRefused()
    {
        var backup = Backup();
        using var spool = await SealedSpool.CreateAsync(new MemoryStream(backup));
        await using (var file = new FileStream(spool.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
        {
            file.SetLength(file.Length - 100);
        }

        using var reader = spool.OpenRead();
        reader.Seek(-1, SeekOrigin.End);

        Assert.Throws<IOException>(() => reader.ReadByte());
    }

    [Fact]
    public async Task Dispose_TheSpool_LeavesNeitherFileNorFolder()
    {
        var spool = await SealedSpool.CreateAsync(new MemoryStream(Backup()));
        var folder = Path.GetDirectoryName(spool.Path)!;
        Assert.True(File.Exists(spool.Path));

        spool.Dispose();

        Assert.False(Directory.Exists(folder));
        Assert.Throws<ObjectDisposedException>(() => spool.OpenRead());
    }

    [Fact]
    public async Task Create_AnEmptyUpload_HoldsNothingAndReadsNothing()
    {
        using var spool = await SealedSpool.CreateAsync(new MemoryStream());
        using var reader = spool.OpenRead();

        Assert.Equal((0L, -1), (spool.Length, reader.ReadByte()));
    }
}
