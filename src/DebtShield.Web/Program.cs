using DebtShield.Web.Hosting;
using DebtShield.Web.Launching;
using DebtShield.Web.Phone;

// The local web app: `dotnet run --project src/DebtShield.Web [-- --demo] [--db …] [--urls …] [--no-browser]`.
// Without --urls it takes the usual port (a free one when that is taken) and opens the browser.
// `--phone` also opens the phone listener and prints its pairing QR code (docs/phone-pairing.md).
// Multi-user: add --multi-user and a PostgreSQL --db; `--create-admin EMAIL` makes the first admin and exits.
// Exit codes: 0 stopped normally, 1 bad arguments or an unusable ledger (one line on stderr).
StartTimeline.Mark("main");
var launch = LocalLaunch.Of(args);
var options = WebOptions.Parse(launch.Arguments, Environment.GetEnvironmentVariable("DEBTSHIELD_DB"));
if (options.Problem is { } problem)
{
    await Console.Error.WriteLineAsync(problem);
    return 1;
}

var app = WebHost.Build(options, TimeProvider.System);
StartTimeline.Mark("host-built");
if (options.CreateAdmin is { } admin)
{
    return await DebtShield.Web.Accounts.MultiUserMode.CreateAdminAsync(app, options, admin, Console.In) ? 0 : 1;
}

if (!await WebHost.StartAsync(app, options))
{
    return 1;
}

if (options.Phone && !await PhoneAccess.StartAsync(app))
{
    await app.StopAsync();
    return 1;
}

StartTimeline.Mark("started");
if (launch.OpenBrowser)
{
    LocalLaunch.Browse(options.Urls[0]);
}

await app.WaitForShutdownAsync();
return 0;

/// <summary>The web app's entry point; public so that tests can host it in process.</summary>
public partial class Program;
