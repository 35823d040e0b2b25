using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using DebtShield.Tests.Shared;

namespace DebtShield.Web.Tests;

/// <summary>
/// The real web program in a process of its own, as a borrower runs it, with a temporary folder of
/// its own (<c>TMPDIR</c> and <c>ASPNETCORE_TEMP</c>): a test can look at every file the program
/// leaves there while a request runs, and can kill the program mid-request.
/// </summary>
internal sealed class WebProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly TestLedger ledger;
    private readonly DirectoryInfo home;

    private WebProcess(Process process, TestLedger ledger, DirectoryInfo home, DirectoryInfo temporary, Uri address)
    {
        this.process = process;
        this.ledger = ledger;
        this.home = home;
        Temporary = temporary;
        Client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address, Timeout = Patience };
    }

    /// <summary>The program's temporary folder.</summary>
    public DirectoryInfo Temporary { get; }

    public HttpClient Client { get; }

    /// <summary>The lines the program has written to stderr so far.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>
    /// Starts the program on a free loopback port over a fresh SQLite ledger and waits until it
    /// answers; <paramref name="environment"/> is added to the program's environment. The ledger is
    /// a copy of a migrated one: the program's first migration is the CLI's and Data's tests'
    /// concern, and would cost each program started here seconds of its own.
    /// </summary>
    public static async Task<WebProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var home = Directory.CreateTempSubdirectory("web-process-");
        var temporary = home.CreateSubdirectory("tmp");
        var ledger = TestLedgers.CreateMigratedSqlite();
        var address = new Uri("http://127.0.0.1:" + FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DebtShield.Web.dll"));
        foreach (var argument in new[] { "--db", ledger.DbArgument, "--urls", address.ToString().TrimEnd('/'), "--no-browser" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TMPDIR"] = temporary.FullName;
        start.Environment["ASPNETCORE_TEMP"] = temporary.FullName;
        start.Environment["XDG_DATA_HOME"] = home.FullName;
        start.Environment["DOTNET_EnableDiagnostics"] = "0"; // no diagnostics socket among the files looked at
        start.Environment.Remove("DEBTSHIELD_DB");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var running = new WebProcess(process, ledger, home, temporary, address);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                running.Errors.Enqueue(text);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var until = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                using var answer = await running.Client.GetAsync("/api/v1/cases");
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    return running;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        await running.DisposeAsync();
        throw new InvalidOperationException("the web program did not start");
    }

    /// <summary>The page's antiforgery token (its cookie is kept by the client).</summary>
    public async Task<string> TokenAsync(string path)
    {
        var html = await Client.GetStringAsync(path);
        var token = RunningApp.Token().Match(html);
        Assert.True(token.Success, "no antiforgery token on " + path);
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>Opens a case titled <paramref name="title"/> and gives its id (what <c>?case=</c> takes).</summary>
    public async Task<Guid> NewCaseAsync(string title)
    {
        using var response = await Client.PostAsJsonAsync("/api/v1/cases", new { title });
        response.EnsureSuccessStatusCode();
        using var added = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return added.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Kills the program at once, as <c>kill -9</c> does: nothing of it runs to clean up.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
        ledger.Dispose();
        await Task.Run(() => home.Delete(recursive: true));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// One real web program shared by a test class's tests (an xunit class fixture), for tests that
/// each work in a case of their own and need the program's own process and temporary folder but
/// not a fresh one: on a loaded 2-core machine a program's start takes seconds of CPU.
/// </summary>
public sealed class SharedWebProcess : IAsyncLifetime
{
    private WebProcess? program;

    /// <summary>The class's program, started before its first test.</summary>
    internal WebProcess Program => program ?? throw new InvalidOperationException("The program is started by InitializeAsync.");

    public async Task InitializeAsync() => program = await WebProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (program is not null)
        {
            await program.DisposeAsync();
        }
    }
}
