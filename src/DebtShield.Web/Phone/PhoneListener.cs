using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace DebtShield.Web.Phone;

/// <summary>
/// The second listener, on the computer's LAN address, that lets the borrower's own phone use the
/// local app ("在手机上打开"). It runs only after the borrower asks for it (the page's button or
/// <c>--phone</c>), serves https only (<see cref="PhoneCertificate"/>), passes every request
/// through <see cref="PhoneGate"/> (own address only, paired phones only) and stops when asked or
/// when the app stops.
/// <para>
/// It is a second Kestrel server over the same request pipeline as the loopback one: the
/// pipeline is captured once when the app is built (<see cref="Entrance"/>), so a phone sees every
/// page and form exactly as the computer does, while the loopback listener keeps its own rule
/// (<see cref="LoopbackHost"/>) untouched.
/// </para>
/// </summary>
public sealed class PhoneListener(WebOptions options, PhonePairings pairings, TimeProvider time, IServiceProvider services, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private RequestDelegate? pipeline;
    private KestrelServer? server;
    private int disposed;

    /// <summary>Where phones reach the app (<c>https://address:port/</c>) while the listener runs; null when it does not.</summary>
    public Uri? Address { get; private set; }

    /// <summary>The fingerprint of the certificate phones are shown, while the listener runs.</summary>
    public string? Fingerprint { get; private set; }

    /// <summary>Whether this request came through the phone listener (and so from a paired phone).</summary>
    public static bool IsPhone(HttpContext http) => http?.Features.Get<PhonePairing>() is not null;

    /// <summary>
    /// The first middleware of the local app: keeps what follows as the phone listener's pipeline
    /// (behind <see cref="PhoneGate"/>) and gives the loopback listener the same, behind <see cref="LoopbackHost"/>.
    /// </summary>
    public RequestDelegate Entrance(RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var gate = new PhoneGate(this, pairings);
        pipeline = http => SecurityHeaders.ApplyAsync(http, inner => gate.CheckAsync(inner, next));
        return http => LoopbackHost.CheckAsync(http, next);
    }

    /// <summary>
    /// Starts listening on <see cref="WebOptions.PhoneAddress"/> (or the LAN address <see cref="LanAddress.Choose"/> finds)
    /// at a free port; does nothing when already listening. Null when it runs; else why not, in the user's words.
    /// </summary>
    public async Task<string?> StartAsync()
    {
        await turn.WaitAsync().ConfigureAwait(false);
        try
        {
            if (server is not null)
            {
                return null;
            }

            if (pipeline is null)
            {
                throw new InvalidOperationException("The phone listener needs the local app's pipeline (WebHost.Build).");
            }

            if ((options.PhoneAddress ?? LanAddress.Choose()) is not { } address)
            {
                return Resources.WebText.Phone_NoNetwork;
            }

            var certificate = PhoneCertificate.For(address, WebHost.KeyFolderOf(options), time.GetUtcNow());
            var kestrel = new KestrelServerOptions { ApplicationServices = services, AddServerHeader = false };
            kestrel.Limits.MaxRequestBodySize = UploadLimit.Bytes;
            kestrel.Listen(address, 0, listen => listen.UseHttps(certificate.Certificate));
            var started = new KestrelServer(Options.Create(kestrel), services.GetRequiredService<IConnectionListenerFactory>(), loggers);
            try
            {
                await started.StartAsync(new Application(services.GetRequiredService<IHttpContextFactory>(), pipeline), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
            {
                started.Dispose();
                return Resources.Localized.Format(Resources.WebText.Phone_CannotListen, address, e.Message.Split('\n')[0].Trim());
            }

            server = started;
            Address = new Uri(started.Features.Get<IServerAddressesFeature>()!.Addresses.First());
            Fingerprint = certificate.Fingerprint;
            return null;
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Stops listening and ends every pairing: phones get nothing until the borrower starts it again and they pair anew.</summary>
    public async Task StopAsync()
    {
        await turn.WaitAsync().ConfigureAwait(false);
        try
        {
            pairings.Clear();
            if (server is { } running)
            {
                server = null;
                Address = null;
                Fingerprint = null;
                await running.StopAsync(CancellationToken.None).ConfigureAwait(false);
                running.Dispose();
            }
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>The address a phone opens to pair with <paramref name="token"/>.</summary>
    public Uri PairingLink(string token) =>
        new(Address ?? throw new InvalidOperationException("The phone listener is not running."), PhoneGate.PairPath + token);

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The app is stopping: so does the phone listener.</summary>
    Task IHostedService.StopAsync(CancellationToken cancellationToken) => StopAsync();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // Registered both as itself and as a hosted service, so the container disposes it twice.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        turn.Dispose();
    }

    /// <summary>The phone server's requests, made into contexts with the app's services and run through the captured pipeline.</summary>
    private sealed class Application(IHttpContextFactory contexts, RequestDelegate pipeline) : IHttpApplication<HttpContext>
    {
        public HttpContext CreateContext(IFeatureCollection contextFeatures) => contexts.Create(contextFeatures);

        public Task ProcessRequestAsync(HttpContext context) => pipeline(context);

        public void DisposeContext(HttpContext context, Exception? exception) => contexts.Dispose(context);
    }
}
