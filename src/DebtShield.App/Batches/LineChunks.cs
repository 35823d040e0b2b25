using System.Text;
using System.Text.Unicode;
using System.Threading.Channels;

namespace DebtShield.App.Batches;

/// <summary>
/// The reading half of every streaming batch: splits a byte stream into numbered chunks of
/// non-blank UTF-8 lines, computes each chunk on the thread pool, and hands the pending results
/// over in input order, at most 2 × cores at a time so a slow writer holds back the reader.
/// </summary>
/// <remarks>
/// Lines stay UTF-8 bytes from the file to the JSON reader: no string is made for a line. They
/// are read as <see cref="StreamReader.ReadLine"/> reads them, so results and line numbers do not
/// depend on how the file was read: a line ends at LF, CR LF or a lone CR; a UTF-8 byte-order
/// mark at the start is dropped; a UTF-16 or UTF-32 file (told by its byte-order mark) is
/// transcoded; bytes that are not UTF-8 become U+FFFD; a line of white space only (Unicode's
/// white space) is skipped, its number kept.
/// </remarks>
internal static class LineChunks
{
    private const int BlockSize = 1 << 16;

    /// <summary>
    /// Starts reading; the caller awaits each result in order, then <c>Reading</c>. The
    /// computation owns its chunk: the chunk's bytes go back to the pool when it returns.
    /// </summary>
    public static (ChannelReader<Task<T>> Results, Task Reading) Start<T>(
        Stream input,
        int chunkLines,
        Func<LineChunk, T> compute,
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
        Func<LineChunk, T> compute,
        ChannelWriter<Task<T>> writer,
        CancellationToken cancellationToken)
    {
        try
        {
            var block = new byte[BlockSize];
            var filled = await ReadAtLeastAsync(input, block, 4, cancellationToken);
            var start = 0;
            if (UnicodeFileEncoding(block.AsSpan(0, filled)) is { } other)
            {
                // A rare UTF-16 or UTF-32 file: read it as UTF-8 through a transcoder.
                await using var replay = new ReplayStream(block.AsMemory(0, filled), input);
                await using var utf8 = Encoding.CreateTranscodingStream(replay, other.Encoding, Encoding.UTF8, leaveOpen: true);
                replay.Skip(other.PreambleLength);
                await SplitAsync(utf8, block, 0, 0, chunkLines, compute, writer, cancellationToken);
            }
            else
            {
                if (block.AsSpan(0, filled).StartsWith("\uFEFF"u8))
                {
                    start = 3;
                }

                await SplitAsync(input, block, start, filled, chunkLines, compute, writer, cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }

    private static async Task SplitAsync<T>(
        Stream input,
        byte[] block,
        int start,
        int filled,
        int chunkLines,
        Func<LineChunk, T> compute,
        ChannelWriter<Task<T>> writer,
        CancellationToken cancellationToken)
    {
        using var partial = new PooledBuffer(1024);
        var chunk = new LineChunk(chunkLines);
        long lineNumber = 0;
        var afterCarriageReturn = false;
        while (true)
        {
            if (start >= filled)
            {
                filled = await input.ReadAsync(block, cancellationToken);
                start = 0;
                if (filled == 0)
                {
                    break;
                }
            }

            if (afterCarriageReturn && block[start] == (byte)'\n')
            {
                start++;
            }

            afterCarriageReturn = false;
            while (start < filled)
            {
                var end = block.AsSpan(start, filled - start).IndexOfAny((byte)'\n', (byte)'\r');
                if (end < 0)
                {
                    partial.Write(block.AsSpan(start, filled - start));
                    start = filled;
                    break;
                }

                end += start;
                lineNumber++;
                if (partial.Length > 0)
                {
                    partial.Write(block.AsSpan(start, end - start));
                    chunk.Add(lineNumber, partial.WrittenSpan);
                    partial.Truncate(0);
                }
                else
                {
                    chunk.Add(lineNumber, block.AsSpan(start, end - start));
                }

                start = end + 1;
                if (block[end] == (byte)'\r')
                {
                    if (start < filled && block[start] == (byte)'\n')
                    {
                        start++;
                    }
                    else if (start == filled)
                    {
                        afterCarriageReturn = true;
                    }
                }

                if (chunk.Count == chunkLines)
                {
                    await writer.WriteAsync(Dispatch(chunk, compute, cancellationToken), cancellationToken);
                    chunk = new LineChunk(chunkLines);
                }
            }
        }

        if (partial.Length > 0)
        {
            chunk.Add(lineNumber + 1, partial.WrittenSpan);
        }

        if (chunk.Count > 0)
        {
            await writer.WriteAsync(Dispatch(chunk, compute, cancellationToken), cancellationToken);
        }
        else
        {
            chunk.Dispose();
        }
    }

    private static Task<T> Dispatch<T>(LineChunk chunk, Func<LineChunk, T> compute, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using (chunk)
                {
                    return compute(chunk);
                }
            },
            cancellationToken);

    private static async Task<int> ReadAtLeastAsync(Stream input, byte[] block, int minimum, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < minimum)
        {
            var read = await input.ReadAsync(block.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    /// <summary>The encoding a UTF-16 or UTF-32 byte-order mark announces, as <see cref="StreamReader"/> detects it.</summary>
    private static (Encoding Encoding, int PreambleLength)? UnicodeFileEncoding(ReadOnlySpan<byte> start) => start switch
    {
        [0xFF, 0xFE, 0, 0, ..] => (Encoding.UTF32, 4),
        [0, 0, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: true), 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        _ => null,
    };

    /// <summary>The bytes already read, then the rest of the stream.</summary>
    private sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _head = head;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Skip(int count) => _head = _head[Math.Min(count, _head.Length)..];

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_head.IsEmpty)
            {
                return rest.Read(buffer);
            }

            var length = Math.Min(buffer.Length, _head.Length);
            _head.Span[..length].CopyTo(buffer);
            _head = _head[length..];
            return length;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _head.IsEmpty ? rest.ReadAsync(buffer, cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>
/// Numbered non-blank lines of a batch, as UTF-8 bytes in one pooled buffer. Owned by the
/// computation it is handed to and returned to the pool when that ends.
/// </summary>
internal sealed class LineChunk : IDisposable
{
    private readonly PooledBuffer _bytes;
    private readonly (long Number, int Start, int Length)[] _lines;

    public LineChunk(int capacity)
    {
        _lines = new (long, int, int)[capacity];
        _bytes = new PooledBuffer(capacity * 256);
    }

    /// <summary>How many lines the chunk holds.</summary>
    public int Count { get; private set; }

    /// <summary>The 1-based file line of the <paramref name="index"/>th line.</summary>
    public long Number(int index) => _lines[index].Number;

    /// <summary>The UTF-8 text of the <paramref name="index"/>th line, without its line end.</summary>
    public ReadOnlySpan<byte> Text(int index)
    {
        var (_, start, length) = _lines[index];
        return _bytes.WrittenSpan.Slice(start, length);
    }

    /// <summary>Adds a line unless it is blank; bytes that are not UTF-8 become U+FFFD as a text reader decodes them.</summary>
    public void Add(long number, ReadOnlySpan<byte> text)
    {
        if (IsBlank(text))
        {
            return;
        }

        var start = _bytes.Length;
        if (Utf8.IsValid(text))
        {
            _bytes.Write(text);
        }
        else
        {
            _bytes.Write(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(text)));
        }

        _lines[Count++] = (number, start, _bytes.Length - start);
    }

    public void Dispose() => _bytes.Dispose();

    /// <summary>White space only, in the sense of <see cref="string.IsNullOrWhiteSpace"/>.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> text)
    {
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(text, out var rune, out var length) != System.Buffers.OperationStatus.Done || !Rune.IsWhiteSpace(rune))
            {
                return false;
            }

            text = text[length..];
        }

        return true;
    }
}
