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
        api.MapGet("/guide", () => TypedResults.Ok(ReadGuide.Topics())).WithName("GuideTopics").CaseFree();
        api.MapGet("/guide/{topic}", (string topic) => TypedResults.Ok(ReadGuide.Read(topic, GuideReader.Web))).WithName("GuideTopic").CaseFree();
    }

    /// <summary>
    /// Maps <see cref="ReadGuide.PicturePath"/>: the guide pages' pictures, from the program itself
    /// (the published app has no docs folder). Case-free, like the guide.
    /// </summary>
    public static void MapPictures(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(ReadGuide.PicturePath + "{name}", (string name) => ReadGuide.ReadPicture(name) is { } picture
            ? Results.File(picture.Content, picture.MediaType)
            : Results.NotFound()).WithName("GuidePicture").ExcludeFromDescription().CaseFree();
    }
}
