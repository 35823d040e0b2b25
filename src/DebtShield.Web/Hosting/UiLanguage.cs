using System.Globalization;

namespace DebtShield.Web.Hosting;

/// <summary>
/// Chooses each request's language: Chinese unless the borrower switched to English (<c>?lang=en</c>,
/// remembered in a cookie). Numbers and dates are formatted invariantly, as in the CLI, so that an
/// amount reads the same in both languages. The browser's own language is ignored on purpose: many
/// Chinese borrowers use phones set to English.
/// </summary>
public static class UiLanguage
{
    /// <summary>The cookie that remembers the choice.</summary>
    public const string Cookie = "debtshield-lang";

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>True when the current request is in English.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Sets the language of the request, and remembers an explicit choice.</summary>
    public static Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // The problem page shown in place of a failed request answers in the language that request asked for.
        var asked = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is { OriginalQueryString: { Length: > 0 } original }
            ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(original).GetValueOrDefault("lang").ToString()
            : context.Request.Query["lang"].ToString();
        if (asked.Length > 0)
        {
            context.Response.Cookies.Append(Cookie, asked.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN", new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
        }

        var choice = asked.Length > 0 ? asked : context.Request.Cookies[Cookie] ?? "";
        CultureInfo.CurrentUICulture = choice.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        return next(context);
    }
}
