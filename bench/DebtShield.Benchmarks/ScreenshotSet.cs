using System.Globalization;
using DebtShield.Core.Evidence;
using DebtShield.Import.Screenshots;
using DebtShield.Tests.Screenshots;

namespace DebtShield.Benchmarks;

/// <summary>
/// Painted chat screenshots (1080×2400) filled with collection messages of about 60 characters
/// (<see cref="MessageFile"/>) and short replies, for timing the screenshot import and measuring
/// how much of the painted text OCR gives back.
/// </summary>
internal static class ScreenshotSet
{
    private static readonly string[] Replies = ["请不要联系我的家人，我会和你们协商。", "我这个月工资发了就还。", "你们的利息超过了法律规定。"];

    /// <summary>One screen of conversation: a stamp, two received, a reply, a stamp, one received.</summary>
    public static ChatItem[] Conversation(Random random)
    {
        var messages = MessageFile.Sample(3, random);
        var hour = random.Next(8, 22);
        return
        [
            new ChatStamp(string.Create(CultureInfo.InvariantCulture, $"昨天 {hour:00}:{random.Next(60):00}")),
            new ChatBubble(false, messages[0]),
            new ChatBubble(false, messages[1]),
            new ChatBubble(true, Replies[random.Next(Replies.Length)]),
            new ChatStamp(string.Create(CultureInfo.InvariantCulture, $"今天 {hour:00}:{random.Next(60):00}")),
            new ChatBubble(false, messages[2]),
        ];
    }

    /// <summary>Writes <paramref name="count"/> screenshots named like a phone names them.</summary>
    public static void Write(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(20261128);
        var start = new DateTime(2026, 11, 4, 9, 0, 0);
        for (var i = 0; i < count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Screenshot_{start.AddMinutes(i):yyyyMMdd-HHmmss}.png");
            File.WriteAllBytes(Path.Combine(folder, name), ChatScreenshotPainter.Paint("催收专员" + (i % 7).ToString(CultureInfo.InvariantCulture), Conversation(random)));
        }
    }

    /// <summary>
    /// Paints <paramref name="count"/> screenshots, reads them back and prints the character
    /// accuracy (1 − edit distance / painted characters, spaces ignored), the share of bubbles
    /// found and the share given the right side.
    /// </summary>
    public static async Task MeasureAsync(int count)
    {
        var random = new Random(20261128);
        var ocr = new TesseractOcr();
        long painted = 0, errors = 0;
        int bubbles = 0, found = 0, sides = 0, toConfirm = 0;
        for (var i = 0; i < count; i++)
        {
            var items = Conversation(random);
            var conversation = items.OfType<ChatBubble>().ToArray();
            var image = ChatScreenshotPainter.Paint("催收专员", items);
            var reading = await ScreenshotReader.ReadAsync(image, "Screenshot_20261104-210000.png", DateTimeOffset.Now, ocr);
            bubbles += conversation.Length;
            found += Math.Min(conversation.Length, reading.Chat.Messages.Count);
            toConfirm += reading.Chat.Messages.Count(m => m.NeedsConfirmation);
            for (var j = 0; j < conversation.Length; j++)
            {
                var text = conversation[j].Text.Replace(" ", "", StringComparison.Ordinal);
                painted += text.Length;
                var read = j < reading.Chat.Messages.Count ? reading.Chat.Messages[j] : null;
                var distance = Core.EditDistance.Of(text, read?.Text.Replace(" ", "", StringComparison.Ordinal) ?? "");
                errors += distance;
                if (Environment.GetEnvironmentVariable("DEBTSHIELD_SHOW_MISREAD") is not null && (distance > 3 || read?.Direction != (conversation[j].Sent ? IncidentDirection.Sent : IncidentDirection.Received)))
                {
                    Console.WriteLine($"{i}/{j} painted {text}\n     read {read?.Direction} {read?.Text}");
                }

                sides += read is not null && read.Direction == (conversation[j].Sent ? IncidentDirection.Sent : IncidentDirection.Received) ? 1 : 0;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} screenshots, {bubbles} bubbles, {painted} characters: character accuracy {1 - (errors / (double)painted):P2}, bubbles found {found / (double)bubbles:P1}, right side {sides / (double)bubbles:P1}, marked to check {toConfirm}"));
    }
}
