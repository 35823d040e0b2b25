using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DebtShield.Web.Accounts;

/// <summary>
/// The door to every case, in both modes: an authorization requirement
/// (<see cref="CaseAccessRequirement"/>, decided by <see cref="CaseAccessHandler"/>) that is part of
/// the fallback policy, the default policy and the admin policy, so every endpoint needs it unless it
/// allows anonymous callers. An endpoint that touches no case says so with <see cref="CaseFreeAttribute"/>;
/// a route added without it is guarded, not open. The handler decides once which case the request
/// is about and keeps it as the request's <see cref="RequestedCase"/>; pages and endpoints read only
/// that. Its refusals (no such case, a case named twice, no case named) are answered by
/// <see cref="CaseAccessAnswer"/>, which also writes each request to the audit log in multi-user mode.
/// </summary>
public static class CaseAccess
{
    /// <summary>The query parameter, the one place a request names its case.</summary>
    public const string Parameter = "case";

    /// <summary>The policy every endpoint meets unless it says otherwise: the case door alone.</summary>
    public static AuthorizationPolicy Policy { get; } = new AuthorizationPolicyBuilder().AddRequirements(CaseAccessRequirement.Instance).Build();

    /// <summary>
    /// Registers authorization with the case door in the fallback and default policies (multi-user
    /// mode adds its own requirements to them and puts the door in its admin policy too).
    /// </summary>
    public static void AddServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationHandler, CaseAccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, CaseAccessAnswer>();
        services.PostConfigure<AuthorizationOptions>(authorization =>
        {
            authorization.FallbackPolicy = authorization.FallbackPolicy is { } fallback ? AuthorizationPolicy.Combine(fallback, Policy) : Policy;
            authorization.DefaultPolicy = AuthorizationPolicy.Combine(authorization.DefaultPolicy, Policy);
        });
    }

    /// <summary>Whether an endpoint touches no case (it carries <see cref="CaseFreeAttribute"/>).</summary>
    public static bool IsCaseFree(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Metadata.GetMetadata<CaseFreeAttribute>() is not null;
    }

    /// <summary>What served the request, as the audit log records it: a page and its handler method, or the API endpoint's name.</summary>
    internal static string? HandlerOf(HttpContext http)
    {
        if (http.GetEndpoint() is not { } endpoint)
        {
            return null;
        }

        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
        {
            var handler = http.GetRouteValue("handler") as string is { Length: > 0 } routed ? routed : http.Request.Query["handler"].ToString();
            var method = http.Request.Method.Length == 0 ? "" : char.ToUpperInvariant(http.Request.Method[0]) + http.Request.Method[1..].ToLowerInvariant();
            return page.ViewEnginePath + " On" + method + handler;
        }

        return endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.DisplayName;
    }

    /// <summary>Whether the request is for the API, which is answered with status codes and problems, not pages.</summary>
    internal static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
