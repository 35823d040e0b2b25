using DebtShield.App.Downloads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace DebtShield.Web.Hosting;

/// <summary>
/// Sends an App <see cref="Download"/> as an attachment, written straight into the response body:
/// the same answer for an API endpoint (an <see cref="IResult"/>) and a page (an <see cref="IActionResult"/>).
/// </summary>
public sealed class DownloadResult(Download download) : IResult, IActionResult
{
    /// <inheritdoc/>
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(download.FileName);
        response.ContentType = download.MediaType;
        response.Headers.ContentDisposition = disposition.ToString();
        await download.WriteToAsync(response.Body, httpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context.HttpContext);
    }
}
