using System.Globalization;
using System.Text;
using DebtShield.App.Resources;
using DebtShield.Data.Backups;
using DebtShield.Documents.Charts;

namespace DebtShield.App.PlanRepayment;

/// <summary>Use case: the plan as a chart file (SVG or PNG, by the file's extension), for the CLI's <c>--chart</c> and the web page.</summary>
public static class PlanChartFile
{
    /// <summary>
    /// The chart's data: every strategy's balance, and the monthly payments of the optimised plan
    /// (else lawful-first), up to two months after the last loan is paid; English labels as the fallback.
    /// </summary>
    public static PlanChartData Data(RepaymentPlanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var english = CultureInfo.GetCultureInfo("en");
        var fallback = Data(report, english, null);
        return Equals(PlanText.Culture ?? CultureInfo.CurrentUICulture, english) ? fallback : Data(report, PlanText.Culture ?? CultureInfo.CurrentUICulture, fallback);
    }

    private static PlanChartData Data(RepaymentPlanReport report, CultureInfo culture, PlanChartData? fallback)
    {
        var shown = report.Strategies.LastOrDefault(s => s.Name == "optimized") ?? report.Strategies.FirstOrDefault(s => s.Name == "lawful_first");
        var months = report.Strategies.All(s => s.MonthsToDebtFree is not null)
            ? Math.Min(report.Months, report.Strategies.Max(s => s.MonthsToDebtFree!.Value) + 2)
            : report.Months;
        string Text(string name) => PlanText.ResourceManager.GetString(name, culture) ?? name;
        string Label(string strategy) => StrategyNames.Title(strategy, culture);
        return new PlanChartData(
            Text(nameof(PlanText.Chart_Title)),
            [.. report.Strategies.Select(s => new ChartSeries(Label(s.Name), [.. s.BalanceByMonth.Take(months)]))],
            [.. (shown?.PaidByMonth ?? []).Take(months)],
            report.Budget,
            Text(nameof(PlanText.Chart_Month)),
            Text(nameof(PlanText.Chart_Balance)),
            Text(nameof(PlanText.Chart_PaidAxis)),
            string.Format(culture, Text(nameof(PlanText.Chart_Paid)), shown is null ? "—" : Label(shown.Name)),
            Text(nameof(PlanText.Chart_Budget)),
            fallback);
    }

    /// <summary>The chart as SVG, for a page to show.</summary>
    public static string Svg(RepaymentPlanReport report) => PlanChart.Svg(Data(report));

    /// <summary>Writes the chart to <paramref name="path"/>: SVG for <c>.svg</c>, PNG otherwise.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static Task WriteAsync(RepaymentPlanReport report, string path, CancellationToken cancellationToken = default)
    {
        var data = Data(report);
        var svg = string.Equals(Path.GetExtension(path), ".svg", StringComparison.OrdinalIgnoreCase);
        var bytes = svg ? Encoding.UTF8.GetBytes(PlanChart.Svg(data)) : PlanChart.Png(data);
        return PrivateFile.WriteAsync(path, (file, token) => file.WriteAsync(bytes, token).AsTask(), cancellationToken);
    }
}
