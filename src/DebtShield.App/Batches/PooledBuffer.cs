using System.Buffers;

namespace DebtShield.App.Batches;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/>: a batch chunk's input or
/// output without a fresh large array for every chunk. Return it with <see cref="Dispose"/>
/// once written out; it must not be used after that.
/// </summary>
internal sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _array;

    public PooledBuffer(int capacity) => _array = ArrayPool<byte>.Shared.Rent(capacity);

    /// <summary>How many bytes have been written.</summary>
    public int Length { get; private set; }

    /// <summary>What has been written.</summary>
    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, Length);

    /// <summary>What has been written, as a span.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, Length);

    /// <summary>Forgets everything written after the first <paramref name="length"/> bytes (a line that failed).</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Length);
        Length = length;
    }

    /// <summary>Appends <paramref name="bytes"/>.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        Length += bytes.Length;
    }

    public void Advance(int count) => Length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(Length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(Length);
    }

    public void Dispose()
    {
        var array = _array;
        _array = [];
        Length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = Length + Math.Max(sizeHint, 1);
        if (needed <= _array.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
        _array.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }
}
