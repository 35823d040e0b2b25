using System.Diagnostics;
using System.Globalization;
using DebtShield.Core;
using DebtShield.Core.Evidence;
using DebtShield.Core.Screenshots;
using DebtShield.Import.Screenshots;
using DebtShield.Tests.Screenshots;
using SkiaSharp;

namespace DebtShield.Benchmarks;

/// <summary>
/// Reads the whole screenshot set of issue 24 (<see cref="ChatShotSet"/>, 64 painted images with
/// ground truth) as the import reads a screenshot (decode, OCR, layout, the not-a-chat check) and
/// compares what comes back with what was painted: character error by script, bubbles found 1:1,
/// split, merged or missed, sides, counterparts, times (right, flagged estimated, wrong without a
/// flag), non-chats refused, the overlapping pairs' messages kept twice, and seconds a screenshot.
/// </summary>
/// <remarks>
/// A bubble is matched by place: a message read belongs to every painted bubble that holds at least
/// 30% of the smaller of the two boxes. A bubble with no message is missed, with two or more split,
/// and a message over two bubbles merges them. Character error is the edit distance between the
/// painted text (emoji and spaces left out: they are pictures) and the text read for the bubble (its
/// messages joined), over the painted length; missed bubbles are counted as missed, not in the error.
/// </remarks>
internal static class ScreenshotSetAccuracy
{
    /// <summary>Reads the set (or the screenshots whose app or variant contains <paramref name="only"/>) and prints the figures.</summary>
    public static Task RunAsync(bool verbose, string? only = null) =>
        MeasureAsync(
            ChatShotSet.All().Where(s => only is null || s.Truth.App.Contains(only, StringComparison.Ordinal) || s.Truth.Variant.Contains(only, StringComparison.Ordinal)).ToList(),
            static _ => DateTimeOffset.UnixEpoch,
            static (bubble, read) => bubble.Time == read,
            verbose);

    /// <summary>
    /// Reads the real screenshots of <paramref name="set"/> and prints the same figures as for the
    /// painted set. The capture time given to the reader is the one the truth file records (the
    /// commit that published the picture: it was taken by then), since a real picture's file name
    /// carries none; a time is right when it shows what the stamp above the bubble shows.
    /// </summary>
    public static Task RunAsync(RealShotSet set, bool verbose) =>
        MeasureAsync(set.Shots, static truth => truth.Captured, set.ShowsStamp, verbose);

    /// <summary>Reads <paramref name="shots"/> and prints the figures; <paramref name="sameTime"/> says whether a time read is the bubble's.</summary>
    private static async Task MeasureAsync(IReadOnlyList<ChatShot> shots, Func<ShotTruth, DateTimeOffset> fileTime, Func<BubbleTruth, DateTimeOffset, bool> sameTime, bool verbose)
    {
        var ocr = new TesseractOcr();
        var tally = new Tally(sameTime);
        var readings = new Dictionary<string, ScreenshotReading?>();
        var cpuBefore = CpuSeconds();
        var clock = Stopwatch.StartNew();
        var walls = new List<double>();
        // Read as the import reads a folder: a batch of screenshots shares one Tesseract process a
        // model (here one batch after the other, on one core); a screenshot's wall time is its batch's share.
        foreach (var batch in shots.Chunk(ScreenshotReader.BatchSize))
        {
            var started = clock.Elapsed;
            var attempts = await ScreenshotReader.ReadAllAsync([.. batch.Select(s => new ScreenshotSource(s.Image, s.Truth.Name, fileTime(s.Truth)))], ocr);
            var wall = (clock.Elapsed - started).TotalSeconds / batch.Length;
            for (var j = 0; j < batch.Length; j++)
            {
                var shot = batch[j];
                var (reading, refused) = Judge(attempts[j]);
                walls.Add(wall);
                readings[shot.Truth.Name] = refused is null ? reading : null;
                tally.Add(shot.Truth, reading, refused, verbose);
            }
        }

        var cpu = CpuSeconds() - cpuBefore;
        foreach (var shot in shots.Where(s => s.Truth.Variant == "pair-first"))
        {
            if (shots.SingleOrDefault(s => s.Truth.Name == shot.Truth.PairWith) is not { } second)
            {
                continue;
            }

            tally.AddPair(shot.Truth, readings[shot.Truth.Name], second.Truth, readings[second.Truth.Name], verbose);
        }

        tally.Print(shots.Count, walls, cpu);
    }

