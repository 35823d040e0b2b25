using System.Globalization;
using System.Threading.RateLimiting;
using DebtShield.Web.Hosting;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Web.Accounts;

/// <summary>
/// Turns the web app into the organisation's server (<c>--multi-user</c>): accounts with ASP.NET
/// Core Identity, a login cookie that never leaves the site (HttpOnly, SameSite=Strict, Secure over
/// https) checked against the account on every request, a growing wait for an address that keeps
/// guessing passwords plus a rate limit on the login form, the case door
/// (<see cref="CaseAccess"/>), and data-protection keys in the database so any node can read
/// another's cookies and form tokens. In local mode none of this is registered and the account
/// and admin pages do not exist.
/// </summary>
public static class MultiUserMode
{
    /// <summary>The rate-limit policy on the login form.</summary>
    public const string LoginLimit = "login";

    /// <summary>The authorization policy of the admin pages and API.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Registers the services; in local mode only hides the account and admin pages.</summary>
    public static void AddServices(WebApplicationBuilder builder, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var services = builder.Services;
        services.AddSingleton<CaseRoster>();
        if (!options.MultiUser)
        {
            services.Configure<RazorPagesOptions>(pages =>
            {
                pages.Conventions.AddFolderRouteModelConvention("/Account", page => page.Selectors.Clear());
                pages.Conventions.AddFolderRouteModelConvention("/Admin", page => page.Selectors.Clear());
            });
            return;
        }

        services.AddDbContext<AccountsContext>(db => AccountsContext.Configure(db, options.Ledger!.ConnectionString));
        services.AddDataProtection().SetApplicationName("DebtShield").PersistKeysToDbContext<AccountsContext>();
        services.AddIdentity<IdentityUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                // No account lock on wrong passwords: anyone could lock anyone out. Wrong guesses
                // slow down their own address instead (GuessThrottle, on the login page).
                identity.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<AccountsContext>()
            .AddErrorDescriber<WordedIdentityErrors>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "debtshield-auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // The API answers 401/403 instead of sending a program to a login form.
            cookie.Events.OnRedirectToLogin = context => Answer(context.HttpContext, StatusCodes.Status401Unauthorized, context.RedirectUri);
            cookie.Events.OnRedirectToAccessDenied = context => Answer(context.HttpContext, StatusCodes.Status403Forbidden, null);
        });
        // Every request checks the session's security stamp against the account, so a role change,
        // a new password, a removal or a logout ends the account's other sessions at once (and
        // the role in the session is read afresh), not at the cookie's next renewal.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin).AddRequirements(CaseAccessRequirement.Instance));
        services.Configure<RazorPagesOptions>(pages =>
        {
            pages.Conventions.AllowAnonymousToFolder("/Account");
            pages.Conventions.AllowAnonymousToPage("/Problem");
            pages.Conventions.AuthorizeFolder("/Admin", AdminPolicy);
            pages.Conventions.AuthorizePage("/Unlock", AdminPolicy);
        });
        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Ten tries a minute from one address; a wrong password five times locks the account itself.
            limits.AddPolicy(LoginLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter(""));
        });
    }

    private static Task Answer(HttpContext http, int status, string? redirect)
    {
        if (redirect is null || CaseAccess.IsApi(http))
        {
            http.Response.StatusCode = status;
        }
        else
        {
            http.Response.Redirect(redirect);
        }

        return Task.CompletedTask;
    }

    /// <summary>The middleware after routing and before authorization (which holds the case door, <see cref="CaseAccess"/>): rate limits and login.</summary>
    public static void Use(WebApplication app, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.MultiUser)
        {
            return;
        }

        app.UseRateLimiter();
        app.UseAuthentication();
        AdminApi.Map(app.MapGroup("/api/v1/admin").WithTags("DebtShield").RequireAuthorization(AdminPolicy).CaseFree());
    }

    /// <summary>Applies the accounts' migrations, makes sure the roles exist and warns about a listening address without https.</summary>
    public static async Task PrepareAsync(WebApplication app, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountsContext>().Database.MigrateAsync().ConfigureAwait(false);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
            }
        }

        foreach (var url in options.Urls.Where(u => u.Scheme != "https" && !u.IsLoopback))
        {
            await Console.Error.WriteLineAsync(string.Format(CultureInfo.CurrentCulture, WebText.Start_NotHttps, url)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>--create-admin EMAIL</c>: the first admin, with the password from
    /// <c>DEBTSHIELD_ADMIN_PASSWORD</c> or the first line of standard input. True when created.
    /// </summary>
    public static async Task<bool> CreateAdminAsync(WebApplication app, WebOptions options, string email, TextReader input)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(input);
        await PrepareAsync(app, options).ConfigureAwait(false);
        var password = Environment.GetEnvironmentVariable("DEBTSHIELD_ADMIN_PASSWORD") is { Length: > 0 } given ? given : await input.ReadLineAsync().ConfigureAwait(false);
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync(WebText.Admin_NoPassword).ConfigureAwait(false);
            return false;
        }

        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            await AccountDesk.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(), email, password, Roles.Admin).ConfigureAwait(false);
        }
        catch (App.RequestRefusedException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return false;
        }

        await Console.Out.WriteLineAsync(string.Format(CultureInfo.CurrentCulture, WebText.Admin_Created, email)).ConfigureAwait(false);
        return true;
    }
}
