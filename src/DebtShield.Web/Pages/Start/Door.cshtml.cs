using DebtShield.App.ReadGuide;
using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Pages.Start;

/// <summary>One step of a door's path: what to do, in plain words, and where in the app to do it.</summary>
/// <param name="Text">What to do.</param>
/// <param name="Link">Where.</param>
/// <param name="LinkText">The link's words.</param>
public sealed record DoorStep(string Text, string Link, string LinkText);

/// <summary>
/// A door of the triage page: the steps that matter now for someone whose contacts are being
/// messaged, who is about to miss a payment, or who is about to borrow, each with the hotlines of
/// the guide topic behind it (numbers come from <c>data/guide/hotlines.json</c>, with their status).
/// </summary>
public sealed class DoorModel : PageModel
{
    /// <summary>The door: <c>contacts</c>, <c>overdue</c> or <c>borrow</c>.</summary>
    public string Door { get; private set; } = "";

    /// <summary>The door's heading.</summary>
    public string Heading { get; private set; } = "";

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<DoorStep> Steps { get; private set; } = [];

    /// <summary>The hotlines that help on this path.</summary>
    public IReadOnlyList<HotlineFigure> Hotlines { get; private set; } = [];

    /// <summary>Shows the door's path; an unknown door is not found.</summary>
    public IActionResult OnGet(string door)
    {
        var named = RequestedCase.Of(HttpContext);
        (Heading, Steps, var topic) = door switch
        {
            "contacts" => (WebText.Door_Contacts, (IReadOnlyList<DoorStep>)
            [
                new(WebText.Step_Contacts_Calm, "/guide/today", WebText.Step_ReadGuide),
                new(WebText.Step_Contacts_Evidence, named.Link("/evidence"), WebText.Step_OpenEvidence),
                new(WebText.Step_Contacts_Tell, named.Link("/documents", "kind=contacts-notice"), WebText.Step_OpenDocument),
                new(WebText.Step_Contacts_Loans, named.Link("/loans"), WebText.Step_OpenLoans),
                new(WebText.Step_Contacts_Complain, named.Link("/documents", "kind=regulator-complaint"), WebText.Step_OpenDocument),
                new(WebText.Step_Contacts_Never, "/guide/never", WebText.Step_ReadGuide),
            ], "today"),
            "overdue" => (WebText.Door_Overdue,
            [
                new(WebText.Step_Overdue_Loans, named.Link("/loans"), WebText.Step_OpenLoans),
                new(WebText.Step_Overdue_Plan, named.Link("/plan"), WebText.Step_OpenPlan),
                new(WebText.Step_Overdue_Talk, named.Link("/documents", "kind=negotiation-letter"), WebText.Step_OpenDocument),
                new(WebText.Step_Overdue_Rights, "/guide/rights", WebText.Step_ReadGuide),
                new(WebText.Step_Overdue_Never, "/guide/never", WebText.Step_ReadGuide),
            ], "help"),
            "borrow" => (WebText.Door_Borrow,
            [
                new(WebText.Step_Borrow_Cost, "/borrow", WebText.Step_OpenBorrow),
                new(WebText.Step_Borrow_Afford, named.Link("/plan"), WebText.Step_OpenPlan),
                new(WebText.Step_Borrow_Scams, "/guide/scams", WebText.Step_ReadGuide),
            ], "scams"),
            _ => (null!, null!, null!),
        };
        if (topic is null)
        {
            return NotFound();
        }

        Door = door;
        Hotlines = ReadGuide.Read(topic).Hotlines;
        return Page();
    }
}
