using System.Globalization;
using DebtShield.App.Input;
using DebtShield.App.ListLoans;
using DebtShield.App.RateLoans;
using DebtShield.Cli.Resources;
using DebtShield.Core.Loans;
using Spectre.Console;

namespace DebtShield.Cli.Rendering;

/// <summary>A case's loans as one table, totals beneath; and one loan in full.</summary>
internal static class LoanListTable
{
    public static void Write(IAnsiConsole console, CaseLoanList list)
    {
        if (list.Case is null || list.Loans.Count == 0)
        {
            console.MarkupLine(Markup.Escape(CliText.List_Empty));
            return;
        }

        var culture = CultureInfo.CurrentCulture;
        console.MarkupLine($"[bold]{Markup.Escape(list.Case)}[/]  [dim]{Markup.Escape(string.Format(culture, CliText.List_AsOf, list.AsOf))}[/]");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(CliText.List_Loan);
        table.AddColumn(CliText.List_Lender);
        table.AddColumn(new TableColumn(CliText.List_Received).RightAligned());
        table.AddColumn(new TableColumn(CliText.List_Paid).RightAligned());
        table.AddColumn(new TableColumn(CliText.List_Irr).RightAligned());
        table.AddColumn(new TableColumn(CliText.List_Cap).RightAligned());
        table.AddColumn(new TableColumn(CliText.List_Overdue).RightAligned());
        table.AddColumn(new TableColumn(CliText.List_Lawful).RightAligned());
        foreach (var loan in list.Loans)
        {
            var irr = Percent(loan.Figures.IrrAnnualNominal);
            table.AddRow(
                Markup.Escape(loan.Id),
                Markup.Escape(loan.Figures.LenderName),
                FigureTable.Yuan(loan.Figures.Received),
                FigureTable.Yuan(loan.Paid),
                loan.ExceedsCap == true ? $"[red]{irr}[/]" : irr,
                loan.OtherCapAnnual is { } other ? $"{Percent((double)loan.CapAnnual)} / {Percent((double)other)} *" : Percent((double)loan.CapAnnual),
                loan.DaysOverdue is { } days ? $"[yellow]{FigureTable.Yuan(loan.OverdueAmount!.Value)} ({string.Format(culture, CliText.List_Days, days)})[/]" : "—",
                FigureTable.YuanRange(loan.LawfulTotalDue, loan.LawfulMostDue));
        }

        console.Write(table);
        var totals = list.Totals;
        console.MarkupLine(Markup.Escape(string.Format(
            culture,
            CliText.List_Totals,
            list.Loans.Count,
            FigureTable.Yuan(totals.Received),
            FigureTable.Yuan(totals.Paid),
            FigureTable.Yuan(totals.OverdueAmount),
            FigureTable.YuanRange(totals.LawfulTotalDue, totals.LawfulMostDue),
            totals.LoansAboveCap)));
        if (list.Loans.Any(l => l.LenderOfRecordDecides))
        {
            console.MarkupLine("[dim]" + Markup.Escape(CliText.List_LenderOfRecord) + "[/]");
        }
    }

    public static void WriteDetail(IAnsiConsole console, LoanDetail detail)
    {
        var loan = detail.Loan;
        var culture = CultureInfo.CurrentCulture;
        console.MarkupLine($"[bold]{Markup.Escape(loan.Id)}[/]  {Markup.Escape(loan.Figures.LenderName)} ({Markup.Escape(FigureTable.LenderKind(loan.Figures.LenderKind))})");
        var schedule = new Table().Border(TableBorder.Rounded)
            .AddColumn(CliText.List_DueDate)
            .AddColumn(new TableColumn(CliText.List_DueAmount).RightAligned());
        foreach (var instalment in detail.Schedule)
        {
            schedule.AddRow(instalment.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), FigureTable.Yuan(instalment.Total));
        }

        console.Write(schedule);
        FigureTable.Section(console, CliText.List_PaymentsTitle, detail.PaymentsMade.Select(p => string.Format(culture, "{0:yyyy-MM-dd}  {1}", p.Date, FigureTable.Yuan(p.Amount)) + Designation(p.AppliesTo)));
        if (loan.DaysOverdue is { } days)
        {
            console.MarkupLine("[yellow]" + Markup.Escape(string.Format(culture, CliText.List_OverdueLine, FigureTable.Yuan(loan.OverdueAmount!.Value), loan.OverdueSince, days)) + "[/]");
        }

        console.MarkupLine(Markup.Escape(string.Format(culture, CliText.List_OverdueTerms, detail.OverdueTermsWorded)));

        RateTable.Write(console, detail.Rate);
        CheckTable.Write(console, detail.Check);
    }

    private static string Percent(double? fraction) => fraction is { } value ? RateLoanReport.Percent(value) : CliText.Value_None;

    /// <summary>A payment's designation after its amount; nothing for the statutory order.</summary>
    private static string Designation(string? appliesTo) => (appliesTo is null ? PaymentTarget.Default : FactText.Target(appliesTo)) switch
    {
        PaymentTarget.Principal => "  " + CliText.List_PaymentToPrincipal,
        PaymentTarget.Interest => "  " + CliText.List_PaymentToInterest,
        PaymentTarget.Fees => "  " + CliText.List_PaymentToFees,
        _ => "",
    };
}
