using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DebtShield.App.Batches;
using DebtShield.App.Resources;
using DebtShield.Core.Conduct;

namespace DebtShield.App.ClassifyMessages;

/// <summary>
/// Use case: classify every message of a stream, one a line (JSON Lines, or plain text with
/// <see cref="ClassifyInput.PlainText"/>), for a borrower's exported chat or a researcher's
/// million messages. Writes one result per non-blank line, in input order, with <c>line</c>; a
/// line that cannot be read gets <c>{"line":N,"error":"…"}</c> and the rest go on.
/// </summary>
/// <remarks>
/// Lines are read and analysed in chunks by <see cref="LineChunks"/>, as every batch is, so
/// memory stays flat. Daily call limits depend on the calls before, and flooding on the sender's texts
/// of the hour before, so calls with a time, and texts with a time and a sender, are counted in input
/// order when their chunk is written. Their words are read on every core with the other lines
/// (<see cref="ConductAnalyzer.Read"/>); the ordered step only counts, completes the analysis with the
/// count and writes it, so nothing is read twice.
/// </remarks>
public static class ClassifyMessageBatch
{
    private const int ChunkLines = 4096;

    /// <summary>
    /// The bytes a result is given before any chunk is done: a line with no finding takes about 55, one with findings
    /// several hundred (each finding writes its explanation and citations); <see cref="ChunkBytes"/> learns the rest.
    /// </summary>
    private const int FirstGuessPerLine = 160;

    /// <summary>Classifies every line of <paramref name="input"/> and writes the results to <paramref name="output"/>.</summary>
    public static async Task<ClassifyBatchSummary> RunAsync(Stream input, Stream output, ClassifyInput format = ClassifyInput.JsonLines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var analyzer = ClassifyMessage.Analyzer;
        var counter = new DailyContactCounter(analyzer.Policy);
        var textsOfHour = new HourlyMessageCounter();
        long messages = 0, errors = 0;
        var outputs = new ChunkBytes(FirstGuessPerLine);

        // A chunk with counted lines is put together here and written with one call, not a few bytes at a time.
        var assembled = new ArrayBufferWriter<byte>(1 << 20);
        await using var assembledJson = new Utf8JsonWriter(assembled, ClassifyMessage.WriterOptions);
        await LineChunks.RunAsync(
            input,
            ChunkLines,
            lines => Process(lines, format, analyzer, outputs),
            result =>
            {
                using var chunkOutput = result.Output;
                var finished = chunkOutput.WrittenSpan;
                if (result.Calls.Count == 0)
                {
                    output.Write(finished);
                }
                else
                {
                    assembled.ResetWrittenCount();
                    var written = 0;
                    foreach (var call in result.Calls)
                    {
                        // Everything before this call is final; then the call, completed with its count.
                        assembled.Write(finished[written..call.Offset]);
                        written = call.Offset;
                        var line = call.Line;
                        var message = line.Message.Channel == ContactChannel.Message
                            ? line.Message with { MessagesThisHour = textsOfHour.Count(line.From, line.Message.Time!.Value) }
                            : line.Message with { ContactNumberToday = counter.Count(line.From, line.Message.Time!.Value, line.Message.Channel) };
                        assembledJson.Reset();
                        ClassifyMessage.Write(assembledJson, call.LineNumber, line.Id, analyzer.Analyze(call.Reading, message));
                        assembledJson.Flush();
                        assembled.Write("\n"u8);
                    }

                    assembled.Write(finished[written..]);
                    output.Write(assembled.WrittenSpan);
                }

                messages += result.Messages;
                errors += result.Errors;
            },
            cancellationToken);
        await output.FlushAsync(cancellationToken);
        return new ClassifyBatchSummary(messages, errors);
    }

    private static ChunkResult Process(LineChunk lines, ClassifyInput format, ConductAnalyzer analyzer, ChunkBytes outputs)
    {
        var buffer = new PooledBuffer(outputs.For(lines.Count));
        using var json = new Utf8JsonWriter(buffer, ClassifyMessage.WriterOptions);
        var calls = new List<PendingCall>();
        long errors = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var lineNumber = lines.Number(i);
            var text = lines.Text(i);
            var start = buffer.Length;
            json.Reset(buffer);
#pragma warning disable CA1031 // A bug on one line must not cost the user the rest of their evidence.
            try
            {
                string? error = null;
                var line = format == ClassifyInput.PlainText
                    ? MessageLine.Plain(Encoding.UTF8.GetString(text))
                    : MessageLine.Parse(text, out error);
                if (line is null)
                {
                    errors++;
                    ClassifyMessage.WriteError(json, lineNumber, error!);
                }
                else if (line.Message.Time is not null && (line.Message.Channel != ContactChannel.Message || line.From.Length > 0))
                {
                    // A call's count of the day, and a text's count of its hour, are known only in
                    // input order: its words are read here, and the writer completes it with its count.
                    calls.Add(new PendingCall(start, lineNumber, line, analyzer.Read(line.Message)));
                    continue;
                }
                else
                {
                    ClassifyMessage.Write(json, lineNumber, line.Id, analyzer.Analyze(line.Message));
                }

                json.Flush();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                errors++;
                json.Reset(buffer);
                buffer.Truncate(start);
                ClassifyMessage.WriteError(json, lineNumber, string.Format(CultureInfo.CurrentCulture, AppText.Batch_LineFailed, e.GetType().Name + ": " + e.Message));
                json.Flush();
            }
#pragma warning restore CA1031

            buffer.Write("\n"u8);
        }

        outputs.Saw(lines.Count, buffer.Length);
        return new ChunkResult(buffer, calls, lines.Count - errors, errors);
    }

    private sealed record PendingCall(int Offset, long LineNumber, MessageLine Line, ConductReading Reading);

    private sealed record ChunkResult(PooledBuffer Output, List<PendingCall> Calls, long Messages, long Errors);
}

/// <summary>What each input line holds.</summary>
public enum ClassifyInput
{
    /// <summary>One JSON object a line: <see cref="MessageLine"/>.</summary>
    JsonLines,

    /// <summary>One message text a line.</summary>
    PlainText,
}

/// <summary>How many lines a batch classified and how many it could not read.</summary>
/// <param name="Messages">Lines classified.</param>
/// <param name="Errors">Lines that could not be read.</param>
public sealed record ClassifyBatchSummary(long Messages, long Errors);
