using DebtShield.App;
using DebtShield.App.ReadGuide;
using Markdig;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DebtShield.Web.Pages.Guide;

/// <summary>One guide topic, its Markdown rendered with raw HTML disabled (the guide is ours, but nothing in it may run).</summary>
public sealed class TopicModel : PageModel
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>The topic.</summary>
    public GuideTopicReport Topic { get; private set; } = null!;

    /// <summary>The topic as HTML.</summary>
    public IHtmlContent Html { get; private set; } = HtmlString.Empty;

    /// <summary>Shows the topic; an unknown topic is not found.</summary>
    public IActionResult OnGet(string topic)
    {
        try
        {
            Topic = ReadGuide.Read(topic, GuideReader.Web);
        }
        catch (RequestRefusedException)
        {
            return NotFound();
        }

        Html = new HtmlString(Markdown.ToHtml(Topic.Markdown, Pipeline));
        return Page();
    }
}
