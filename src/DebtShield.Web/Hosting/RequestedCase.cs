using DebtShield.App.Cases;
using DebtShield.Web.Accounts;

namespace DebtShield.Web.Hosting;

/// <summary>
/// The case a request is about, decided once by <see cref="CaseAccess"/> before any page or
/// endpoint runs and kept on the request. Pages and endpoints read only this, never
/// <c>?case=</c> or a form field of their own: two readings of one request could disagree (the
/// form body against the query, the first of two values against the last), and the one the access
/// check approved would not be the one the handler used.
/// <para>
/// The web names a case only by its id (<c>?case=</c> followed by the id), in both modes: titles are
/// often the borrower's name, which has no place in addresses, histories and logs, and in
/// multi-user mode two accounts may each have a case with the same title.
/// </para>
/// </summary>
/// <param name="Id">
/// The case's key: on a route that touches a case, one the door found among the cases the person
/// may see; null when none was named (local mode: the ledger's only case). On a route that
/// touches no case it is only carried along in links.
/// </param>
/// <param name="Title">The case's title, for headings; null when the door did not look the case up.</param>
public sealed record RequestedCase(Guid? Id, string? Title)
{
    /// <summary>No case named.</summary>
    public static RequestedCase None { get; } = new(null, null);

    /// <summary>The case as the App's use cases take it: by id, or the ledger's only case when none was named.</summary>
    public CaseReference Reference => Id is { } id ? CaseReference.ById(id) : CaseReference.Only;

    /// <summary>The address of <paramref name="path"/> for this case, with more query if given.</summary>
    public string Link(string path, string? query = null) => LinkTo(Id, path, query);

    /// <summary>The address of <paramref name="path"/> for the case <paramref name="id"/> (none: no case named), with more query if given.</summary>
    public static string LinkTo(Guid? id, string path, string? query = null)
    {
        var parts = new[] { id is { } named ? CaseAccess.Parameter + "=" + named.ToString("D") : null, string.IsNullOrEmpty(query) ? null : query }
            .Where(p => p is not null)
            .ToList();
        return parts.Count == 0 ? path : path + "?" + string.Join("&", parts);
    }

    /// <summary>The case decided for <paramref name="http"/>.</summary>
    /// <exception cref="InvalidOperationException">The door did not run for this request (a bug in the pipeline).</exception>
    public static RequestedCase Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Features.Get<RequestedCase>() ?? throw new InvalidOperationException("The case door did not run before " + http.Request.Path + ".");
    }

    /// <summary>Binds an endpoint's parameter to the decided case (minimal APIs call this by convention).</summary>
    public static ValueTask<RequestedCase?> BindAsync(HttpContext context) => ValueTask.FromResult<RequestedCase?>(Of(context));
}
