using ScottPlot;
using SkiaSharp;

namespace DebtShield.Documents.Charts;

/// <summary>
/// Draws a repayment plan: what is owed over time under each strategy (lines, left axis) and, for
/// one strategy, what is paid each month against the monthly budget (bars and a line, right axis).
/// SVG for the web page and documents, PNG for sharing.
/// </summary>
public static class PlanChart
{
    /// <summary>Width of the image in pixels.</summary>
    public const int Width = 1000;

    /// <summary>Height of the image in pixels.</summary>
    public const int Height = 560;

    /// <summary>Renders <paramref name="data"/> as SVG text.</summary>
    public static string Svg(PlanChartData data) => Build(data).GetSvgXml(Width, Height);

    /// <summary>Renders <paramref name="data"/> as PNG bytes.</summary>
    public static byte[] Png(PlanChartData data) => Build(data).GetImage(Width, Height).GetImageBytes(ImageFormat.Png);

    private static Plot Build(PlanChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = data.Title + data.MonthLabel + data.BalanceLabel + data.PaidAxisLabel + data.PaidLabel + data.BudgetLabel + string.Concat(data.Series.Select(s => s.Name));
        var font = Fonts.Detect(text);
        if (data.Fallback is { } fallback && !CanDraw(font, text))
        {
            // No font on this machine has the glyphs (a server without CJK fonts): draw the English labels instead of boxes.
            return Build(fallback);
        }

        var plot = new Plot();
        var months = data.Series.Select(s => s.Balance.Count).DefaultIfEmpty(0).Max();
        var positions = Enumerable.Range(1, months).Select(m => (double)m).ToArray();

        var paid = plot.Add.Bars(positions[..data.Paid.Count], [.. data.Paid.Select(p => (double)p)]);
        paid.Color = Colors.LightGray;
        paid.LegendText = data.PaidLabel;
        paid.Axes.YAxis = plot.Axes.Right;

        var budget = plot.Add.HorizontalLine((double)data.Budget);
        budget.Axes.YAxis = plot.Axes.Right;
        budget.LinePattern = LinePattern.Dashed;
        budget.LegendText = data.BudgetLabel;

        foreach (var series in data.Series)
        {
            var line = plot.Add.Scatter(positions[..series.Balance.Count], [.. series.Balance.Select(b => (double)b)]);
            line.LegendText = series.Name;
            line.MarkerSize = 0;
            line.LineWidth = 2;
        }

        plot.Title(data.Title);
        plot.XLabel(data.MonthLabel);
        plot.YLabel(data.BalanceLabel);
        plot.Axes.Right.Label.Text = data.PaidAxisLabel;
        plot.Axes.SetLimitsY(0, Math.Max(1.0, data.Series.SelectMany(s => s.Balance).Select(b => (double)b).DefaultIfEmpty(0).Max() * 1.05), plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Math.Max(1.0, Math.Max((double)data.Budget, data.Paid.Select(p => (double)p).DefaultIfEmpty(0).Max()) * 1.6), plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperRight);
        plot.Font.Set(font);
        return plot;
    }

    private static bool CanDraw(string family, string text)
    {
        using var typeface = SKTypeface.FromFamilyName(family);
        return typeface is not null && typeface.ContainsGlyphs(text.Where(c => !char.IsWhiteSpace(c)).ToArray().AsSpan().ToString());
    }
}

/// <summary>What the plan chart shows.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Series">Each strategy's total owed after each month.</param>
/// <param name="Paid">What one strategy pays each month.</param>
/// <param name="Budget">The monthly budget for debts.</param>
/// <param name="MonthLabel">The x-axis label.</param>
/// <param name="BalanceLabel">The left axis label.</param>
/// <param name="PaidAxisLabel">The right axis label.</param>
/// <param name="PaidLabel">The legend of the bars.</param>
/// <param name="BudgetLabel">The legend of the budget line.</param>
/// <param name="Fallback">The same chart with English labels, drawn when no font on the machine has the first one's glyphs.</param>
public sealed record PlanChartData(
    string Title,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<decimal> Paid,
    decimal Budget,
    string MonthLabel,
    string BalanceLabel,
    string PaidAxisLabel,
    string PaidLabel,
    string BudgetLabel,
    PlanChartData? Fallback = null);

/// <summary>One line of the chart.</summary>
/// <param name="Name">Its legend.</param>
/// <param name="Balance">The value after each month.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Balance);
