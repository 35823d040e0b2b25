using System.Diagnostics;
using System.Globalization;

namespace DebtShield.Web.Hosting;

/// <summary>
/// Where one start of the app spends its time, for measuring it (docs/benchmarks.md, issue 25):
/// with <c>DEBTSHIELD_START_TIMELINE=1</c> in the environment, each milestone from <c>Main</c> to
/// the first answer written is told on stderr as one line, <c>start-timeline NAME WALL_MS CPU_MS</c>,
/// wall time counted from the process's start (as the operating system records it) and CPU time
/// (user and system, every thread) spent by then. Without it nothing is measured or written.
/// </summary>
/// <remarks>
/// Not for people: the line's words are fixed English for scripts (<c>bench/load/start-time.sh</c>),
/// like a trace. The process's start is read once, when the first milestone is marked, so a start
/// that does not ask for the timeline pays for nothing but the one environment read.
/// </remarks>
public static class StartTimeline
{
    private static readonly DateTimeOffset? ProcessStart = Environment.GetEnvironmentVariable("DEBTSHIELD_START_TIMELINE") == "1"
        ? new DateTimeOffset(Process.GetCurrentProcess().StartTime)
        : null;

    private static readonly Lock Telling = new();

    private static int answered;

    /// <summary>Whether this process tells its milestones.</summary>
    public static bool IsEnabled => ProcessStart is not null;

    /// <summary>Tells <paramref name="milestone"/> (one word) with the wall and CPU time spent so far, when enabled.</summary>
    public static void Mark(string milestone)
    {
        if (ProcessStart is not { } start)
        {
            return;
        }

        // Read and written under one lock, so that the lines' order is the order of their times.
        lock (Telling)
        {
            var wall = (DateTimeOffset.Now - start).TotalMilliseconds;
            var cpu = Environment.CpuUsage.TotalTime.TotalMilliseconds;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start-timeline {milestone} {wall:F0} {cpu:F0}"));
        }
    }

    /// <summary>Middleware, first in the pipeline when enabled: marks the first request's arrival and its answer's end.</summary>
    public static async Task FirstRequestAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (Interlocked.Exchange(ref answered, 1) != 0)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        Mark("first-request");
        await next(context).ConfigureAwait(false);
        Mark("first-response");
    }
}
