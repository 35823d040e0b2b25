using System.Globalization;
using System.Text;
using DebtShield.App.Resources;
using DebtShield.Data.Backups;
using DebtShield.Documents.Charts;

namespace DebtShield.App.PlanRepayment;

/// <summary>Use case: the plan as a chart file (SVG or PNG, by the file's extension), for the CLI's <c>--chart</c> and the web page.</summary>
public static class PlanChartFile
{
    /// <summary>The chart's data: every strategy's balance, and the monthly payments of the optimised plan (else lawful-first).</summary>
    public static PlanChartData Data(RepaymentPlanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var shown = report.Strategies.LastOrDefault(s => s.Name == "optimized") ?? report.Strategies.FirstOrDefault(s => s.Name == "lawful_first");
        return new PlanChartData(
            PlanText.Chart_Title,
            [.. report.Strategies.Select(s => new ChartSeries(Label(s.Name), s.BalanceByMonth))],
            shown?.PaidByMonth ?? [],
            report.Budget,
            PlanText.Chart_Month,
            PlanText.Chart_Balance,
            PlanText.Chart_PaidAxis,
            string.Format(CultureInfo.CurrentCulture, PlanText.Chart_Paid, shown is null ? "—" : Label(shown.Name)),
            PlanText.Chart_Budget);
    }

    /// <summary>Writes the chart to <paramref name="path"/>: SVG for <c>.svg</c>, PNG otherwise.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static Task WriteAsync(RepaymentPlanReport report, string path, CancellationToken cancellationToken = default)
    {
        var data = Data(report);
        var svg = string.Equals(Path.GetExtension(path), ".svg", StringComparison.OrdinalIgnoreCase);
        var bytes = svg ? Encoding.UTF8.GetBytes(PlanChart.Svg(data)) : PlanChart.Png(data);
        return PrivateFile.WriteAsync(path, (file, token) => file.WriteAsync(bytes, token).AsTask(), cancellationToken);
    }

    /// <summary>The borrower's name of a strategy.</summary>
    public static string Label(string name) => PlanText.ResourceManager.GetString("Strategy_" + name, PlanText.Culture) ?? name;
}
