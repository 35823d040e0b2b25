using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DebtShield.Web.Api;

/// <summary>A JSON request body as read: its value, or the answer that refuses it.</summary>
/// <typeparam name="T">The body's type.</typeparam>
/// <param name="Value">The body; null when it was refused, or when an optional body was not sent.</param>
/// <param name="Refusal">The answer to give instead (415 or 400, with no body of its own); null when the body was read.</param>
public readonly record struct JsonBodyRead<T>(T? Value, StatusCodeHttpResult? Refusal);

/// <summary>
/// Reads an API endpoint's JSON body when the endpoint is called, with the app's JSON options, and
/// refuses it as a body parameter of the endpoint's handler would be refused: 415 when the request
/// says it is not JSON, 400 when it cannot be read or is missing but required.
/// </summary>
/// <remarks>
/// Start-up (issue 25, docs/benchmarks.md): a body parameter makes the request delegate generator
/// configure the body type's JSON metadata when the endpoint table is built, which the start does
/// for every endpoint before the first page (the authorization and routing middleware ask for the
/// whole table), so every start paid for the bodies of endpoints it never calls: the metadata of
/// the loan form, the offer, the new case and the documents' facts, and the JIT of about 250
/// <c>System.Text.Json</c> methods for them. Read here, a body's metadata is made at the
/// endpoint's first call. The endpoint says what it accepts with <c>Accepts&lt;T&gt;</c>, the
/// metadata the parameter gave, so the API's description stays the same.
/// </remarks>
public static class JsonBody
{
    /// <summary>Reads the request's body as <typeparamref name="T"/>.</summary>
    /// <param name="http">The request's context.</param>
    /// <param name="optional">Whether a request without a body is read as null rather than refused.</param>
    public static async ValueTask<JsonBodyRead<T>> ReadAsync<T>(HttpContext http, bool optional = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        T? value = null;
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            if (!request.HasJsonContentType())
            {
                return Refused(StatusCodes.Status415UnsupportedMediaType);
            }

            try
            {
                value = await request.ReadFromJsonAsync(TypeInfo<T>(http), http.RequestAborted).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e)
            {
                return Refused(e.StatusCode);
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                return Refused(StatusCodes.Status400BadRequest);
            }
        }

        return value is null && !optional ? Refused(StatusCodes.Status400BadRequest) : new JsonBodyRead<T>(value, null);

        static JsonBodyRead<T> Refused(int status) => new(null, TypedResults.StatusCode(status));
    }

    /// <summary>The body type's metadata from the app's JSON options, as a body parameter would take it.</summary>
    private static JsonTypeInfo<T> TypeInfo<T>(HttpContext http) =>
        (JsonTypeInfo<T>)http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.GetTypeInfo(typeof(T));
}
