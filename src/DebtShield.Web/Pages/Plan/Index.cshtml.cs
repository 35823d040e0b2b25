using System.Globalization;
using System.Text;
using DebtShield.App.Budgets;
using DebtShield.App.PlanRepayment;
using DebtShield.Web.Hosting;
using DebtShield.Web.Phone;
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

    /// <summary>The income and expenses form, filled in with the stored budget.</summary>
    [BindProperty]
    public BudgetForm Monthly { get; set; } = new();

    /// <summary>The stored budget.</summary>
    public BudgetReport? Stored { get; private set; }

    /// <summary>The plan.</summary>
    public RepaymentPlanReport? Report { get; private set; }

    /// <summary>
    /// The balance chart, drawn from the same plan as the page and carried in the page as a
    /// <c>data:</c> image: a separate image address would search for the plan a second time.
    /// </summary>
    public string? ChartSource { get; private set; }

    /// <summary>What is due in the next seven days.</summary>
    public DueReport? Due { get; private set; }

    /// <summary>How many months the page lists before folding the rest away.</summary>
    public const int MonthsShown = 12;

    /// <summary>How the optimiser ended, in words, with its proven gap.</summary>
    public string? StatusInWords => Report is null
        ? null
        : OptimizerNames.Sentence(Report.Optimizer, Figures.Percent(Report.OptimizerGap));

    /// <summary>The subscribable calendar's address, once the case is known.</summary>
    public string? FeedPath { get; private set; }

    /// <summary>Plans with the stored or the given budget.</summary>
    public Task OnGetAsync() => ShowAsync(async () =>
    {
        await LoadAsync();
        Monthly = BudgetForm.Of(Stored!);
    });

    /// <summary>Keeps the income and expenses as the case's budget, which the plan and the letters then use.</summary>
    public Task<IActionResult> OnPostBudgetAsync() => ActAsync(
        async () =>
        {
            var budget = await CaseBudget.SetAsync(await LedgerAsync(), Case, Monthly.ToBudget(), Time, HttpContext.RequestAborted);
            return string.Format(CultureInfo.CurrentCulture, WebText.Budget_Saved, Figures.Yuan(budget.Income), Figures.Yuan(budget.EssentialExpenses), Figures.Yuan(budget.LeftForDebts));
        },
        Here("/plan"),
        () => ShowAsync(LoadAsync));

    private async Task LoadAsync()
    {
        var ledger = await LedgerAsync();
        Stored = await CaseBudget.ShowAsync(ledger, Case, HttpContext.RequestAborted);
        var options = new PlanOptions(Budget);
        var (facts, plan) = await PlanRepayment.PlanCaseAsync(ledger, Case, Today, options, HttpContext.RequestAborted);
        if (facts.Case is null)
        {
            return;
        }

        Report = plan;
        ChartSource = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(PlanChartFile.Svg(Report)));
        Due = DueSoon.Of(facts, Today, 7, options);
        // The example's ledger is thrown away when the app stops: a calendar subscribed to it would go blank.
        FeedPath = facts.CaseId is { } id && !ExampleLedger.IsShown(HttpContext) ? await feeds.AddressAsync(HttpContext, id) : null;
        if (FeedPath is not null && HttpContext.Features.Get<PhonePairing>() is { } phone)
        {
            // A phone's calendar app sends no cookie: its subscription carries the pairing's own key, and ends with it.
            FeedPath += "?" + PhoneGate.FeedParameter + "=" + phone.FeedKey;
            FromPhone = true;
        }
    }

    /// <summary>Whether a paired phone is asking (its feed address works through the pairing).</summary>
    public bool FromPhone { get; private set; }

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
        var feed = await CalendarExport.FeedAsync(await LedgerAsync(), Case, Time, HttpContext.RequestAborted);
        return File(feed.Content.ToArray(), CalendarFeed.ContentType, "debtshield-due.ics");
    }
}
