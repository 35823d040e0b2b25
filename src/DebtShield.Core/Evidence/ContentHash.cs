using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace DebtShield.Core.Evidence;

/// <summary>
/// A SHA-256 digest: how an attachment is addressed and how an evidence entry is chained to the
/// one before it. Written as 64 lower-case hex digits, the form <c>sha256sum</c> prints, so anyone
/// can check a hash with standard tools. Held as 32 bytes in place, so a chain of 100,000 entries
/// does not carry 100,000 hex strings.
/// </summary>
public readonly record struct ContentHash
{
    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    private ContentHash(ReadOnlySpan<byte> digest)
    {
        _a = BinaryPrimitives.ReadUInt64BigEndian(digest);
        _b = BinaryPrimitives.ReadUInt64BigEndian(digest[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(digest[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(digest[24..]);
    }

    /// <summary>The chain's starting point: 64 zeros, the "previous" of the first entry.</summary>
    public static ContentHash Genesis => default;

    /// <summary>The digest as 64 lower-case hex digits.</summary>
    public string Hex => string.Create(CultureInfo.InvariantCulture, $"{_a:x16}{_b:x16}{_c:x16}{_d:x16}");

    /// <summary>The SHA-256 of <paramref name="content"/>.</summary>
    public static ContentHash Of(ReadOnlySpan<byte> content)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, digest);
        return new ContentHash(digest);
    }

    /// <summary>The SHA-256 of everything <paramref name="content"/> still holds.</summary>
    public static ContentHash Of(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new ContentHash(SHA256.HashData(content));
    }

    /// <summary>Reads 64 hex digits (either case).</summary>
    public static bool TryParse(string? text, out ContentHash hash)
    {
        hash = default;
        if (text is not { Length: 64 } || !text.All(Uri.IsHexDigit))
        {
            return false;
        }

        hash = new ContentHash(Convert.FromHexString(text));
        return true;
    }

    /// <summary>Reads 64 hex digits.</summary>
    /// <exception cref="FormatException">The text is not a SHA-256 digest.</exception>
    public static ContentHash Parse(string text) =>
        TryParse(text, out var hash) ? hash : throw new FormatException("Not a SHA-256 digest: " + text);

    /// <inheritdoc />
    public override string ToString() => Hex;
}
