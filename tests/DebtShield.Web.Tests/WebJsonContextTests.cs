using DebtShield.App;
using DebtShield.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DebtShield.Web.Tests;

/// <summary>
/// Every body the API reads and every answer it writes has JSON metadata generated at build time
/// (<see cref="WebJsonContext"/> or <see cref="ReportJsonContext"/>), so no request of a started
/// app resolves an API type by reflection (the start-up figures of issue 25 rest on it).
/// </summary>
public sealed class WebJsonContextTests
{
    [Fact]
    public async Task ApiEndpoints_EveryBodyAndAnswerType_HasGeneratedMetadata()
    {
        await using var app = await RunningApp.StartAsync(demo: false);

        var types = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.Type)
                .Concat(e.Metadata.OfType<IAcceptsMetadata>().Select(a => a.RequestType)))
            .OfType<Type>()
            .Where(t => t != typeof(void) && t != typeof(string) && t != typeof(Stream) && !typeof(IResult).IsAssignableFrom(t))
            .Distinct()
            .ToList();

        Assert.Contains(typeof(List<CaseFigure>), types);
        Assert.Contains(typeof(OfferCheck), types);
        Assert.Empty(types.Where(t => WebJsonContext.Default.GetTypeInfo(t) is null && ReportJsonContext.Default.GetTypeInfo(t) is null).Select(t => t.FullName));
    }
}
