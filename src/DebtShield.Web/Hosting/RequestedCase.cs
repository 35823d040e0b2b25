namespace DebtShield.Web.Hosting;

/// <summary>
/// The case a request is about, decided once by <see cref="Accounts.CaseAccess"/> before any page
/// or endpoint runs and kept on the request. Pages and endpoints read only this, never
/// <c>?case=</c> or a form field of their own: two readings of one request could disagree (the
/// form body against the query, the first of two values against the last), and the one the access
/// check approved would not be the one the handler used.
/// </summary>
/// <param name="Id">
/// The case's key when the door looked it up (multi-user mode: a case assigned to the account);
/// null in local mode, where every case is the borrower's and the ledger finds it by title.
/// </param>
/// <param name="Title">
/// The case's title; null when none was named (the ledger's only case, in local mode). On a route
/// that touches no case it is only carried along in links.
/// </param>
public sealed record RequestedCase(Guid? Id, string? Title)
{
    /// <summary>No case named.</summary>
    public static RequestedCase None { get; } = new(null, null);

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