    /// <summary>What the import makes of a screenshot read: its reading, and the reason when it is refused.</summary>
    private static (ScreenshotReading? Reading, string? Refused) Judge(ScreenshotAttempt attempt)
    {
        if (attempt.Reading is not { } reading)
        {
            return (null, attempt.Refusal!.Message);
        }

        var signs = reading.SignsAgainstChat;
        return signs.Count > 0 ? (reading, string.Join(",", signs)) : (reading, null);
    }

    /// <summary>The CPU seconds of this process and of its finished children (the tesseract processes), from /proc/self/stat.</summary>
    private static double CpuSeconds()
    {
        var fields = File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // After the name: state is field 3, so utime (14), stime (15), cutime (16), cstime (17) are at 11..14.
        return Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static bool Touches(PixelBox read, int[] fill)
    {
        var box = new SKRectI(fill[0], fill[1], fill[0] + fill[2], fill[1] + fill[3]);
        var width = Math.Min(read.Right, box.Right) - Math.Max(read.Left, box.Left);
        var height = Math.Min(read.Bottom, box.Bottom) - Math.Max(read.Top, box.Top);
        if (width <= 0 || height <= 0)
        {
            return false;
        }

        var smaller = Math.Min((long)read.Width * read.Height, (long)fill[2] * fill[3]);
        return width * (long)height >= 0.3 * smaller;
    }

    private sealed class Tally(Func<BubbleTruth, DateTimeOffset, bool> sameTime)
    {
        private readonly List<double> _simplified = [];
        private readonly List<double> _traditional = [];
        private int _bubbles, _oneToOne, _split, _merged, _missed, _unread, _extra, _sides, _sidesOf;
        private int _timesRight, _timesFlagged, _timesFlaggedNeedlessly, _timesWrong;
        private int _headers, _counterparts, _counterpartInvented, _noHeader;
        private int _nonChats, _nonChatsRefused, _nonChatMessages, _chatsRefused;
        private int _badlyRead, _badlyReadFlagged, _flaggedWell, _readWell;
        private int _pairMessages, _pairStoredTwice;

        public void Add(ShotTruth truth, ScreenshotReading? reading, string? refused, bool verbose)
        {
            if (!truth.IsChat)
            {
                _nonChats++;
                _nonChatsRefused += refused is not null ? 1 : 0;
                _nonChatMessages += refused is null ? reading?.Chat.Messages.Count ?? 0 : 0;
                Show(verbose, $"{truth.Name} {truth.Variant}: {(refused is null ? $"ACCEPTED, {reading?.Chat.Messages.Count} messages" : "refused: " + refused)}");
                foreach (var message in reading?.Chat.Messages ?? [])
                {
                    Show(verbose && refused is null, $"    {message.Direction} {message.Text}");
                }

                return;
            }

            if (refused is not null || reading is null)
            {
                _chatsRefused++;
                _bubbles += truth.Bubbles.Count;
                _missed += truth.Bubbles.Count;
                Show(verbose, $"{truth.Name} {truth.App} {truth.Variant}: REFUSED {refused}");
                foreach (var message in reading?.Chat.Messages ?? [])
                {
                    Show(verbose, $"    {message.Direction} at {message.Box.Left},{message.Box.Top} {message.Box.Width}x{message.Box.Height}: {message.Text}");
                }

                return;
            }

            var messages = reading.Chat.Messages;
            if (truth.Counterpart is { } counterpart)
            {
                _headers++;
                _counterparts += SameParty(counterpart, reading.Chat.Title) ? 1 : 0;
            }
            else
            {
                _noHeader++;
                _counterpartInvented += string.IsNullOrWhiteSpace(reading.Chat.Title) ? 0 : 1;
            }

            Show(verbose, $"{truth.Name} {truth.App} {truth.Variant} x{truth.Scale} {truth.Format}: title {reading.Chat.Title} (painted {truth.Counterpart}), page {reading.PageShare:0.00}");
            _extra += messages.Count(m => !truth.Bubbles.Any(b => Touches(m.Box, b.Box)));
            foreach (var message in messages.Where(m => !truth.Bubbles.Any(b => Touches(m.Box, b.Box))))
            {
                Show(verbose, $"    EXTRA {message.Direction} {message.Text}");
            }

            foreach (var bubble in truth.Bubbles)
            {
                _bubbles++;
                var mine = messages.Where(m => Touches(m.Box, bubble.Box)).ToList();
                if (mine.Count > 0 && mine.All(m => m.Doubts.HasFlag(ReadDoubts.Unread)))
                {
                    _unread++;
                    Show(verbose, $"    UNREAD {bubble.Side}->{mine[0].Direction} {mine[0].TimeBasis} {mine[0].Time:MM-dd HH:mm} (flagged for the user): {bubble.Text}");
                    continue;
                }

                if (mine.Count == 0)
                {
                    _missed++;
                    Show(verbose, $"    MISSED {bubble.Side} {bubble.Text}");
                    continue;
                }

                var merged = mine.Count == 1 && truth.Bubbles.Count(b => Touches(mine[0].Box, b.Box)) > 1;
                if (mine.Count > 1)
                {
                    _split++;
                }
                else if (merged)
                {
                    _merged++;
                }
                else
                {
                    _oneToOne++;
                    _sidesOf++;
                    _sides += mine[0].Direction == (bubble.Side == "sent" ? IncidentDirection.Sent : IncidentDirection.Received) ? 1 : 0;
                }

                var painted = ChatShotSet.Readable(bubble.Text);
                var read = string.Concat(string.Concat(mine.Select(m => m.Text)).Where(c => !char.IsWhiteSpace(c)));
                var error = painted.Length == 0 ? 0 : EditDistance.Capped(painted, read, Math.Max(painted.Length, read.Length)) / (double)painted.Length;
                (bubble.Script == "traditional" ? _traditional : _simplified).Add(error);
                var flagged = mine.Any(m => m.NeedsConfirmation);
                if (error > 0.2)
                {
                    _badlyRead++;
                    _badlyReadFlagged += flagged ? 1 : 0;
                }
                else
                {
                    _readWell++;
                    _flaggedWell += flagged ? 1 : 0;
                }

                var first = mine[0];
                string time;
                if (first.TimeEstimated)
                {
                    _timesFlagged++;
                    _timesFlaggedNeedlessly += bubble.Time is not null ? 1 : 0;
                    time = "estimated";
                }
                else if (bubble.Time is not null && sameTime(bubble, first.Time))
                {
                    _timesRight++;
                    time = "right";
                }
                else
                {
                    _timesWrong++;
                    time = "WRONG";
                }

                Show(verbose || time == "WRONG" || error > 0.2, $"    {(mine.Count > 1 ? "SPLIT" : merged ? "MERGED" : "1:1")} {bubble.Side}->{first.Direction} time {time} {first.TimeBasis} ({first.Time:MM-dd HH:mm:ss} painted {bubble.Time:MM-dd HH:mm:ss}) err {error:0.00} conf {first.Confidence:0.00} {first.Doubts}: {painted} | {read}");
            }
        }

        public void AddPair(ShotTruth first, ScreenshotReading? one, ShotTruth second, ScreenshotReading? two, bool verbose)
        {
            var seen = new SeenMessages();
            var stored = new List<BubbleTruth>();
            foreach (var (truth, reading) in new[] { (first, one), (second, two) })
            {
                foreach (var message in (reading?.Chat.Messages ?? []).Where(m => !m.Doubts.HasFlag(ReadDoubts.Unread)))
                {
                    if (seen.TryAdd(new SeenMessage(PhoneNumber.Normalize(reading!.Chat.Title) ?? "", message.Direction, message.Text, message.Time, message.TimeEstimated)))
                    {
                        var painted = truth.Bubbles.Where(b => Touches(message.Box, b.Box)).ToList();
                        Show(verbose && painted.Any(p => stored.Any(s => (s.Text, s.Sent) == (p.Text, p.Sent))), $"PAIR {first.Name}: stored twice: {message.Text} ({(message.TimeEstimated ? "estimated " : "")}{message.Time:MM-dd HH:mm})");
                        stored.AddRange(painted);
                    }
                }
            }

            _pairMessages += first.Bubbles.Concat(second.Bubbles).Select(b => (b.Text, b.Sent)).Distinct().Count();
            _pairStoredTwice += stored.Count - stored.Select(b => (b.Text, b.Sent)).Distinct().Count();
        }

        public void Print(int images, List<double> walls, double cpu)
        {
            var chats = images - _nonChats;
            Console.WriteLine(Invariant($"{images} screenshots ({chats} chats, {_nonChats} non-chats), {_bubbles} painted bubbles"));
            Console.WriteLine(Invariant($"character error, simplified ({_simplified.Count} bubbles): median {Quantile(_simplified, 0.5):0.000}, p90 {Quantile(_simplified, 0.9):0.000}, max {Quantile(_simplified, 1):0.000}, mean {Mean(_simplified):0.000}"));
            Console.WriteLine(Invariant($"character error, traditional ({_traditional.Count} bubbles): median {Quantile(_traditional, 0.5):0.000}, p90 {Quantile(_traditional, 0.9):0.000}, max {Quantile(_traditional, 1):0.000}, mean {Mean(_traditional):0.000}"));
            Console.WriteLine(Invariant($"bubbles: 1:1 {_oneToOne}, split {_split}, merged {_merged}, missed {_missed} (split+merged+missed {(_split + _merged + _missed) / (double)_bubbles:P1}); found but unread, flagged to the user {_unread}; messages matching no bubble {_extra}"));
            Console.WriteLine(Invariant($"sides right {_sides} of {_sidesOf} (1:1 bubbles)"));
            Console.WriteLine(Invariant($"counterparts right {_counterparts} of {_headers} with a title bar; a counterpart given where none is visible {_counterpartInvented} of {_noHeader}"));
            Console.WriteLine(Invariant($"times: right {_timesRight}, flagged estimated {_timesFlagged} (of which a stamp was visible above {_timesFlaggedNeedlessly}), wrong without a flag {_timesWrong}"));
            Console.WriteLine(Invariant($"non-chats refused {_nonChatsRefused} of {_nonChats} (messages on accepted non-chats {_nonChatMessages}); chats refused {_chatsRefused}"));
            Console.WriteLine(Invariant($"to-confirm flag: {_badlyReadFlagged} of {_badlyRead} bubbles with error > 0.2 flagged; {_flaggedWell} of {_readWell} others flagged"));
            Console.WriteLine(Invariant($"overlapping pairs: {_pairMessages} distinct messages, {_pairStoredTwice} stored twice"));
            Console.WriteLine(Invariant($"seconds a screenshot (wall clock): mean {walls.Average():0.00}, max {walls.Max():0.00}; CPU (this process and tesseract) {cpu / images:0.00} s a screenshot; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        }

        private static bool SameParty(string painted, string? read)
        {
            if (read is null)
            {
                return false;
            }

            var number = PhoneNumber.Normalize(read);
            return string.Concat(read.Where(c => !char.IsWhiteSpace(c))) == painted || (number is not null && number == PhoneNumber.Normalize(painted));
        }

        private static double Quantile(List<double> values, double q)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = values.Order().ToArray();
            return sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1 < 0 ? 0 : Math.Ceiling(q * sorted.Length) - 1)];
        }

        private static double Mean(List<double> values) => values.Count == 0 ? double.NaN : values.Average();

        private static void Show(bool show, FormattableString line)
        {
            if (show)
            {
                Console.WriteLine(Invariant(line));
            }
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
