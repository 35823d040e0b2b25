using System.Text;
using System.Threading.Channels;

namespace DebtShield.App.Batches;

/// <summary>
/// The reading half of every streaming batch: splits a text stream into numbered chunks of
/// non-blank lines, computes each chunk on the thread pool, and hands the pending results over
/// in input order, at most 2 × cores at a time so a slow writer holds back the reader.
/// </summary>
internal static class LineChunks
{
    /// <summary>Starts reading; the caller awaits each result in order, then <c>Reading</c>.</summary>
    public static (ChannelReader<Task<T>> Results, Task Reading) Start<T>(
        Stream input,
        int chunkLines,
        Func<List<(long Line, string Text)>, T> compute,
        CancellationToken cancellationToken)
    {
        var inFlight = Channel.CreateBounded<Task<T>>(new BoundedChannelOptions(2 * Environment.ProcessorCount)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var reading = Task.Run(() => ReadAsync(input, chunkLines, compute, inFlight.Writer, cancellationToken), cancellationToken);
        return (inFlight.Reader, reading);
    }

    private static async Task ReadAsync<T>(
        Stream input,
        int chunkLines,
        Func<List<(long Line, string Text)>, T> compute,
        ChannelWriter<Task<T>> writer,
        CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
            long lineNumber = 0;
            var lines = new List<(long Line, string Text)>(chunkLines);
            while (await reader.ReadLineAsync(cancellationToken) is { } text)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                lines.Add((lineNumber, text));
                if (lines.Count == chunkLines)
                {
                    var full = lines;
                    await writer.WriteAsync(Task.Run(() => compute(full), cancellationToken), cancellationToken);
                    lines = new List<(long Line, string Text)>(chunkLines);
                }
            }

            if (lines.Count > 0)
            {
                await writer.WriteAsync(Task.Run(() => compute(lines), cancellationToken), cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }
}
