using DebtShield.Documents.Charts;

namespace DebtShield.Documents.Tests;

public sealed class PlanChartTests
{
    private static readonly PlanChartData Data = new(
        "repayment plan",
        [new ChartSeries("avalanche", [3000m, 2000m, 1000m, 0m]), new ChartSeries("snowball", [3100m, 2100m, 900m, 0m])],
        [1000m, 1000m, 1000m, 0m],
        1200m,
        "month",
        "owed",
        "paid",
        "paid a month",
        "budget");

    [Fact]
    public void Svg_Plan_IsAnSvgDocumentNamingEveryStrategy()
    {
        var svg = PlanChart.Svg(Data);

        Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("width=\"1000\"", svg, StringComparison.Ordinal);
        Assert.Contains("avalanche", svg, StringComparison.Ordinal);
        Assert.Contains("snowball", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Png_Plan_IsAPngOfTheChartsSize()
    {
        var png = PlanChart.Png(Data);

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        // IHDR: width and height, big-endian, at bytes 16–23
        Assert.Equal(PlanChart.Width, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
        Assert.Equal(PlanChart.Height, (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23]);
    }
}
