using System.Text;
using System.Text.Unicode;

namespace DebtShield.App.Batches;

/// <summary>
/// The engine of every streaming batch: splits a byte stream into numbered chunks of non-blank
/// UTF-8 lines, computes the chunks on one thread a core, and hands each result to an ordered
/// step in input order.
/// </summary>
/// <remarks>
/// <para>
/// Each worker thread takes the next chunk (reading it under a lock), computes it and leaves the
/// result in the run's window. Whichever worker finishes the chunk whose turn it is runs the
/// ordered step (writing, and whatever must see the lines in input order) on it and on every
/// finished chunk after it; the others go straight on to the next chunk. So no worker waits for
/// another's chunk to be written: with a thread a core, both cores of a 2-core machine stay busy
/// (a worker that waited for its turn left its core idle whenever the chunk before its own ran
/// late, docs/benchmarks.md, issue 27). No thread-pool work item is made per chunk: on a loaded
/// machine the pool's workers spent about a quarter of a batch's CPU spinning while they waited
/// for work. At most two chunks a worker are read and not yet written, so memory stays flat
/// however large the file, and a slow ordered step holds back the reading.
/// </para>
/// <para>
/// Lines stay UTF-8 bytes from the file to the JSON reader: no string is made for a line. They
/// are read as <see cref="StreamReader.ReadLine"/> reads them, so results and line numbers do not
/// depend on how the file was read: a line ends at LF, CR LF or a lone CR; a UTF-8 byte-order
/// mark at the start is dropped; a UTF-16 or UTF-32 file (told by its byte-order mark) is
/// transcoded; bytes that are not UTF-8 become U+FFFD; a line of white space only (Unicode's
/// white space) is skipped, its number kept.
/// </para>
/// </remarks>
internal static class LineChunks
{
    private const int BlockSize = 1 << 16;

    /// <summary>
    /// Runs the batch: <paramref name="compute"/> on every chunk, in parallel, then
    /// <paramref name="inOrder"/> on each result in input order. The computation owns its chunk:
    /// the chunk's bytes go back to the pool when it returns. The task ends when every chunk is
    /// written, or with the first failure (the rest is not written).
    /// </summary>
    public static Task RunAsync<T>(
        Stream input,
        int chunkLines,
        Func<LineChunk, T> compute,
        Action<T> inOrder,
        CancellationToken cancellationToken) =>
        RunAsync(input, chunkLines, Environment.ProcessorCount, compute, inOrder, cancellationToken);

    /// <summary>As above, on <paramref name="workers"/> threads (tests fix the count a machine would choose).</summary>
    internal static Task RunAsync<T>(
        Stream input,
        int chunkLines,
        int workers,
        Func<LineChunk, T> compute,
        Action<T> inOrder,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        var run = new OrderedRun<T>(new LineSplitter(input, chunkLines), compute, inOrder, 2 * workers, cancellationToken);
        return run.Start(workers);
    }

    /// <summary>
    /// One batch's workers, their shared reader, and the window of chunks read and not yet
    /// written: a finished chunk waits there for its turn, and the worker that finishes the
    /// chunk whose turn it is writes it and every finished one after it.
    /// </summary>
    private sealed class OrderedRun<T>(LineSplitter lines, Func<LineChunk, T> compute, Action<T> inOrder, int window, CancellationToken cancellationToken)
    {
        private readonly Lock _reading = new();
        private readonly object _turns = new();
        private readonly T[] _finished = new T[window];
        private readonly bool[] _isFinished = new bool[window];
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _nextRead;
        private long _nextWrite;
        private bool _writing;
        private int _running;
        private Exception? _failure;

        public Task Start(int workers)
        {
            _running = workers;
            for (var i = 0; i < workers; i++)
            {
                new Thread(Work) { IsBackground = true, Name = "batch worker" }.Start();
            }

            return _done.Task;
        }

        private void Work()
        {
#pragma warning disable CA1031 // Any failure ends the batch: it is handed to the caller through the task.
            try
            {
                while (Next() is { } next)
                {
                    T result;
                    using (next.Chunk)
                    {
                        result = compute(next.Chunk);
                    }

                    Finish(next.Sequence, result);
                }
            }
            catch (Exception e)
            {
                Fail(e);
            }
#pragma warning restore CA1031

            if (Interlocked.Decrement(ref _running) == 0)
            {
                lines.Dispose();
                if (_failure is { } failure)
                {
                    _done.SetException(failure);
                }
                else
                {
                    _done.SetResult();
                }
            }
        }

