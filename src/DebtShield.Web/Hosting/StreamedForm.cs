using System.Globalization;
using System.Text;
using DebtShield.App;
using DebtShield.App.Input;
using DebtShield.Web.Accounts;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DebtShield.Web.Hosting;

/// <summary>
/// Form posts that carry files (<c>multipart/form-data</c>), read as a stream, never buffered by
/// the framework: ASP.NET Core's form reading copies every file over 64 KB to a plaintext file in
/// the temporary folder before any code of ours runs, which would leave a borrower's whole phone
/// backup on disk if the process were killed. Here the files go only into <see cref="SealedSpool"/>s.
/// </summary>
/// <remarks>
/// <para><see cref="ReadTokenAsync"/>, early in the pipeline, gives the framework an empty form (so
/// model binding, the antiforgery check and the case check never read the body) and reads the
/// body's first section, which on every page form is the antiforgery token, into the antiforgery
/// header: <c>DefaultAntiforgeryTokenStore.GetRequestTokensAsync</c> reads that header before it
/// would read the form, so the pages' usual antiforgery check still runs, on that token, and refuses
/// a post without one. The page handler then reads the rest with <see cref="ReadAsync"/>.</para>
/// <para>The request's size is held by <see cref="UploadLimit"/> as for every other body; a field
/// named <c>case</c> or <c>handler</c> is refused as the case check refuses it in any other form.</para>
/// </remarks>
public sealed class StreamedForm
{
    /// <summary>The most characters in one text field.</summary>
    public const int LargestField = 64 * 1024;

    /// <summary>The most sections (fields and files) in one form.</summary>
    public const int MostSections = 200;

    private readonly MultipartReader reader;

    private StreamedForm(MultipartReader reader) => this.reader = reader;

    /// <summary>Middleware: hides a file form's body from the framework and lifts its token into the antiforgery header.</summary>
    public static async Task ReadTokenAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null
            || Boundary(request.ContentType) is not { } boundary)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        var antiforgery = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            if (await reader.ReadNextSectionAsync(context.RequestAborted).ConfigureAwait(false) is { } first
                && Disposition(first) is { } token && !token.IsFileDisposition() && Name(token) == antiforgery.FormFieldName
                && antiforgery.HeaderName is { } header && !request.Headers.ContainsKey(header))
            {
                request.Headers[header] = await ValueAsync(first, context.RequestAborted).ConfigureAwait(false);
                context.Features.Set(new StreamedForm(reader));
            }
        }
        catch (InvalidDataException)
        {
            // A body that is not a form: no token was found, so the antiforgery check refuses it.
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>Reads the rest of the request's file form: its fields, and its files each into a sealed spool.</summary>
    /// <exception cref="RequestRefusedException">The body is not a readable file form, or names the case.</exception>
    public static async Task<UploadForm> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var form = context.Features.Get<StreamedForm>() ?? throw new RequestRefusedException(WebText.Access_BadForm);
        context.Features.Set<StreamedForm>(null); // read once
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<UploadedFile>();
        try
        {
            for (var count = 0; await form.reader.ReadNextSectionAsync(context.RequestAborted).ConfigureAwait(false) is { } section; count++)
            {
                if (count >= MostSections || Disposition(section) is not { } disposition)
                {
                    throw new RequestRefusedException(WebText.Access_BadForm);
                }

                var name = Name(disposition);
                if (name is CaseAccess.Parameter or "handler")
                {
                    throw new RequestRefusedException(WebText.Access_NamedInBody);
                }

                if (disposition.IsFileDisposition())
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    var spool = await SealedSpool.CreateAsync(section.Body, context.RequestAborted).ConfigureAwait(false);
                    files.Add(new UploadedFile(name, UploadName.Label(fileName), spool));
                }
                else
                {
                    fields.TryAdd(name, await ValueAsync(section, context.RequestAborted).ConfigureAwait(false));
                }
            }
        }
        catch (Exception e)
        {
            foreach (var file in files)
            {
                file.Content.Dispose();
            }

            if (e is InvalidDataException)
            {
                throw new RequestRefusedException(WebText.Access_BadForm);
            }

            throw;
        }

        return new UploadForm(fields, files);
    }

    private static string? Boundary(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 and <= 70 } boundary
            ? boundary
            : null;

    private static ContentDispositionHeaderValue? Disposition(MultipartSection section) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && (disposition.IsFormDisposition() || disposition.IsFileDisposition())
            ? disposition
            : null;

    private static string Name(ContentDispositionHeaderValue disposition) => HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";

    /// <summary>A text field's value, refused beyond <see cref="LargestField"/> characters.</summary>
    private static async Task<string> ValueAsync(MultipartSection section, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(section.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[LargestField + 1];
        var read = await text.ReadBlockAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (read > LargestField)
        {
            throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Upload_FieldTooLong, LargestField));
        }

        return new string(buffer, 0, read);
    }
}

/// <summary>A file of a form, kept sealed until the form is disposed.</summary>
/// <param name="Field">The form field it came in.</param>
/// <param name="FileName">The name the browser sent, as a label (<see cref="UploadName"/>).</param>
/// <param name="Content">The bytes.</param>
public sealed record UploadedFile(string Field, string FileName, SealedSpool Content)
{
    /// <summary>The whole file in memory (a screenshot, or a backup held for a second import).</summary>
    public async Task<byte[]> ReadAllBytesAsync(CancellationToken cancellationToken)
    {
        await using var content = Content.OpenRead();
        var bytes = new byte[Content.Length];
        await content.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        return bytes;
    }
}

/// <summary>The fields and files of a file form read by <see cref="StreamedForm.ReadAsync"/>; disposing it deletes the spools.</summary>
public sealed class UploadForm(IReadOnlyDictionary<string, string> fields, IReadOnlyList<UploadedFile> files) : IDisposable
{
    /// <summary>The value of the text field <paramref name="name"/>, null when it was not sent.</summary>
    public string? Field(string name) => fields.GetValueOrDefault(name);

    /// <summary>The files sent in the field <paramref name="name"/> that hold something (a file input left empty sends an empty one).</summary>
    public IReadOnlyList<UploadedFile> Files(string name) => [.. files.Where(f => f.Field == name && f.Content.Length > 0)];

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var file in files)
        {
            file.Content.Dispose();
        }
    }
}
