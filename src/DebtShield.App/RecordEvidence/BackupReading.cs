using DebtShield.Core.Reading;
using DebtShield.Import.PhoneBackups;

namespace DebtShield.App.RecordEvidence;

/// <summary>
/// One pass over a phone backup, whichever reader it takes: the records as they are read, how to
/// complete a record that is kept (an iPhone message's attachments are read only then), and what
/// the reader found wrong, asked once the records have been enumerated.
/// </summary>
internal sealed class BackupReading : IDisposable
{
    private readonly IDisposable? _owned;

    private BackupReading(IEnumerable<PhoneRecord> records, Func<PhoneRecord, PhoneRecord> complete, Func<IReadOnlyList<ReadingProblem>> problems,
        Func<ReadingProblem?> broken, Func<IReadOnlyList<ReadingProblem>> damage, IDisposable? owned)
    {
        Records = records;
        Complete = complete;
        Problems = problems;
        Break = broken;
        Damage = damage;
        _owned = owned;
    }

    public IEnumerable<PhoneRecord> Records { get; }

    public Func<PhoneRecord, PhoneRecord> Complete { get; }

    public Func<IReadOnlyList<ReadingProblem>> Problems { get; }

    public Func<ReadingProblem?> Break { get; }

    public Func<IReadOnlyList<ReadingProblem>> Damage { get; }

    /// <summary>An XML or CSV backup in <paramref name="file"/>, which the reading closes when it <paramref name="owned"/> it.</summary>
    public static BackupReading Of(Stream file, bool owned = true)
    {
        var (reader, records) = PhoneBackupReader.Read(file);
        return new BackupReading(records, r => r, () => reader.Problems, () => reader.Break, () => [], owned ? file : null);
    }

    /// <summary>An iPhone backup; the caller keeps it open across passes and closes it.</summary>
    public static BackupReading Of(IphoneBackup backup)
    {
        var (reader, records) = IphoneRecordReader.Read(backup);
        return new BackupReading(records, reader.WithAttachments, () => reader.Problems, () => null, () => reader.Damage, null);
    }

    public void Dispose() => _owned?.Dispose();
}
