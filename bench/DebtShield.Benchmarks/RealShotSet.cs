using System.Globalization;
using System.Text.Json;
using DebtShield.Tests.Screenshots;

namespace DebtShield.Benchmarks;

/// <summary>
/// Real chat screenshots kept with their provenance (<c>data/screenshots/real/sources.jsonl</c>) and
/// one labeller's ground truth (a JSONL file beside them, one image a line), turned into the painted
/// set's <see cref="ShotTruth"/> so that <see cref="ScreenshotSetAccuracy"/> scores both the same way.
/// </summary>
/// <remarks>
/// A labeller sees what the screen shows, not when the picture was taken: a stamp such as
/// <c>昨天 21:43</c> or <c>21:43</c> gives the clock but not the day. Such a bubble's time is
/// compared on the clock only (<see cref="ShowsStamp"/>); a stamp with its date (<c>2024年12月26日
/// 晚上19:19</c>) is compared to the minute. Boxes are the labeller's estimate of each bubble's fill,
/// in the image's pixels; a message read belongs to a bubble on the scorer's rule (30% of the smaller
/// box), which an estimate a few pixels off does not change.
/// </remarks>
internal sealed class RealShotSet
{
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    private readonly HashSet<BubbleTruth> _clockOnly;

    private RealShotSet(IReadOnlyList<ChatShot> shots, HashSet<BubbleTruth> clockOnly)
    {
        Shots = shots;
        _clockOnly = clockOnly;
    }

    /// <summary>The screenshots with their truth, in the truth file's order.</summary>
    public IReadOnlyList<ChatShot> Shots { get; }

    /// <summary>Whether <paramref name="read"/> shows what the stamp above <paramref name="bubble"/> shows: the minute, or only the clock when the stamp gives no date.</summary>
    public bool ShowsStamp(BubbleTruth bubble, DateTimeOffset read)
    {
        if (bubble.Time is not { } stamp)
        {
            return false;
        }

        var local = read.ToOffset(ChinaTime);
        return _clockOnly.Contains(bubble)
            ? (local.Hour, local.Minute) == (stamp.Hour, stamp.Minute)
            : local.DateTime.AddSeconds(-local.Second) == stamp.DateTime;
    }

    /// <summary>Loads the truth file <paramref name="truthFile"/> and the images it names from <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">The truth file is missing, or a line of it is not a screenshot's truth, or names an image that is not there; the message names the file and line.</exception>
    public static RealShotSet Load(string folder, string truthFile)
    {
        var path = Path.IsPathRooted(truthFile) ? truthFile : Path.Combine(folder, truthFile);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: no such truth file");
        }

        var shots = new List<ChatShot>();
        var clockOnly = new HashSet<BubbleTruth>(ReferenceEqualityComparer.Instance);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                shots.Add(Shot(folder, line, clockOnly));
            }
            catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or IOException)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path}, line {number}: {e.Message}"), e);
            }
        }

        return new RealShotSet(shots, clockOnly);
    }

    private static ChatShot Shot(string folder, string line, HashSet<BubbleTruth> clockOnly)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var file = root.GetProperty("file").GetString() ?? throw new FormatException("\"file\" is empty");
        var captured = DateTimeOffset.Parse(Required(root, "captured"), CultureInfo.InvariantCulture);
        var bubbles = new List<BubbleTruth>();
        foreach (var (bubble, index) in root.GetProperty("bubbles").EnumerateArray().Select((b, i) => (b, i)))
        {
            var side = Required(bubble, "side") switch
            {
                "left" => "received",
                "right" => "sent",
                var other => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"bubble {index + 1}: side \"{other}\" is neither left nor right")),
            };
            var box = bubble.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            if (box.Length != 4 || box[2] <= 0 || box[3] <= 0)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"bubble {index + 1}: box must be [left, top, width, height] with a width and a height"));
            }

            var (time, dated) = Stamp(bubble, captured);
            var truth = new BubbleTruth(side, Required(bubble, "text"), time, time ?? captured, Required(bubble, "script"), box);
            if (time is not null && !dated)
            {
                clockOnly.Add(truth);
            }

            bubbles.Add(truth);
        }

        var image = Path.Combine(folder, file);
        if (!File.Exists(image))
        {
            throw new FileNotFoundException($"the image {file} is not in {folder}");
        }

        var counterpart = root.TryGetProperty("counterpart", out var named) && named.ValueKind == JsonValueKind.String ? named.GetString() : null;
        var app = Required(root, "app");
        var truthOfShot = new ShotTruth(file, app, Scale: 0, Path.GetExtension(file).TrimStart('.'), "real", root.GetProperty("chat").GetBoolean(), counterpart, captured, PairWith: null, bubbles);
        return new ChatShot(File.ReadAllBytes(image), truthOfShot);
    }

    /// <summary>The time the stamp above a bubble gives (China time) and whether it gives the date: <c>2024-12-26T19:19</c>, <c>19:19</c>, or none.</summary>
    private static (DateTimeOffset? Time, bool Dated) Stamp(JsonElement bubble, DateTimeOffset captured)
    {
        if (!bubble.TryGetProperty("time", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (null, false);
        }

        var text = value.GetString() ?? "";
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            var day = DateOnly.FromDateTime(captured.ToOffset(ChinaTime).DateTime);
            return (new DateTimeOffset(day.ToDateTime(clock), ChinaTime), false);
        }

        return DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dated)
            ? (new DateTimeOffset(dated, ChinaTime), true)
            : throw new FormatException($"time \"{text}\" is neither HH:mm nor yyyy-MM-ddTHH:mm");
    }

    private static string Required(JsonElement element, string name) =>
        element.GetProperty(name).GetString() is { Length: > 0 } text ? text : throw new FormatException($"\"{name}\" is empty");
}
