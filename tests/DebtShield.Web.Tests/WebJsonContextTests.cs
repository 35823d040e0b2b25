using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DebtShield.App;
using DebtShield.App.ReadGuide;
using DebtShield.Web.Api;
using DebtShield.Web.Forms;
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

    [Fact]
    public async Task EndpointTable_Built_ConfiguresNoAnswersMetadataUntilThatAnswerIsFirstWritten()
    {
        // Given a started app whose JSON options tell which types' metadata anyone asks for
        var asked = new AskedTypes();
        await using var app = await RunningApp.StartAsync(demo: false, configure: builder =>
            builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, asked)));

        // When the endpoint table is built (as the start and the first page's routing build it)
        var answers = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>())
            .Where(p => p.ContentTypes.Contains("application/json"))
            .Select(p => p.Type)
            .OfType<Type>()
            .ToHashSet();

        // Then no answer's metadata has been configured: a start pays only for the answers it writes
        Assert.Contains(typeof(IReadOnlyList<GuideTopicSummary>), answers);
        Assert.Empty(answers.Where(asked.Contains).Select(t => t.FullName));

        // And an answer's metadata is configured when it is first written
        using var topics = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/guide"));
        Assert.True(topics.RootElement.GetArrayLength() > 0);
        Assert.True(asked.Contains(typeof(IReadOnlyList<GuideTopicSummary>)));
    }

    [Fact]
    public async Task EndpointTable_Built_ConfiguresNoBodysMetadataUntilThatEndpointIsFirstCalled()
    {
        // Given a started app whose JSON options tell which types' metadata anyone asks for
        var asked = new AskedTypes();
        await using var app = await RunningApp.StartAsync(demo: false, configure: builder =>
            builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, asked)));

        // When the endpoint table is built (as the start and the first page's routing build it)
        var bodies = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.OfType<IAcceptsMetadata>())
            .Where(a => a.ContentTypes.Contains("application/json"))
            .Select(a => a.RequestType)
            .OfType<Type>()
            .ToHashSet();

        // Then no body's metadata has been configured: a start pays only for the bodies it reads
        Assert.Superset(new HashSet<Type> { typeof(NewCase), typeof(LoanForm), typeof(OfferCheck), typeof(Dictionary<string, string>) }, bodies);
        Assert.Empty(bodies.Where(asked.Contains).Select(t => t.FullName));

        // And a body's metadata is configured when its endpoint is first called
        var offer = await app.Client.PostAsJsonAsync("/api/v1/offer", new { offer = "借10000元，分12期，每期还1000元" });
        Assert.Equal(HttpStatusCode.OK, offer.StatusCode);
        Assert.True(asked.Contains(typeof(OfferCheck)));
        Assert.False(asked.Contains(typeof(LoanForm)));
    }

    /// <summary>Answers nothing (the resolvers after it do) and remembers every type it was asked for.</summary>
    private sealed class AskedTypes : IJsonTypeInfoResolver
    {
        private readonly ConcurrentDictionary<Type, bool> types = new();

        public bool Contains(Type type) => types.ContainsKey(type);

        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            types[type] = true;
            return null;
        }
    }
}
