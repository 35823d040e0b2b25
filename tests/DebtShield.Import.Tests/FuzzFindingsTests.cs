using System.Text;
using DebtShield.Import.CaseFiles;
using DebtShield.Import.PhoneBackups;
using DebtShield.Import.Screenshots;
using DebtShield.Tests.Shared;
using DebtShield.Tests.Shared.PhoneBackups;
using SkiaSharp;

namespace DebtShield.Import.Tests;

/// <summary>What the fuzz run of issue 22 found (docs/reliability.md), each kept as a regression test.</summary>
public sealed class FuzzFindingsTests
{
    [Fact]
    public void CaseFileRead_AFieldNameWithAnInvalidUtf8Byte_IsALocatedErrorNotACrash()
    {
        var json = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "samples", "demo-case.json"));
        var at = json.AsSpan().IndexOf("\"amount\""u8);
        json[at + 5] = 0xB2; // "amou\xB2t": an unknown name the serializer skips, and "amount" is now missing

        var reading = CaseFileReader.Read(json);

        Assert.Null(reading.Content);
        Assert.NotEmpty(reading.Errors);
        Assert.All(reading.Errors, e => Assert.NotNull(e.Location.Line));
    }

    [Fact]
    public void IphoneBackupOpen_AZipDamagedAnywhere_IsRefusedWithAMessageNeverAnotherException()
    {
        using var builder = new IphoneBackupBuilder();
        builder.Message("+8617000001234", new DateTimeOffset(2026, 11, 3, 13, 40, 0, TimeSpan.Zero), "你欠的钱再不还就去你单位找你");
        var zip = File.ReadAllBytes(builder.Zip());
        var folder = Directory.CreateTempSubdirectory("damaged-zip-").FullName;
        var outcomes = new List<string>();
        try
        {
            // A flipped byte, a deleted run and a cut at every 53rd byte: headers, deflate data, checksums and the central directory.
            var inputs = Enumerable.Range(0, (zip.Length + 52) / 53).Select(i => i * 53).SelectMany(position => new[]
            {
                zip.Select((b, i) => i == position ? (byte)(b ^ 0x5A) : b).ToArray(),
                [.. zip[..position], .. zip[Math.Min(zip.Length, position + 20)..]],
                zip[..position],
            }).ToList();
            foreach (var (damaged, number) in inputs.Select((d, i) => (d, i)))
            {
                var path = Path.Combine(folder, number + ".zip");
                File.WriteAllBytes(path, damaged);
                try
                {
                    using var backup = IphoneBackup.Open(path);
                    var (_, records) = IphoneRecordReader.Read(backup);
                    outcomes.Add("read " + records.Count());
                }
                catch (PhoneBackupException e)
                {
                    outcomes.Add("refused " + e.Message.Length);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.Contains(outcomes, o => o.StartsWith("refused", StringComparison.Ordinal));
        Assert.Equal(3 * ((zip.Length + 52) / 53), outcomes.Count);
    }

    [Fact]
    public void ScreenshotMetadata_APngChunkWhoseTypeIsNotFourLetters_IsIgnoredNotACrash()
    {
        using var bitmap = new SKBitmap(20, 20);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var png = data.ToArray();
        byte[] chunk = [0, 0, 0, 0, (byte)'a', (byte)'b', (byte)'1', (byte)'d', 0, 0, 0, 0];
        var damaged = png[..33].Concat(chunk).Concat(png[33..]).ToArray(); // after the signature (8) and IHDR (25)

        var captured = ScreenshotReader.FromMetadata(damaged);

        Assert.Null(captured);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
    }
}
