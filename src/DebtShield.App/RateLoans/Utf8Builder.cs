using System.Buffers;
using System.Globalization;
using System.Text;

namespace DebtShield.App.RateLoans;

/// <summary>
/// UTF-8 text put together piece by piece in a buffer the caller gives (usually on the stack),
/// moving to a pooled array only when it outgrows it: the batch words a report's steps and
/// verdict without a string, a boxed value or a composite-format parse each.
/// </summary>
/// <remarks>
/// The UTF-8 counterpart of the runtime's internal <c>ValueStringBuilder</c>. Dispose it to give
/// back a pooled array.
/// </remarks>
internal ref struct Utf8Builder
{
    /// <summary>The most a piece of text may grow to: a report's sentence is a few KB at most.</summary>
    private const int Largest = 1 << 20;

    private byte[]? _pooled;
    private Span<byte> _bytes;
    private int _length;

    /// <summary>A builder that writes into <paramref name="initial"/> until it is full.</summary>
    public Utf8Builder(Span<byte> initial)
    {
        _bytes = initial;
        _pooled = null;
        _length = 0;
    }

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _bytes[.._length];

    /// <summary>How many bytes are written.</summary>
    public readonly int Length => _length;

    /// <summary>Appends UTF-8 text as it is.</summary>
    public void Append(scoped ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _bytes.Length - _length)
        {
            Grow(utf8.Length);
        }

        utf8.CopyTo(_bytes[_length..]);
        _length += utf8.Length;
    }

    /// <summary>Appends <paramref name="text"/>, encoded (for the rare value that is not already UTF-8).</summary>
    public void Append(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = Encoding.UTF8.GetByteCount(text);
        if (count > _bytes.Length - _length)
        {
            Grow(count);
        }

        _length += Encoding.UTF8.GetBytes(text, _bytes[_length..]);
    }

    /// <summary>Appends <paramref name="value"/> as it formats itself with <paramref name="format"/> in the invariant culture.</summary>
    public void Append<T>(T value, scoped ReadOnlySpan<char> format = default)
        where T : IUtf8SpanFormattable
    {
        int written;
        while (!value.TryFormat(_bytes[_length..], out written, format, CultureInfo.InvariantCulture))
        {
            Grow(Math.Max(64, _bytes.Length));
        }

        _length += written;
    }

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Clear() => _length = 0;

    /// <summary>Gives back the pooled array, if one was taken.</summary>
    public void Dispose()
    {
        if (_pooled is { } pooled)
        {
            _pooled = null;
            ArrayPool<byte>.Shared.Return(pooled);
        }
    }

    private void Grow(int atLeast)
    {
        var size = Math.Max(_bytes.Length * 2, _length + atLeast);
        if (size > Largest)
        {
            throw new InvalidOperationException($"A report's text grew past {Largest} bytes.");
        }

        var larger = ArrayPool<byte>.Shared.Rent(size);
        _bytes[.._length].CopyTo(larger);
        if (_pooled is { } old)
        {
            ArrayPool<byte>.Shared.Return(old);
        }

        _pooled = larger;
        _bytes = larger;
    }
}
