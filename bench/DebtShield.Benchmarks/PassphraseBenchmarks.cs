using BenchmarkDotNet.Attributes;
using DebtShield.Data.Protection;

namespace DebtShield.Benchmarks;

/// <summary>
/// What unlocking a protected ledger costs at every open (issue 26): one Argon2id derivation at
/// 64 MiB and 3 passes, then opening the sealed data key. Two lanes is the managed code every
/// ledger protected by an earlier version still opens with; one lane is libsodium, the default now.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class PassphraseBenchmarks
{
    private const string Secret = "长长的密码 2026";

    private StoredProtection _row = null!;

    [Params(2, 1)]
    public int Lanes { get; set; }

    [GlobalSetup]
    public void Setup() => _row = Row(Lanes);

    [Benchmark]
    public LedgerCipher? UnlockAtTheDefaultMemoryAndPasses() => Passphrase.Unlock(_row, Secret);

    /// <summary>
    /// The CPU time of one unlock in two lanes and in one, alternated <paramref name="rounds"/>
    /// times after one of each to warm up: for a machine too loaded for BenchmarkDotNet's clock
    /// (the managed code's two lanes run on two threads, so its wall time hides half its CPU).
    /// </summary>
    public static (TimeSpan TwoLanes, TimeSpan OneLane) CpuPerUnlock(int rounds)
    {
        StoredProtection[] rows = [Row(lanes: 2), Row(lanes: 1)];
        var spent = new TimeSpan[rows.Length];
        for (var round = -1; round < rounds; round++)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                var before = Environment.CpuUsage.TotalTime;
                _ = Passphrase.Unlock(rows[i], Secret) ?? throw new InvalidOperationException("the passphrase did not open its own row");
                if (round >= 0)
                {
                    spent[i] += Environment.CpuUsage.TotalTime - before;
                }
            }
        }

        return (spent[0] / rounds, spent[1] / rounds);
    }

    /// <summary>A protection row at the default memory and passes in <paramref name="lanes"/>.</summary>
    private static StoredProtection Row(int lanes) =>
        Passphrase.Protect(Secret, KeyDerivationCost.Default with { Parallelism = lanes }, DateTimeOffset.UnixEpoch).Protection;
}
