using System.Security.Cryptography;
using System.Text;
using DebtShield.Core.Evidence;

namespace DebtShield.Data.Protection;

/// <summary>
/// Seals and opens the ledger's sensitive text (names, phone numbers, ID numbers, free text) with
/// AES-256-GCM under the ledger's data key, so a lost laptop or a copied database file does not
/// expose the borrower or their contacts. An unprotected ledger uses <see cref="None"/>, which
/// stores text as it is.
/// </summary>
/// <remarks>
/// A sealed value is <c>v1:</c> followed by base64 of a fresh 12-byte nonce, the ciphertext and
/// the 16-byte tag. The column's name is the associated data, so a sealed value moved to another
/// column does not open.
/// </remarks>
public sealed class LedgerCipher
{
    private const string Prefix = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private static readonly byte[] FingerprintKeyLabel = "debtshield.fingerprint-key.v1"u8.ToArray();
    private static readonly byte[] AttachmentNameKeyLabel = "debtshield.attachment-name-key.v1"u8.ToArray();

    private readonly byte[]? _dataKey;
    private readonly byte[]? _fingerprintKey;
    private readonly byte[]? _attachmentNameKey;

    private LedgerCipher(byte[]? dataKey)
    {
        _dataKey = dataKey;
        _fingerprintKey = dataKey is null ? null : HKDF.Expand(HashAlgorithmName.SHA256, dataKey, 32, FingerprintKeyLabel);
        _attachmentNameKey = dataKey is null ? null : HKDF.Expand(HashAlgorithmName.SHA256, dataKey, 32, AttachmentNameKeyLabel);
    }

    /// <summary>The cipher of an unprotected ledger: text is stored as it is.</summary>
    public static LedgerCipher None { get; } = new(null);

    /// <summary>True when values are sealed.</summary>
    public bool IsProtected => _dataKey is not null;

    internal static LedgerCipher WithKey(byte[] dataKey) => new(dataKey);

    internal byte[] DataKey => _dataKey ?? throw new InvalidOperationException("The ledger is not protected.");

    /// <summary>Turns text into what is stored in <paramref name="column"/>.</summary>
    public string? Seal(string? text, string column)
    {
        if (text is null || _dataKey is null)
        {
            return text;
        }

        var plain = Encoding.UTF8.GetBytes(text);
        var sealedBytes = SealBytes(_dataKey, plain, Encoding.UTF8.GetBytes(column));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>Turns what is stored in <paramref name="column"/> back into text.</summary>
    /// <exception cref="LedgerException">The stored value is not a value this key sealed for that column.</exception>
    public string? Open(string? stored, string column)
    {
        if (stored is null || _dataKey is null)
        {
            return stored;
        }

        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new LedgerException(LedgerProblem.SealedValueDamaged, column);
        }

        try
        {
            var sealedBytes = Convert.FromBase64String(stored[Prefix.Length..]);
            var plain = OpenBytes(_dataKey, sealedBytes, Encoding.UTF8.GetBytes(column));
            return plain is null ? throw new LedgerException(LedgerProblem.SealedValueDamaged, column) : Encoding.UTF8.GetString(plain);
        }
        catch (FormatException)
        {
            throw new LedgerException(LedgerProblem.SealedValueDamaged, column);
        }
    }

    /// <summary>
    /// The fingerprint an incident is stored under, to recognise it when it is imported again: its
    /// plain SHA-256 in an unprotected ledger, an HMAC-SHA-256 under a key derived from the data key
    /// in a protected one, so that a guessed message cannot be confirmed against a copied file.
    /// </summary>
    public ContentHash Fingerprint(Incident incident) =>
        _fingerprintKey is null
            ? EvidenceRecord.Fingerprint(incident)
            : ContentHash.Parse(Convert.ToHexStringLower(HMACSHA256.HashData(_fingerprintKey, EvidenceRecord.Incident(incident))));

    /// <summary>
    /// The name an attachment is stored under, its file's name and its row's key: the SHA-256 of its
    /// content in an unprotected ledger; in a protected one an HMAC-SHA-256 of that hash under a
    /// second key derived from the data key, so that a known picture cannot be confirmed against a
    /// copied file or table. The chain and the bundle keep the plain hash (a third party checks
    /// it); only what is stored is keyed.
    /// </summary>
    public ContentHash AttachmentName(ContentHash content)
    {
        if (_attachmentNameKey is null)
        {
            return content;
        }

        Span<byte> plain = stackalloc byte[32];
        Convert.FromHexString(content.Hex, plain, out _, out _);
        return ContentHash.Parse(Convert.ToHexStringLower(HMACSHA256.HashData(_attachmentNameKey, plain)));
    }

    /// <summary>Seals a file's bytes for <paramref name="context"/>; returns them as they are when unprotected.</summary>
    public byte[] Seal(byte[] content, string context)
    {
        ArgumentNullException.ThrowIfNull(content);
        return _dataKey is null ? content : SealBytes(_dataKey, content, Encoding.UTF8.GetBytes(context));
    }

    /// <summary>Opens a file's bytes sealed for <paramref name="context"/>.</summary>
    /// <exception cref="LedgerException">They are not bytes this key sealed for that context.</exception>
    public byte[] Open(byte[] stored, string context)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return _dataKey is null ? stored : OpenBytes(_dataKey, stored, Encoding.UTF8.GetBytes(context))
            ?? throw new LedgerException(LedgerProblem.SealedValueDamaged, context);
    }

    /// <summary>Seals bytes: nonce, ciphertext, tag.</summary>
    internal static byte[] SealBytes(byte[] key, ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associated)
    {
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), associated);
        return output;
    }

    /// <summary>Opens sealed bytes, or returns <see langword="null"/> when they do not open with this key.</summary>
    internal static byte[]? OpenBytes(byte[] key, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associated)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            return null;
        }

        var length = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(sealedBytes[..NonceSize], sealedBytes.Slice(NonceSize, length), sealedBytes[(NonceSize + length)..], plain, associated);
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
