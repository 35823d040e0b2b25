using System.Globalization;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Pages;

/// <summary>The words for a legal flag's id (<c>above_36</c> → 年化超过 36%); an id without words is shown as it is.</summary>
public static class FlagNames
{
    /// <summary>The flag's name in the UI language.</summary>
    public static string Of(string flag) => WebText.ResourceManager.GetString("Flag_" + flag, CultureInfo.CurrentUICulture) ?? flag;
}
