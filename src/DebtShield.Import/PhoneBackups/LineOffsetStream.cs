namespace DebtShield.Import.PhoneBackups;

/// <summary>
/// A read-only pass-through that remembers where each line starts, so a break found by the XML
/// reader (line and column) can be reported as a byte offset the user can seek to.
/// </summary>
internal sealed class LineOffsetStream(Stream inner) : Stream
{
    private readonly List<long> _lineStarts = [0];
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        for (var i = 0; i < read; i++)
        {
            if (buffer[i] == (byte)'\n')
            {
                _lineStarts.Add(_position + i + 1);
            }
        }

        _position += read;
        return read;
    }

    /// <summary>
    /// The byte offset of a line and 1-based character column: exact when the underlying stream
    /// can seek back to read that line, else the start of the line.
    /// </summary>
    public long ByteOffset(long line, long column)
    {
        if (line < 1 || line > _lineStarts.Count)
        {
            return _position;
        }

        var start = _lineStarts[(int)(line - 1)];
        if (!inner.CanSeek || column <= 1)
        {
            return start;
        }

        var saved = inner.Position;
        try
        {
            inner.Position = start;
            var bytes = new byte[(int)Math.Min((column - 1) * 4, 1 << 20)];
            var length = inner.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            var decoder = System.Text.Encoding.UTF8.GetDecoder();
            var chars = new char[2];
            var seen = 0L;
            for (var i = 0; i < length && seen < column - 1; i++)
            {
                seen += decoder.GetChars(bytes, i, 1, chars, 0);
                if (seen >= column - 1)
                {
                    return start + i + 1;
                }
            }

            return start + length;
        }
        finally
        {
            inner.Position = saved;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
