namespace DebtShield.Web.Accounts;

/// <summary>
/// Marks a page or endpoint that reads or changes no case's contents (a list that filters itself
/// by <see cref="CaseRoster"/>, the guide, the login form), so the case policy lets it through
/// without a case. Every other endpoint needs a case the person may see: a route added without
/// this mark is guarded, not open. On a marked route a <c>?case=</c> is carried along in links,
/// unchecked.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class CaseFreeAttribute : Attribute;

/// <summary>Marks minimal-API endpoints as case-free.</summary>
public static class CaseFreeEndpoints
{
    private static readonly CaseFreeAttribute Mark = new();

    /// <summary>Marks the endpoints of <paramref name="builder"/> as touching no case (<see cref="CaseFreeAttribute"/>).</summary>
    public static TBuilder CaseFree<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(Mark);
    }
}
