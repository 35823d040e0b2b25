using System.Globalization;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace DebtShield.Web.Hosting;

/// <summary>
/// The one limit on what a request may carry, <see cref="Bytes"/>, held the same way by Kestrel,
/// by form posts (multipart bodies) and by the API's raw bodies, and answered the same way: 413
/// with the problem page for a person and a problem document for a program, both saying the limit.
/// </summary>
/// <remarks>
/// Kestrel alone would answer a body it refuses with an exception the form reader turns into a bare
/// 400 and an endpoint into a 500 ("this is a bug"). So a body announced as too large is refused
/// before a byte of it is read, and a body without a length (chunked) is counted as it is read: the
/// request that read past the limit is answered 413 whatever the code that read it made of the
/// failure.
/// </remarks>
public static class UploadLimit
{
    /// <summary>
    /// The largest request body, 512 MiB: years of a phone's texts with their pictures in one
    /// "SMS Backup &amp; Restore" file, or a zipped iPhone backup without its photos, fit.
    /// </summary>
    public const long Bytes = 512L * 1024 * 1024;

    /// <summary>The limit in the unit people read, MiB.</summary>
    public const long Megabytes = Bytes / (1024 * 1024);

    /// <summary>What the person or program is told.</summary>
    public static string Message => string.Format(CultureInfo.CurrentCulture, WebText.Upload_TooLarge, Megabytes);

    /// <summary>Sets the same limit on Kestrel and on forms.</summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = Bytes);
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = Bytes);
    }

    /// <summary>Refuses a body announced as too large, and answers 413 for one found too large while read.</summary>
    public static async Task EnforceAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            // The problem page, shown for a refused body: it reads none of it.
            await next(context).ConfigureAwait(false);
            return;
        }

        if (context.Request.ContentLength > Bytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var body = new CountedBody(context.Request.Body);
        context.Request.Body = body;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception) when (body.Exceeded && !context.Response.HasStarted)
        {
            // Whatever the reader made of it (an I/O error, an invalid form), the body was too large.
        }

        if (body.Exceeded && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
    }

    /// <summary>The request body, counted: reading past <see cref="Bytes"/> fails and is remembered.</summary>
    private sealed class CountedBody(Stream inner) : Stream
    {
        private long read;

        /// <summary>Whether the body was found longer than the limit (by this count or by Kestrel's).</summary>
        public bool Exceeded { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            try
            {
                return Count(inner.Read(buffer));
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                Exceeded = true;
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                Exceeded = true;
                throw;
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int bytes)
        {
            read += bytes;
            if (read > Bytes)
            {
                Exceeded = true;
                throw new BadHttpRequestException(Message, StatusCodes.Status413PayloadTooLarge);
            }

            return bytes;
        }
    }
}
