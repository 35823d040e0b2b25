using System.Globalization;

namespace DebtShield.Web.Tests;

/// <summary>The start's milestones told on stderr for measuring (issue 25), and only when asked for.</summary>
public sealed class StartTimelineTests
{
    private static readonly Dictionary<string, string> Asked = new() { ["DEBTSHIELD_START_TIMELINE"] = "1" };

    [Fact]
    public async Task Mark_Asked_TellsEachMilestoneOnceInOrderOfTime()
    {
        await using var app = await WebProcess.StartAsync(Asked);

        var marks = await MarksAsync(app, "first-response");

        var names = marks.Select(m => m.Name).ToList();
        Assert.Equal(["first-request", "first-response", "host-built", "ledger-opened", "listening", "main", "started"], names.Order(StringComparer.Ordinal));
        Assert.Equal(["main", "host-built"], names.Take(2));
        Assert.True(names.IndexOf("listening") < names.IndexOf("started") && names.IndexOf("ledger-opened") < names.IndexOf("started"), string.Join(", ", names));
        Assert.True(names.IndexOf("first-request") < names.IndexOf("first-response"), string.Join(", ", names));
        Assert.True(marks.Zip(marks.Skip(1)).All(pair => pair.First.Cpu <= pair.Second.Cpu && pair.First.Wall <= pair.Second.Wall), "time went back: " + string.Join(", ", marks));
        Assert.True(marks[0].Wall > 0 && marks[0].Cpu > 0, "Main before the process's start: " + marks[0]);
    }

    [Fact]
    public async Task Mark_NotAsked_TellsNothing()
    {
        await using var app = await WebProcess.StartAsync();

        using var page = await app.Client.GetAsync("/");

        Assert.DoesNotContain(app.Errors, line => line.StartsWith("start-timeline", StringComparison.Ordinal));
    }

    private static async Task<List<Mark>> MarksAsync(WebProcess app, string last)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!app.Errors.Any(line => line.StartsWith("start-timeline " + last + " ", StringComparison.Ordinal)) && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        return [.. app.Errors.Where(line => line.StartsWith("start-timeline ", StringComparison.Ordinal)).Select(Mark.Parse)];
    }

    private sealed record Mark(string Name, long Wall, long Cpu)
    {
        public static Mark Parse(string line)
        {
            var words = line.Split(' ');
            Assert.Equal(4, words.Length);
            return new Mark(words[1], long.Parse(words[2], CultureInfo.InvariantCulture), long.Parse(words[3], CultureInfo.InvariantCulture));
        }
    }
}
