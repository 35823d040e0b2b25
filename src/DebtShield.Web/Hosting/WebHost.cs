using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DebtShield.App.Demo;
using DebtShield.App.Ledgers;
using DebtShield.Web.Accounts;
using DebtShield.Web.Api;
using DebtShield.Web.Phone;
using DebtShield.Web.Resources;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.WebEncoders;
using Scalar.AspNetCore;

namespace DebtShield.Web.Hosting;

/// <summary>Builds the web app: services, middleware, pages and the <c>/api/v1</c> endpoints.</summary>
public static class WebHost
{
    /// <summary>The app for <paramref name="options"/>, not yet started.</summary>
    public static WebApplication Build(WebOptions options, TimeProvider time, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        // The slim builder (issue 25, docs/benchmarks.md): the full one also probes for QUIC (HTTP/3)
        // and adds the debug and event-source log providers and the IIS integration, which this app
        // does not use, for about 20 ms of CPU at every start. What the app does use stays: the
        // settings from the environment and the command line, the console log, and Kestrel's https
        // (the phone listener, an https --urls), added back below.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,

            // The app has no settings files to reload; watching for them would cost an inotify
            // instance per host (128 a user by default, shared by every host a test run starts).
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls([.. options.Urls.Select(u => u.ToString().TrimEnd('/'))]);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

        // A database that does not exist yet is created by the first migration, after EF Core has
        // logged its failed connection as an error; a real connection failure is told in one line
        // from the exception (LedgerException), so the log line says nothing more.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.Critical);

        // A failed start is told in one line by StartAsync, not as the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        // The local app's keys protect only its forms' tokens and the calendar feed's address; they
        // live in an owner-only folder beside a SQLite ledger, and the "not encrypted at rest"
        // warning says nothing the folder's permissions do not already answer.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        if (KeyFolderOf(options) is { } keys)
        {
            builder.Services.AddDataProtection().SetApplicationName("DebtShield").PersistKeysToFileSystem(PrivateFolder(keys));
        }
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ChainChecks>();
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<HeldUploads<HeldBackup>>();
        builder.Services.AddSingleton<HeldUploads<HeldScreenshots>>();
        builder.Services.AddSingleton<CalendarFeeds>();
        if (!options.MultiUser)
        {
            builder.Services.AddSingleton<ExampleLedger>();
            builder.Services.AddSingleton<PhonePairings>();
            builder.Services.AddSingleton<PhoneListener>();
            builder.Services.AddHostedService(services => services.GetRequiredService<PhoneListener>());
        }

        builder.Services.AddSingleton<GuessThrottle>();
        builder.Services.AddSingleton(services => new LedgerGate(options.Ledger!, services.GetRequiredService<ILogger<LedgerGate>>()));
        builder.Services.AddRazorPages().ConfigureApplicationPartManager(parts =>
        {
            // The app has pages and endpoints, no controllers. Looking for controllers loads every
            // type of this assembly when the pages are mapped, at every start (issue 25).
            foreach (var controllers in parts.FeatureProviders.OfType<ControllerFeatureProvider>().ToList())
            {
                parts.FeatureProviders.Remove(controllers);
            }
        });
        UploadLimit.Configure(builder);
        CaseAccess.AddServices(builder.Services);
        MultiUserMode.AddServices(builder, options);

        // Chinese is written as Chinese: the default encoder would turn every character into an
        // entity, tripling the pages' size. Markup characters are still always encoded.
        builder.Services.Configure<WebEncoderOptions>(encoding => encoding.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<RefusalHandler>();
        builder.Services.AddOpenApi(openApi => openApi.AddOperationTransformer<Api.CaseParameterDocument>());
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, App.ReportJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(1, WebJsonContext.Default);

            // A context's own converters are not asked for its types when it is one resolver of a chain.
            json.SerializerOptions.Converters.Add(new App.Input.ReadingProblemJson());
        });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "debtshield-csrf";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = 1;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.Proxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }
        });
        DeferKeyRing(builder.Services);
        configure?.Invoke(builder);

        var app = builder.Build();
        if (StartTimeline.IsEnabled)
        {
            app.Use(StartTimeline.FirstRequestAsync);
        }

        if (!options.MultiUser)
        {
            // Loopback requests meet LoopbackHost; the phone listener's, the pairing gate.
            app.Use(app.Services.GetRequiredService<PhoneListener>().Entrance);
        }

        if (options.Proxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/problem",
            StatusCodeSelector = e => LedgerAccess.DescribeRefusal(e) is null ? StatusCodes.Status500InternalServerError : StatusCodes.Status400BadRequest,
        });
        // A failed request with no body of its own gets the problem page (a person) or a problem
        // document (a program): the problem page tells them apart.
        app.UseStatusCodePagesWithReExecute("/problem");
        app.Use(UploadLimit.EnforceAsync);
        app.Use(StreamedForm.ReadTokenAsync);
        app.Use(SecurityHeaders.ApplyAsync);
        app.Use(UiLanguage.ApplyAsync);
        app.UseStaticFiles();
        app.UseRouting();
        MultiUserMode.Use(app, options);
        app.UseAuthorization(); // the case door (CaseAccess), in both modes; in multi-user mode also login and roles
        app.UseAntiforgery();
        app.MapRazorPages();
        var api = app.MapGroup("/api/v1").WithTags("DebtShield");
        CaseApi.Map(api);
        LoanApi.Map(api);
        EvidenceApi.Map(api);
        PlanApi.Map(api);
        DocumentApi.Map(api);
        OfferApi.Map(api);
        GuideApi.Map(api);
        GuideApi.MapPictures(app);
        CalendarFeeds.Map(app);
        app.MapOpenApi().CaseFree();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        return app;
    }

    /// <summary>The owner-only folder beside a SQLite ledger that holds the app's keys; null for a ledger with no folder (PostgreSQL).</summary>
    public static string? KeyFolderOf(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Ledger?.FilePath is { } file && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder ? PrivateFolder(Path.Combine(folder, "web-keys")).FullName : null;
    }

    /// <summary>
    /// Leaves the data-protection key ring to be read (or its first key made) when something first
    /// protects or unprotects: a form's antiforgery token, the calendar feed's address, a login.
    /// </summary>
    /// <remarks>
    /// Data protection registers a hosted service that only loads the key ring as the host starts,
    /// so that the first request does not. At every start of the local app that meant loading
    /// the XML libraries, reading and checking the key files (or making and writing a key) and
    /// setting up its cipher, on the main thread before the server listened (issue 25,
    /// docs/benchmarks.md), although the first page has no form and needs no key. The keys, their
    /// folder and their lifetime are unchanged.
    /// </remarks>
    private static void DeferKeyRing(IServiceCollection services)
    {
        foreach (var warming in services.Where(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
        {
            services.Remove(warming);
        }
    }

    private static DirectoryInfo PrivateFolder(string path) =>
        OperatingSystem.IsWindows() ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    /// <summary>
    /// Starts the app: opens the ledger (applying migrations, loading the demo case when asked)
    /// while the server starts, then says where to point the browser. Both take most of a second,
    /// mostly compiling code on first use, so they run side by side; pages asked for before the
    /// ledger is ready wait for it. False when the ledger cannot be used: the server is stopped and
    /// the reason is on stderr. A protected ledger without a passphrase is left locked for the
    /// unlock page.
    /// </summary>
    public static async Task<bool> StartAsync(WebApplication app, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        var gate = app.Services.GetRequiredService<LedgerGate>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        StaleUploads.Sweep(Path.GetTempPath(), time.GetUtcNow());
        var ready = Task.Run(async () =>
        {
            if (options.MultiUser)
            {
                await MultiUserMode.PrepareAsync(app, options).ConfigureAwait(false);
            }

            var opened = await gate.PrepareAsync(options.Demo ? ledger => LoadDemo.RunAsync(ledger, time) : null).ConfigureAwait(false);
            StartTimeline.Mark("ledger-opened");
            return opened;
        });

        try
        {
            await app.StartAsync().ConfigureAwait(false);
            StartTimeline.Mark("listening");
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            // The address is taken (another copy of the app is running), cannot be listened on, or
            // is https without a certificate: one line, not the server's stack trace.
            await Console.Error.WriteLineAsync(string.Format(CultureInfo.CurrentCulture, WebText.Start_CannotListen, string.Join(" ", options.Urls), e.Message.Split('\n')[0].Trim())).ConfigureAwait(false);
            await ready.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            return false;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (!options.MultiUser && LoopbackHost.CheckBound(bound) is { } open)
        {
            await Console.Error.WriteLineAsync(open).ConfigureAwait(false);
            await app.StopAsync().ConfigureAwait(false);
            await ready.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            return false;
        }

        try
        {
            await ready.ConfigureAwait(false);
        }
        catch (Exception e) when (LedgerAccess.FailureOf(e) == LedgerFailure.Locked && !options.Demo)
        {
            await Console.Out.WriteLineAsync(WebText.Start_Locked).ConfigureAwait(false);
        }
        catch (Exception e) when (LedgerAccess.DescribeRefusal(e) is { } message)
        {
            await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
            await app.StopAsync().ConfigureAwait(false);
            return false;
        }

        await Console.Out.WriteLineAsync(string.Format(CultureInfo.CurrentCulture, options.MultiUser ? WebText.Start_MultiUser : WebText.Start_Open, bound.FirstOrDefault() ?? options.Urls[0].ToString(), gate.Location.Display)).ConfigureAwait(false);
        return true;
    }
}
