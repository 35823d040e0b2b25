using System.Text;
using DebtShield.App.PlanRepayment;
using DebtShield.Web.Hosting;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.Mvc;

namespace DebtShield.Web.Pages.Plan;

/// <summary>
/// 还款计划: the strategies side by side under the monthly budget, the optimised plan, what is due
/// this week, the negotiation proposal, and the due dates for the phone's calendar (a download and
/// a feed the calendar subscribes to).
/// </summary>
public sealed class IndexModel(LedgerGate gate, TimeProvider time, CalendarFeeds feeds) : LedgerPage(gate, time)
{
    /// <summary>A budget other than the stored one, to try.</summary>
    [BindProperty(SupportsGet = true)]
    public decimal? Budget { get; set; }

    /// <summary>The plan.</summary>
    public RepaymentPlanReport? Report { get; private set; }

    /// <summary>
    /// The balance chart, drawn from the same plan as the page and carried in the page as a
    /// <c>data:</c> image: a separate image address would search for the plan a second time.
    /// </summary>
    public string? ChartSource { get; private set; }

    /// <summary>What is due in the next seven days.</summary>
    public DueReport? Due { get; private set; }

    /// <summary>The subscribable calendar's address, once the case is known.</summary>
    public string? FeedPath { get; private set; }

    /// <summary>Plans with the stored or the given budget.</summary>
    public Task OnGetAsync() => ShowAsync(async () =>
    {
        var ledger = await LedgerAsync();
        var facts = await CaseFacts.LoadAsync(ledger, CaseTitle, HttpContext.RequestAborted);
        if (facts.Case is null)
        {
            return;
        }

        var options = new PlanOptions(Budget);
        Report = PlanRepayment.Of(facts, Today, options);
        ChartSource = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(PlanChartFile.Svg(Report)));
        Due = DueSoon.Of(facts, Today, 7, options);
        FeedPath = facts.CaseId is { } id ? await feeds.AddressAsync(HttpContext, id) : null;
    });

    /// <summary>Whether the feed's address can be replaced and withdrawn here (multi-user mode: it belongs to the account's assignment).</summary>
    public bool FeedRevocable => feeds.Revocable;

    /// <summary>Multi-user mode: a new calendar address for this account and case (the old one stops working), or none.</summary>
    public async Task<IActionResult> OnPostFeedAsync([FromQuery] bool withdraw)
    {
        if (RequestedCase.Of(HttpContext).Id is not { } id || !await feeds.ChangeAsync(HttpContext, id, withdraw))
        {
            return NotFound();
        }

        TempData["Notice"] = withdraw ? WebText.Plan_FeedWithdrawn : WebText.Plan_FeedIssued;
        return Redirect(Here("/plan"));
    }

    /// <summary>The due dates as a calendar file.</summary>
    public async Task<IActionResult> OnGetCalendarAsync()
    {
        var feed = await CalendarExport.FeedAsync(await LedgerAsync(), CaseTitle, Time, HttpContext.RequestAborted);
        return File(feed.Content.ToArray(), CalendarFeed.ContentType, "debtshield-due.ics");
    }
}
