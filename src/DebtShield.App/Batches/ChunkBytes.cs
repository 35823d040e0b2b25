namespace DebtShield.App.Batches;

/// <summary>
/// How many bytes a batch's chunk is likely to take, learned from the chunks before it: the most a
/// chunk's lines took on average, an eighth more. A chunk's buffer is rented that large rather than
/// grown to it by doubling and copying, chunk after chunk (a legal report's 512 lines take about
/// 3 MB; issue 27). Never below the first guess. Safe to share between workers: it is a guess, so a
/// stale read costs only a copy.
/// </summary>
/// <param name="firstGuessPerLine">The bytes a line is given before any chunk is done.</param>
internal sealed class ChunkBytes(int firstGuessPerLine)
{
    private int _perLine = firstGuessPerLine;

    /// <summary>The buffer to rent for <paramref name="lines"/> lines.</summary>
    public int For(int lines) => (int)Math.Min((long)lines * Volatile.Read(ref _perLine), Array.MaxLength);

    /// <summary>Learns from a chunk of <paramref name="lines"/> lines that took <paramref name="bytes"/>.</summary>
    public void Saw(int lines, int bytes)
    {
        var perLine = bytes / Math.Max(lines, 1);
        perLine += perLine / 8;
        var known = Volatile.Read(ref _perLine);
        while (perLine > known)
        {
            var was = Interlocked.CompareExchange(ref _perLine, perLine, known);
            if (was == known)
            {
                return;
            }

            known = was;
        }
    }
}
