using System.Security.Cryptography;

namespace DebtShield.Core.Evidence;

/// <summary>
/// A SHA-256 digest: how an attachment is addressed and how an evidence entry is chained to the
/// one before it. Written as 64 lower-case hex digits, the form <c>sha256sum</c> prints, so anyone
/// can check a hash with standard tools.
/// </summary>
public readonly record struct ContentHash
{
    private readonly string? _hex;

    private ContentHash(string hex) => _hex = hex;

    /// <summary>The chain's starting point: 64 zeros, the "previous" of the first entry.</summary>
    public static ContentHash Genesis { get; } = new(new string('0', 64));

    /// <summary>The digest as 64 lower-case hex digits.</summary>
    public string Hex => _hex ?? Genesis._hex!;

    /// <summary>The SHA-256 of <paramref name="content"/>.</summary>
    public static ContentHash Of(ReadOnlySpan<byte> content) => new(Convert.ToHexStringLower(SHA256.HashData(content)));

    /// <summary>The SHA-256 of everything <paramref name="content"/> still holds.</summary>
    public static ContentHash Of(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new(Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>Reads 64 hex digits (either case).</summary>
    public static bool TryParse(string? text, out ContentHash hash)
    {
        hash = default;
        if (text is not { Length: 64 } || !text.All(Uri.IsHexDigit))
        {
            return false;
        }

        hash = new(text.ToLowerInvariant());
        return true;
    }

    /// <summary>Reads 64 hex digits.</summary>
    /// <exception cref="FormatException">The text is not a SHA-256 digest.</exception>
    public static ContentHash Parse(string text) =>
        TryParse(text, out var hash) ? hash : throw new FormatException("Not a SHA-256 digest: " + text);

    /// <inheritdoc />
    public override string ToString() => Hex;
}
