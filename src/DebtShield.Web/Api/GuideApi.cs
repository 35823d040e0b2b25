using DebtShield.App.ReadGuide;
using DebtShield.Web.Accounts;

namespace DebtShield.Web.Api;

/// <summary><c>/api/v1/guide</c>: the self-help guide's topics, with the hotlines each names.</summary>
public static class GuideApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/guide", () => ReadGuide.Topics()).WithName("GuideTopics").CaseFree();
        api.MapGet("/guide/{topic}", (string topic) => ReadGuide.Read(topic, GuideReader.Web)).WithName("GuideTopic").CaseFree();
    }
}
