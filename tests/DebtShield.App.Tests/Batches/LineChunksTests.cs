using System.Text;
using DebtShield.App.Batches;

namespace DebtShield.App.Tests.Batches;

public sealed class LineChunksTests
{
    [Fact]
    public async Task RunAsync_ChunkBeforeOthersRunsLate_OtherWorkersGoOnComputing()
    {
        // Given two workers and chunks of one line, where the first chunk cannot finish until the
        // third has been computed (a worker that waited for its turn to write would never get there).
        using var thirdComputed = new ManualResetEventSlim();
        var firstSawThird = false;
        var written = new List<long>();

        // When
        await LineChunks.RunAsync(
            Input(4),
            chunkLines: 1,
            workers: 2,
            chunk =>
            {
                var line = chunk.Number(0);
                if (line == 1)
                {
                    firstSawThird = thirdComputed.Wait(TimeSpan.FromSeconds(5));
                }
                else if (line == 3)
                {
                    thirdComputed.Set();
                }

                return line;
            },
            written.Add,
            CancellationToken.None);

        // Then the third chunk was computed while the first was still running, and all were written in order.
        Assert.True(firstSawThird);
        Assert.Equal([1L, 2, 3, 4], written);
    }

    [Fact]
    public async Task RunAsync_ChunksFinishingOutOfOrder_WritesEachLineOnceInInputOrderWithTwoChunksAWorkerAtMost()
    {
        // Given three workers, chunks of seven lines, and computations of uneven length.
        const int Workers = 3;
        var inFlight = 0;
        var mostInFlight = 0;
        var written = new List<long>();

        // When
        await LineChunks.RunAsync(
            Input(3_000),
            chunkLines: 7,
            workers: Workers,
            chunk =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref mostInFlight, now);
                var lines = new long[chunk.Count];
                for (var i = 0; i < chunk.Count; i++)
                {
                    lines[i] = chunk.Number(i);
                }

                Thread.Sleep((int)(lines[0] * 7919 % 3));
                return lines;
            },
            lines =>
            {
                written.AddRange(lines);
                Interlocked.Decrement(ref inFlight);
            },
            CancellationToken.None);

        // Then
        Assert.Equal(Enumerable.Range(1, 3_000).Select(n => (long)n), written);
        Assert.InRange(mostInFlight, 1, 2 * Workers);
    }

    [Fact]
    public async Task RunAsync_OrderedStepFails_EndsWithThatFailureAndWritesNothingAfter()
    {
        // Given an ordered step that fails on the chunk of line 40.
        var written = new List<long>();

        // When
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => LineChunks.RunAsync(
            Input(200),
            chunkLines: 10,
            workers: 2,
            chunk => chunk.Number(0),
            first =>
            {
                if (first == 31)
                {
                    throw new InvalidOperationException("line 31's chunk");
                }

                written.Add(first);
            },
            CancellationToken.None));

        // Then
        Assert.Equal("line 31's chunk", failure.Message);
        Assert.Equal([1L, 11, 21], written);
    }

    private static MemoryStream Input(int lines)
    {
        var text = new StringBuilder();
        for (var n = 1; n <= lines; n++)
        {
            text.Append('{').Append(n).Append("}\n");
        }

        return new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void InterlockedMax(ref int most, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref most)) && Interlocked.CompareExchange(ref most, value, seen) != seen)
        {
        }
    }
}
