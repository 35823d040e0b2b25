using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using DebtShield.Core.Rates;
using DebtShield.Import.LoanFiles;

namespace DebtShield.App.RateLoans;

/// <summary>
/// Use case: the true cost of every loan in a JSONL file (one loan file a line), for researchers
/// with millions of loans. Writes one report per line, in input order, with <c>line</c>; a line
/// that cannot be read gets <c>{"line":N,"error":"…"}</c> and the rest go on.
/// </summary>
/// <remarks>
/// Streaming and parallel: lines are read in chunks, each chunk is computed on the thread pool,
/// and finished chunks are written in order. At most <c>2 × cores</c> chunks are in flight, so
/// memory stays flat however large the file.
/// </remarks>
public static class RateLoanBatch
{
    private const int ChunkLines = 2048;

    /// <summary>Processes every line of <paramref name="input"/> and writes the results to <paramref name="output"/>.</summary>
    public static async Task<RateLoanBatchSummary> RunAsync(Stream input, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);

        var inFlight = Channel.CreateBounded<Task<ChunkResult>>(new BoundedChannelOptions(2 * Environment.ProcessorCount)
        {
            SingleReader = true,
            SingleWriter = true,
        });

        var producer = Task.Run(() => ProduceAsync(input, inFlight.Writer, cancellationToken), cancellationToken);

        long loans = 0, errors = 0;
        await foreach (var chunk in inFlight.Reader.ReadAllAsync(cancellationToken))
        {
            var result = await chunk;
            await output.WriteAsync(result.Output, cancellationToken);
            loans += result.Loans;
            errors += result.Errors;
        }

        await producer;
        await output.FlushAsync(cancellationToken);
        return new RateLoanBatchSummary(loans, errors);
    }

    private static async Task ProduceAsync(Stream input, ChannelWriter<Task<ChunkResult>> writer, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
            long lineNumber = 0;
            var chunk = new List<(long Line, string Text)>(ChunkLines);
            while (await reader.ReadLineAsync(cancellationToken) is { } text)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                chunk.Add((lineNumber, text));
                if (chunk.Count == ChunkLines)
                {
                    var full = chunk;
                    await writer.WriteAsync(Task.Run(() => Process(full), cancellationToken), cancellationToken);
                    chunk = new List<(long Line, string Text)>(ChunkLines);
                }
            }

            if (chunk.Count > 0)
            {
                await writer.WriteAsync(Task.Run(() => Process(chunk), cancellationToken), cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }

    private static ChunkResult Process(List<(long Line, string Text)> lines)
    {
        var buffer = new ArrayBufferWriter<byte>(lines.Count * 700);
        using var json = new Utf8JsonWriter(buffer, RateLoanJsonContext.WriterOptions);
        var scratch = new byte[4096];
        long errors = 0;
        foreach (var (line, text) in lines)
        {
            var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (needed > scratch.Length)
            {
                scratch = new byte[needed];
            }

            var length = Encoding.UTF8.GetBytes(text, scratch);
            var reading = LoanFileReader.Read(scratch.AsSpan(0, length), "line-" + line.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (reading.Succeeded)
            {
                var report = RateLoanReport.From(TrueCost.Of(reading.Loan)) with { Line = line };
                JsonSerializer.Serialize(json, report, RateLoanJsonContext.Default.RateLoanReport);
            }
            else
            {
                errors++;
                var message = string.Join("; ", reading.Errors.Select(e => e.Describe(string.Empty).TrimStart(' ', '：', ':')));
                JsonSerializer.Serialize(json, new RateLoanLineError(line, message), RateLoanJsonContext.Default.RateLoanLineError);
            }

            json.Flush();
            json.Reset();
            buffer.Write("\n"u8);
        }

        return new ChunkResult(buffer.WrittenMemory, lines.Count - errors, errors);
    }

    private sealed record ChunkResult(ReadOnlyMemory<byte> Output, long Loans, long Errors);
}

/// <summary>How many lines a batch computed and how many it could not read.</summary>
/// <param name="Loans">Lines computed.</param>
/// <param name="Errors">Lines that could not be read.</param>
public sealed record RateLoanBatchSummary(long Loans, long Errors);
