using DebtShield.Core.Evidence;
using DebtShield.Import.PhoneBackups;

namespace DebtShield.Import.Tests.PhoneBackups;

/// <summary>
/// Mutated and cut backups (docs/reliability.md): the reader never fails except with a
/// <see cref="PhoneBackupException"/>, and never yields a record it read only in part.
/// </summary>
public sealed class PhoneBackupFuzzTests
{
    private static readonly byte[] Sms = File.ReadAllBytes(PhoneBackupReaderTests.Sample("sms-backup.xml"));
    private static readonly byte[] Calls = File.ReadAllBytes(PhoneBackupReaderTests.Sample("calls-backup.xml"));

    [Fact]
    public void Read_EveryCutOfABackup_GivesAPrefixOfTheWholeBackupsRecords()
    {
        foreach (var sample in new[] { Sms, Calls })
        {
            var whole = PhoneBackupReaderTests.ReadAll(sample).Records;
            for (var cut = 0; cut < sample.Length; cut += 7)
            {
                List<PhoneRecord> records;
                try
                {
                    records = PhoneBackupReaderTests.ReadAll(sample[..cut]).Records;
                }
                catch (PhoneBackupException)
                {
                    continue; // cut before the root element: not a backup at all
                }

                Assert.True(records.Count <= whole.Count, $"cut at {cut}");
                for (var i = 0; i < records.Count; i++)
                {
                    Assert.True(Same(whole[i], records[i]), $"cut at {cut}: record {i} differs from the whole file's");
                }
            }
        }
    }

    [Fact]
    public void Read_ThousandsOfMutatedBackups_NeverFailOtherwiseAndYieldOnlyConsistentRecords()
    {
        var random = new Random(20261128);
        var insertions = "<>\"&'/= \n\u0000a1é催"u8.ToArray();
        for (var round = 0; round < 4000; round++)
        {
            var bytes = (round % 2 == 0 ? Sms : Calls).ToList();
            for (var edits = random.Next(1, 6); edits > 0 && bytes.Count > 1; edits--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(5))
                {
                    case 0:
                        bytes[at] = (byte)random.Next(256);
                        break;
                    case 1:
                        bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at));
                        break;
                    case 2:
                        bytes.Insert(at, insertions[random.Next(insertions.Length)]);
                        break;
                    case 3:
                        var from = random.Next(bytes.Count);
                        bytes.InsertRange(at, bytes.GetRange(from, Math.Min(random.Next(1, 200), bytes.Count - from)));
                        break;
                    default:
                        bytes.RemoveRange(at, bytes.Count - at);
                        break;
                }
            }

            try
            {
                var (_, records) = PhoneBackupReaderTests.ReadAll([.. bytes]);
                foreach (var record in records)
                {
                    Assert.Equal(record.Channel == IncidentChannel.Call, record.Outcome is not null);
                    Assert.True(record.Channel == IncidentChannel.Call || record.Text is not null || record.Attachments.Count > 0, $"round {round}");
                    Assert.InRange(record.Time.Year, 1970, 9999);
                }
            }
            catch (PhoneBackupException)
            {
                // Not a backup any more: refused with a message, which is what the user sees.
            }
        }
    }

    private static bool Same(PhoneRecord a, PhoneRecord b) =>
        a.Line == b.Line && a.Channel == b.Channel && a.Direction == b.Direction && a.Time == b.Time && a.Number == b.Number
        && a.Text == b.Text && a.Outcome == b.Outcome && a.Duration == b.Duration
        && a.Attachments.Count == b.Attachments.Count && a.Attachments.Zip(b.Attachments).All(p => p.First.Content.AsSpan().SequenceEqual(p.Second.Content));
}