        /// <summary>
        /// The next chunk and its place in the input, or <see langword="null"/> at the end or after a
        /// failure; waits while the window is full (the chunk whose turn it is still being computed).
        /// </summary>
        private (LineChunk Chunk, long Sequence)? Next()
        {
            lock (_reading)
            {
                lock (_turns)
                {
                    while (_nextRead - _nextWrite >= window && Volatile.Read(ref _failure) is null)
                    {
                        Monitor.Wait(_turns);
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (Volatile.Read(ref _failure) is not null || lines.Next() is not { } chunk)
                {
                    return null;
                }

                return (chunk, _nextRead++);
            }
        }

        /// <summary>
        /// Leaves <paramref name="result"/> in the window; if no worker is writing, writes every
        /// finished chunk from the one whose turn it is, outside the lock, so that the other
        /// workers can leave theirs meanwhile.
        /// </summary>
        private void Finish(long sequence, T result)
        {
            var slot = (int)(sequence % window);
            lock (_turns)
            {
                _finished[slot] = result;
                _isFinished[slot] = true;
                if (_writing)
                {
                    return;
                }

                _writing = true;
            }

            while (true)
            {
                T next;
                lock (_turns)
                {
                    var turn = (int)(_nextWrite % window);
                    if (!_isFinished[turn] || Volatile.Read(ref _failure) is not null)
                    {
                        _writing = false;
                        return;
                    }

                    next = _finished[turn];
                    _finished[turn] = default!;
                    _isFinished[turn] = false;
                }

                inOrder(next);
                lock (_turns)
                {
                    _nextWrite++;
                    Monitor.PulseAll(_turns);
                }
            }
        }

        private void Fail(Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
            lock (_turns)
            {
                Monitor.PulseAll(_turns);
            }
        }
    }

    /// <summary>Reads a stream into chunks of numbered lines, one chunk a call; not thread-safe.</summary>
    private sealed class LineSplitter(Stream input, int chunkLines) : IDisposable
    {
        private readonly byte[] _block = new byte[BlockSize];
        private readonly PooledBuffer _partial = new(1024);
        private Stream _input = input;

        // The next chunk's buffer is rented at the size the chunks so far took (issue 27).
        private readonly ChunkBytes _chunkBytes = new(256);
        private bool _opened;
        private bool _ended;
        private int _start;
        private int _filled;
        private long _lineNumber;
        private bool _afterCarriageReturn;

        /// <summary>The next chunk of lines, or <see langword="null"/> when the stream has no more.</summary>
        public LineChunk? Next()
        {
            if (!_opened)
            {
                Open();
            }

            var chunk = new LineChunk(chunkLines, _chunkBytes.For(chunkLines));
            while (chunk.Count < chunkLines && !_ended)
            {
                if (_start >= _filled)
                {
                    _filled = _input.Read(_block);
                    _start = 0;
                    if (_filled == 0)
                    {
                        End(chunk);
                        break;
                    }
                }

                if (_afterCarriageReturn && _block[_start] == (byte)'\n')
                {
                    _start++;
                }

                _afterCarriageReturn = false;
                SplitBlock(chunk);
            }

            if (chunk.Count > 0)
            {
                _chunkBytes.Saw(chunk.Count, chunk.ByteLength);
                return chunk;
            }

            chunk.Dispose();
            return null;
        }

        /// <summary>Adds lines of the block to <paramref name="chunk"/> until the block or the chunk is full.</summary>
        private void SplitBlock(LineChunk chunk)
        {
            var block = _block;
            while (_start < _filled && chunk.Count < chunkLines)
            {
                var end = block.AsSpan(_start, _filled - _start).IndexOfAny((byte)'\n', (byte)'\r');
                if (end < 0)
                {
                    _partial.Write(block.AsSpan(_start, _filled - _start));
                    _start = _filled;
                    return;
                }

                end += _start;
                _lineNumber++;
                if (_partial.Length > 0)
                {
                    _partial.Write(block.AsSpan(_start, end - _start));
                    chunk.Add(_lineNumber, _partial.WrittenSpan);
                    _partial.Truncate(0);
                }
                else
                {
                    chunk.Add(_lineNumber, block.AsSpan(_start, end - _start));
                }

                _start = end + 1;
                if (block[end] == (byte)'\r')
                {
                    if (_start < _filled && block[_start] == (byte)'\n')
                    {
                        _start++;
                    }
                    else if (_start == _filled)
                    {
                        _afterCarriageReturn = true;
                    }
                }
            }
        }

        /// <summary>The last line, if the stream does not end with a line end.</summary>
        private void End(LineChunk chunk)
        {
            _ended = true;
            if (_partial.Length > 0)
            {
                chunk.Add(_lineNumber + 1, _partial.WrittenSpan);
            }
        }

        public void Dispose() => _partial.Dispose();

        /// <summary>Drops a UTF-8 byte-order mark, or reads a UTF-16 or UTF-32 file through a transcoder to UTF-8.</summary>
        private void Open()
        {
            _opened = true;
            _filled = ReadAtLeast(_input, _block, 4);
            if (UnicodeFileEncoding(_block.AsSpan(0, _filled)) is { } other)
            {
                // A rare UTF-16 or UTF-32 file: read it as UTF-8 through a transcoder.
                var replay = new ReplayStream(_block.AsSpan(0, _filled).ToArray(), _input);
                replay.Skip(other.PreambleLength);
                _input = Encoding.CreateTranscodingStream(replay, other.Encoding, Encoding.UTF8, leaveOpen: true);
                _filled = 0;
            }
            else if (_block.AsSpan(0, _filled).StartsWith("\uFEFF"u8))
            {
                _start = 3;
            }
        }
    }

    private static int ReadAtLeast(Stream input, byte[] block, int minimum)
    {
        var filled = 0;
        while (filled < minimum)
        {
            var read = input.Read(block.AsSpan(filled));
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

    /// <summary>A chunk of at most <paramref name="capacity"/> lines.</summary>
    /// <param name="capacity">The most lines it holds.</param>
    /// <param name="bytes">How many bytes its lines are likely to take (<see cref="ChunkBytes"/>): its buffer is rented that large.</param>
    public LineChunk(int capacity, int bytes)
    {
        _lines = new (long, int, int)[capacity];
        _bytes = new PooledBuffer(bytes);
    }

    /// <summary>How many lines the chunk holds.</summary>
    public int Count { get; private set; }

    /// <summary>How many bytes its lines take.</summary>
    public int ByteLength => _bytes.Length;

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
