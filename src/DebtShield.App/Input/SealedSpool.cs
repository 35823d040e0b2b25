using System.Buffers.Binary;
using System.Security.Cryptography;
using DebtShield.App.Resources;
using Microsoft.Win32.SafeHandles;

namespace DebtShield.App.Input;

/// <summary>
/// An upload kept for a reader that must seek or read twice (an XLSX or a zip is read out of order;
/// a phone backup is read a second time when a number is newly flagged), in a temporary file that
/// only ever holds ciphertext: the bytes are written in chunks of <see cref="ChunkSize"/>, each
/// sealed with AES-256-GCM under a key made for this spool and held only in this process's memory.
/// </summary>
/// <remarks>
/// <para>Why: the borrower's whole phone backup (every text from family and friends, not only the
/// collectors') must never lie on disk in the clear, not even after the process is killed mid-import,
/// when nothing runs to delete it. What such a kill leaves is a file of ciphertext whose key died with
/// the process; the start-up sweep removes it later.</para>
/// <para>Chunk <c>i</c> is stored at <c>i × (ChunkSize + 16)</c>: its ciphertext, then its 16-byte tag.
/// The nonce is the chunk's index (a key seals one spool only, so an index is never reused under it).
/// The length is held in memory, so a chunk cut short, moved or altered on disk is refused when read.</para>
/// <para>The file is in a private <c>debtshield-</c> folder (owner-only on Unix), opened with
/// delete-on-close, and removed with its folder by <see cref="Dispose"/>.</para>
/// </remarks>
public sealed class SealedSpool : IDisposable
{
    /// <summary>The plaintext bytes sealed together: big enough that a tag costs nothing, small enough to seek cheaply.</summary>
    public const int ChunkSize = 64 * 1024;

    /// <summary>The prefix of the spool's private folder, the one the start-up sweep knows.</summary>
    public const string FolderPrefix = "debtshield-spool-";

    private const int TagSize = 16;
    private const int NonceSize = 12;

    private readonly DirectoryInfo _folder;
    private readonly SafeFileHandle _file;
    private readonly byte[] _key;
    private bool _disposed;

    private SealedSpool(DirectoryInfo folder, SafeFileHandle file, byte[] key)
    {
        _folder = folder;
        _file = file;
        _key = key;
    }

    /// <summary>How many bytes the spool holds.</summary>
    public long Length { get; private set; }

    /// <summary>The path of the sealed file (for tests and the documentation of what touches disk).</summary>
    public string Path => System.IO.Path.Combine(_folder.FullName, "sealed");

    /// <summary>Copies <paramref name="source"/> to its end into a new spool.</summary>
    /// <exception cref="IOException">The temporary folder cannot be written (nothing is left behind).</exception>
    public static async Task<SealedSpool> CreateAsync(Stream source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var folder = Directory.CreateTempSubdirectory(FolderPrefix);
        SealedSpool? spool = null;
        try
        {
            var file = File.OpenHandle(System.IO.Path.Combine(folder.FullName, "sealed"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite, FileOptions.DeleteOnClose);
            spool = new SealedSpool(folder, file, RandomNumberGenerator.GetBytes(32));
            await spool.FillAsync(source, cancellationToken).ConfigureAwait(false);
            return spool;
        }
        catch
        {
            if (spool is null)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                spool.Dispose();
            }

            throw;
        }
    }

    /// <summary>A new read-only, seekable view of the bytes; several may be open at once.</summary>
    /// <exception cref="ObjectDisposedException">The spool is gone.</exception>
    public Stream OpenRead()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new Reader(this);
    }

    /// <summary>Deletes the file and forgets the key.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CryptographicOperations.ZeroMemory(_key);
        _file.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static long Offset(long chunk) => checked(chunk * (ChunkSize + TagSize));

    private static void Nonce(long chunk, Span<byte> nonce)
    {
        nonce.Clear();
        BinaryPrimitives.WriteInt64LittleEndian(nonce, chunk);
    }

    private async Task FillAsync(Stream source, CancellationToken cancellationToken)
    {
        var plain = new byte[ChunkSize];
        var sealedChunk = new byte[ChunkSize + TagSize];
        var nonce = new byte[NonceSize];
        using var aes = new AesGcm(_key, TagSize);
        try
        {
            for (long chunk = 0; ; chunk++)
            {
                var read = await source.ReadAtLeastAsync(plain, ChunkSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                Nonce(chunk, nonce);
                aes.Encrypt(nonce, plain.AsSpan(0, read), sealedChunk.AsSpan(0, read), sealedChunk.AsSpan(read, TagSize));
                await RandomAccess.WriteAsync(_file, sealedChunk.AsMemory(0, read + TagSize), Offset(chunk), cancellationToken).ConfigureAwait(false);
                Length += read;
                if (read < ChunkSize)
                {
                    return;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>One reader's position and the chunk it last opened.</summary>
    private sealed class Reader(SealedSpool spool) : Stream
    {
        private readonly AesGcm _aes = new(spool._key, TagSize);
        private readonly byte[] _plain = new byte[ChunkSize];
        private readonly byte[] _sealed = new byte[ChunkSize + TagSize];
        private long _position;
        private long _opened = -1;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => spool.Length;

        public override long Position
        {
            get => _position;
            set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var copied = 0;
            while (copied < buffer.Length && _position < spool.Length)
            {
                var chunk = _position / ChunkSize;
                Open(chunk);
                var within = (int)(_position - (chunk * ChunkSize));
                var available = (int)Math.Min(ChunkSize - within, spool.Length - _position);
                var take = Math.Min(available, buffer.Length - copied);
                _plain.AsSpan(within, take).CopyTo(buffer[copied..]);
                copied += take;
                _position += take;
            }

            return copied;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => spool.Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                CryptographicOperations.ZeroMemory(_plain);
                _aes.Dispose();
            }

            base.Dispose(disposing);
        }

        /// <summary>Reads and opens chunk <paramref name="chunk"/>, refusing it when the file no longer holds what was sealed.</summary>
        private void Open(long chunk)
        {
            if (chunk == _opened)
            {
                return;
            }

            ObjectDisposedException.ThrowIf(spool._disposed, spool);
            var length = (int)Math.Min(ChunkSize, spool.Length - (chunk * ChunkSize));
            var stored = _sealed.AsSpan(0, length + TagSize);
            var read = 0;
            while (read < stored.Length)
            {
                var got = RandomAccess.Read(spool._file, stored[read..], Offset(chunk) + read);
                if (got == 0)
                {
                    throw new IOException(AppText.Spool_Altered);
                }

                read += got;
            }

            Span<byte> nonce = stackalloc byte[NonceSize];
            Nonce(chunk, nonce);
            try
            {
                _aes.Decrypt(nonce, stored[..length], stored[length..], _plain.AsSpan(0, length));
            }
            catch (AuthenticationTagMismatchException)
            {
                _opened = -1;
                throw new IOException(AppText.Spool_Altered);
            }

            _opened = chunk;
        }
    }
}
