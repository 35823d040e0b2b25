using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DebtShield.Web.Launching;

/// <summary>
/// What starting the app from a release archive adds to the arguments: a borrower double-clicks
/// <c>debtshield-web</c> and expects a page, not a terminal. Started without <c>--urls</c>, the
/// local app listens on its usual address (<see cref="Hosting.WebOptions.DefaultUrl"/>, so a
/// calendar subscribed yesterday still answers) or, when another program holds that port, on a
/// free one; and opens the default browser on it unless <c>--no-browser</c> says not to.
/// </summary>
/// <param name="Arguments">The arguments for <see cref="Hosting.WebOptions.Parse"/>, with the launcher's own removed and a free port added when needed.</param>
/// <param name="OpenBrowser">Whether to open the browser once the app answers.</param>
public sealed record LocalLaunch(IReadOnlyList<string> Arguments, bool OpenBrowser)
{
    /// <summary>The launcher's own option: start without opening a browser (tests, servers, scripts).</summary>
    public const string NoBrowser = "--no-browser";

    /// <summary>Reads the command line.</summary>
    public static LocalLaunch Of(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = args.Where(a => a != NoBrowser).ToList();
        var browse = rest.Count == args.Count;
        var chosenAddress = rest.Any(a => a == "--urls" || a.StartsWith("--urls=", StringComparison.Ordinal));
        var server = rest.Any(a => a is "--multi-user" or "--create-admin" || a.StartsWith("--create-admin=", StringComparison.Ordinal));
        if (chosenAddress || server)
        {
            return new LocalLaunch(rest, false);
        }

        var usual = new Uri(Hosting.WebOptions.DefaultUrl);
        if (!IsFree(usual.Port))
        {
            rest.AddRange(["--urls", $"http://127.0.0.1:{FreePort()}"]);
        }

        return new LocalLaunch(rest, browse);
    }

    /// <summary>Opens <paramref name="address"/> in the default browser; where none can be started, the address printed at start is the way in.</summary>
    public static void Browse(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var url = address.AbsoluteUri;
        var start = OperatingSystem.IsWindows() ? new ProcessStartInfo(url) { UseShellExecute = true }
            : OperatingSystem.IsMacOS() ? new ProcessStartInfo("open", [url])
            : new ProcessStartInfo("xdg-open", [url]);
        start.RedirectStandardError = !OperatingSystem.IsWindows();
        start.RedirectStandardOutput = !OperatingSystem.IsWindows();
        try
        {
            using var process = Process.Start(start);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            // No browser opener on this machine (a server, a minimal desktop): the console shows the address.
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            probe.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A port nobody listens on now: the system picks it for a listener that is closed at once.</summary>
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
