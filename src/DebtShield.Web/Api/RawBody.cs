using System.Globalization;
using DebtShield.App;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Api;

/// <summary>
/// Refuses an upload that a browser could have sent from another site: form encodings and plain
/// text need no permission to cross sites, so the API takes files only as
/// <c>application/octet-stream</c> bodies (the pages post forms with an antiforgery token instead).
/// </summary>
public static class RawBody
{
    /// <summary>Checks the request's content type.</summary>
    /// <remarks>Its size is held by <see cref="Hosting.UploadLimit"/>, the same for every request.</remarks>
    /// <exception cref="RequestRefusedException">It is not <c>application/octet-stream</c>.</exception>
    public static void Require(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Upload_ContentType, request.ContentType ?? "—"));
        }
    }
}
