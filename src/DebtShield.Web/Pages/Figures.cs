using System.Globalization;

namespace DebtShield.Web.Pages;

/// <summary>How the pages write figures: yuan with two decimals and a thousands separator, rates as percentages, dates as ISO days.</summary>
public static class Figures
{
    /// <summary>¥12,345.60.</summary>
    public static string Yuan(decimal yuan) => "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>¥12,345.60, or a dash.</summary>
    public static string Yuan(decimal? yuan) => yuan is { } y ? Yuan(y) : "—";

    /// <summary>35.99%, or a dash.</summary>
    public static string Percent(double? fraction) => fraction is { } f && double.IsFinite(f) ? (f * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>2026-11-28, or a dash.</summary>
    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>2026-11-28 21:43.</summary>
    public static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
