using System.Globalization;
using System.Text.Json;
using DebtShield.App.Resources;

namespace DebtShield.App.Batches;

/// <summary>
/// Streams a JSON Lines file through a per-line computation on every core and writes one JSON
/// object per input line, in input order. Blank lines are skipped (their numbers are kept).
/// </summary>
/// <remarks>
/// Lines are read in chunks; each chunk is computed on one of a thread a core and finished chunks
/// are written in order by whichever worker finishes the chunk whose turn it is, while the others
/// go on computing (<see cref="LineChunks"/>). At most two chunks a core are in flight, so memory
/// stays flat however large the file, and a slow writer holds back the reader.
/// </remarks>
public static class JsonLinesBatch
{
    /// <summary>
    /// Lines per chunk: enough to amortise scheduling, few enough that a chunk's output (up to a
    /// few KB a line for a legal report) stays a modest buffer.
    /// </summary>
    private const int ChunkLines = 512;

    /// <summary>
    /// Computes one line: write exactly one JSON value to the writer, and return whether the line
    /// was read (<see langword="true"/>) or answered with an error object (<see langword="false"/>).
    /// </summary>
    public delegate bool LineHandler(long line, ReadOnlySpan<byte> utf8Json, Utf8JsonWriter output);

    /// <summary>Runs <paramref name="handle"/> over every line of <paramref name="input"/>.</summary>
    public static async Task<JsonLinesSummary> RunAsync(Stream input, Stream output, LineHandler handle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(handle);

        long read = 0, rejected = 0;
        var outputs = new ChunkBytes(1024);
        await LineChunks.RunAsync(
            input,
            ChunkLines,
            lines => Compute(lines, handle, outputs),
            chunk =>
            {
                using (chunk.Output)
                {
                    output.Write(chunk.Output.WrittenSpan);
                }

                read += chunk.Read;
                rejected += chunk.Rejected;
            },
            cancellationToken);
        await output.FlushAsync(cancellationToken);
        return new JsonLinesSummary(read, rejected);
    }

    private static Chunk Compute(LineChunk lines, LineHandler handle, ChunkBytes outputs)
    {
        var buffer = new PooledBuffer(outputs.For(lines.Count));
        using var json = new Utf8JsonWriter(buffer, ReportJsonContext.WriterOptions);
        long rejected = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!WriteLine(lines.Number(i), lines.Text(i), json, buffer, handle))
            {
                rejected++;
            }

            buffer.Write("\n"u8);
        }

        outputs.Saw(lines.Count, buffer.Length);
        return new Chunk(buffer, lines.Count - rejected, rejected);
    }

    /// <summary>
    /// Writes one line's result to <paramref name="buffer"/> so that a line whose computation fails
    /// leaves no half-written object: what it wrote is cut off, it is replaced by an error object
    /// and the batch goes on.
    /// </summary>
    private static bool WriteLine(long line, ReadOnlySpan<byte> utf8Json, Utf8JsonWriter json, PooledBuffer buffer, LineHandler handle)
    {
        var start = buffer.Length;
        json.Reset(buffer);
#pragma warning disable CA1031 // A bug on one line must not cost the researcher the other million.
        try
        {
            var read = handle(line, utf8Json, json);
            json.Flush();
            return read;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            json.Reset(buffer);
            buffer.Truncate(start);
            var message = string.Format(CultureInfo.CurrentCulture, AppText.Batch_LineFailed, e.GetType().Name + ": " + e.Message);
            WriteLineError(json, line, message);
            json.Flush();
            return false;
        }
#pragma warning restore CA1031
    }

    /// <summary>
    /// Writes the answer to a line that could not be read or computed, <c>{"line":N,"error":"…"}</c>,
    /// in place of its report: the line's problems (<see cref="Core.Reading.ReadingProblem"/>s) worded
    /// as one, since a batch answers every line with one object.
    /// </summary>
    /// <param name="json">The batch's writer.</param>
    /// <param name="line">The 1-based line of the input.</param>
    /// <param name="error">What is wrong with it, naming the field.</param>
    public static void WriteLineError(Utf8JsonWriter json, long line, string error)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteNumber("line", line);
        json.WriteString("error", error);
        json.WriteEndObject();
    }

    private sealed record Chunk(PooledBuffer Output, long Read, long Rejected);
}

/// <summary>How many lines a batch computed and how many it answered with an error.</summary>
/// <param name="Read">Lines computed.</param>
/// <param name="Rejected">Lines that could not be read.</param>
public sealed record JsonLinesSummary(long Read, long Rejected);

