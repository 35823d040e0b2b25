using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DebtShield.App.Resources;

namespace DebtShield.App.Batches;

/// <summary>
/// Streams a JSON Lines file through a per-line computation on every core and writes one JSON
/// object per input line, in input order. Blank lines are skipped (their numbers are kept).
/// </summary>
/// <remarks>
/// Lines are read in chunks; each chunk is computed on the thread pool and finished chunks are
/// written in order. At most 2 × cores chunks are in flight, so memory stays flat however large
/// the file, and a slow writer holds back the reader.
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

        var (results, reading) = LineChunks.Start(input, ChunkLines, lines => Compute(lines, handle), cancellationToken);

        long read = 0, rejected = 0;
        await foreach (var pending in results.ReadAllAsync(cancellationToken))
        {
            var chunk = await pending;
            await output.WriteAsync(chunk.Output, cancellationToken);
            read += chunk.Read;
            rejected += chunk.Rejected;
        }

        await reading;
        await output.FlushAsync(cancellationToken);
        return new JsonLinesSummary(read, rejected);
    }

    private static Chunk Compute(List<(long Line, string Text)> lines, LineHandler handle)
    {
        var buffer = new ArrayBufferWriter<byte>(lines.Count * 1024);
        var lineBuffer = new ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(lineBuffer, ReportJsonContext.WriterOptions);
        var scratch = new byte[4096];
        long rejected = 0;
        foreach (var (line, text) in lines)
        {
            var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (needed > scratch.Length)
            {
                scratch = new byte[needed];
            }

            var length = Encoding.UTF8.GetBytes(text, scratch);
            if (!WriteLine(line, scratch.AsSpan(0, length), json, lineBuffer, handle))
            {
                rejected++;
            }

            buffer.Write(lineBuffer.WrittenSpan);
            buffer.Write("\n"u8);
        }

        return new Chunk(buffer.WrittenMemory, lines.Count - rejected, rejected);
    }

    /// <summary>
    /// Writes one line's result to <paramref name="lineBuffer"/>, alone, so that a line whose
    /// computation fails leaves no half-written object: it is replaced by an error object and the
    /// batch goes on.
    /// </summary>
    private static bool WriteLine(long line, ReadOnlySpan<byte> utf8Json, Utf8JsonWriter json, ArrayBufferWriter<byte> lineBuffer, LineHandler handle)
    {
        lineBuffer.ResetWrittenCount();
        json.Reset(lineBuffer);
#pragma warning disable CA1031 // A bug on one line must not cost the researcher the other million.
        try
        {
            var read = handle(line, utf8Json, json);
            json.Flush();
            return read;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            lineBuffer.ResetWrittenCount();
            json.Reset(lineBuffer);
            var message = string.Format(CultureInfo.CurrentCulture, AppText.Batch_LineFailed, e.GetType().Name + ": " + e.Message);
            JsonSerializer.Serialize(json, new LineError(line, message), ReportJsonContext.Default.LineError);
            json.Flush();
            return false;
        }
#pragma warning restore CA1031
    }

    private sealed record Chunk(ReadOnlyMemory<byte> Output, long Read, long Rejected);
}

/// <summary>How many lines a batch computed and how many it answered with an error.</summary>
/// <param name="Read">Lines computed.</param>
/// <param name="Rejected">Lines that could not be read.</param>
public sealed record JsonLinesSummary(long Read, long Rejected);

/// <summary>A batch line that could not be read.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Error">What is wrong with it, naming the field.</param>
public sealed record LineError(long Line, string Error);
