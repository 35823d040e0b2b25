namespace DebtShield.Core;

/// <summary>
/// A read-only view of a stream that yields at most <see cref="Limit"/> bytes and fails beyond:
/// what keeps a compressed input (a gzip backup, a zip part) from inflating without end, whatever
/// its small size on disk promised. It does no I/O of its own; the caller owns the stream given.
/// </summary>
/// <param name="inner">The stream read (usually a decompressing one).</param>
/// <param name="limit">The most bytes it may yield.</param>
public sealed class BoundedStream(Stream inner, long limit) : Stream
{
    private long read;

    /// <summary>The most bytes this stream yields.</summary>
    public long Limit { get; } = limit >= 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit));

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position { get => read; set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer[..Ask(buffer.Length)]));

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer[..Ask(buffer.Length)], cancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>How much to ask for: one byte more than the limit allows, so that a stream ending exactly at the limit is not refused.</summary>
    private int Ask(int wanted) => (int)Math.Min(wanted, Limit - read + 1);

    private int Count(int bytes)
    {
        read += bytes;
        return read > Limit ? throw new InputTooLargeException(Limit) : bytes;
    }
}

/// <summary>A bounded input went past its limit; each reader words it for the person.</summary>
/// <param name="limit">The limit, in bytes.</param>
public sealed class InputTooLargeException(long limit) : IOException($"More than {limit} bytes.")
{
    /// <summary>The limit passed, in bytes.</summary>
    public long Limit { get; } = limit;
}
