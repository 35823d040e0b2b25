using DebtShield.Core.Evidence;
using DebtShield.Core.Screenshots;
using DebtShield.Import.Screenshots;
using DebtShield.Tests.Screenshots;

namespace DebtShield.Import.Tests.Screenshots;

/// <summary>Reads painted screenshots of issue 24's set with the real Tesseract.</summary>
public sealed class ScreenshotReaderTests(ScreenshotReaderTests.WeChatReadings wechat) : IClassFixture<ScreenshotReaderTests.WeChatReadings>
{
    [Fact]
    public async Task ReadAsync_LendersChat_FindsItsWhiteBubblesReadsItsStampPillsAndLeavesTheEmojiOut()
    {
        // White bubbles on an F5F5F5 page, stamps in white on grey pills, a reply ending in an emoji.
        var shot = ChatShotSet.Choose(k => k.App == "lender" && k.Variant == "whole" && k.Scale == 2).First();

        var reading = await ScreenshotReader.ReadAsync(shot.Image, shot.Truth.Name, DateTimeOffset.UnixEpoch, new TesseractOcr());

        Assert.Equal(shot.Truth.Bubbles.Select(b => (MessageTimeBasis.Stamp, b.Time)), reading.Chat.Messages.Select(m => (m.TimeBasis, (DateTimeOffset?)m.Time)));
        Assert.Equal(shot.Truth.Counterpart, reading.Chat.Title);
        var last = reading.Chat.Messages[^1].Text;
        Assert.True(last.EndsWith("谢谢", StringComparison.Ordinal) || last.EndsWith("謝謝", StringComparison.Ordinal), last);
    }

    [Theory]
    [InlineData("wechat-desktop-light", "window")]
    [InlineData("wechat-desktop-dark", "whole")]
    [InlineData("wechat-desktop-light", "group")]
    public async Task ReadAsync_DesktopWeChat_ReadsThePaneWithItsTitleAndSidesNotRefusedAsLandscape(string app, string variant)
    {
        // Given a wide screenshot of WeChat for the desktop: a contact list at the left (the
        // counterpart's name in it, selected), the name again at the pane's top left, bubbles
        // with avatars at the pane's edges
        var shot = ChatShotSet.Choose(k => k.App == app && k.Variant == variant).Single();
        Assert.True(shot.Truth.Bubbles.Count >= 4);

        var reading = await ScreenshotReader.ReadAsync(shot.Image, shot.Truth.Name, DateTimeOffset.UnixEpoch, new TesseractOcr());

        // Then it is a chat (not landscape), its counterpart is the pane's title (a group's
        // without its member count), and each bubble is one message on its side.
        Assert.Empty(reading.SignsAgainstChat);
        Assert.Equal(shot.Truth.Counterpart, reading.Chat.Title);
        Assert.Equal(
            shot.Truth.Bubbles.Select(b => b.Side == "sent" ? IncidentDirection.Sent : IncidentDirection.Received),
            reading.Chat.Messages.Select(m => m.Direction));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // the logging Tesseract is a shell script
    public async Task ReadAllAsync_TwoScreenshots_OneProcessAModelAndEachReadAsWhenAlone()
    {
        // Given two WeChat screenshots with traditional bubbles (so both models are needed), and a
        // Tesseract that logs each start.
        var shots = WeChatReadings.Shots();
        await WithTesseractScriptAsync(folder => $"echo \"$4\" >> '{folder}/starts.log'\nexec tesseract \"$@\"\n", async (wrapper, folder) =>
        {
            var log = Path.Combine(folder, "starts.log");
            var together = await ScreenshotReader.ReadAllAsync([.. shots.Select(s => new ScreenshotSource(s.Image, s.Truth.Name, DateTimeOffset.UnixEpoch))], new TesseractOcr(wrapper));
            var starts = File.ReadAllLines(log);
            var alone = await wechat.AloneAsync();

            Assert.Equal(["chi_sim", "chi_tra"], starts);
            Assert.Equal(
                alone.Select(r => r.Chat.Messages.Select(m => (m.Text, m.Box, m.Time)).ToArray()).ToArray(),
                together.Select(a => a.Reading!.Chat.Messages.Select(m => (m.Text, m.Box, m.Time)).ToArray()).ToArray());
        });
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // the forgetful Tesseract is a shell script
    public async Task ReadAsync_CropsThatReadAsNothingOnTheSheet_AreReadAgainAloneEnlarged()
    {
        // Given a lender's chat, and a Tesseract that reads nothing on the first image it is given
        // (the sheet of the page and the crops) nor with the traditional model, and reads every
        // later image with the simplified one
        var shot = ChatShotSet.Choose(k => k.App == "lender" && k.Variant == "whole" && k.Scale == 2).First();
        await WithTesseractScriptAsync(folder => $"if [ \"$4\" = chi_tra ] || [ ! -e '{folder}/first' ]; then\n  : > '{folder}/first'\n  cat > /dev/null\n  printf 'level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n'\n  exit 0\nfi\nexec tesseract \"$@\"\n", async (wrapper, _) =>
        {
            var reading = await ScreenshotReader.ReadAsync(shot.Image, shot.Truth.Name, DateTimeOffset.UnixEpoch, new TesseractOcr(wrapper));

            // Then every bubble is a message, and each simplified one is read from its crop read
            // again (a traditional one needs the traditional model, which read nothing here: it
            // stays a message without text, flagged unread).
            Assert.Equal(shot.Truth.Bubbles.Count, reading.Chat.Messages.Count);
            var simplified = shot.Truth.Bubbles.Zip(reading.Chat.Messages).Where(p => p.First.Script == "simplified").ToList();
            Assert.True(simplified.Count >= 4, $"{simplified.Count} simplified bubbles");
            Assert.All(simplified, p => Assert.False(p.Second.Unread || p.Second.Text.Length == 0, p.First.Text));
            Assert.All(reading.Chat.Messages.Where(m => m.Text.Length == 0), m => Assert.True(m.Unread && m.NeedsConfirmation));
        });
    }

    /// <summary>
    /// Runs <paramref name="test"/> (given the program and its folder) with a Tesseract that is a
    /// shell script, <paramref name="body"/> of its folder (where it may keep files), then deletes the folder.
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static async Task WithTesseractScriptAsync(Func<string, string> body, Func<string, string, Task> test)
    {
        var folder = Directory.CreateTempSubdirectory("ocr-script-");
        try
        {
            var wrapper = Path.Combine(folder.FullName, "tesseract");
            File.WriteAllText(wrapper, "#!/bin/sh\n" + body(folder.FullName));
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            await test(wrapper, folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ReadAllAsync_ADamagedScreenshotInTheBatch_IsRefusedAloneAndTheOtherRead()
    {
        var shot = ChatShotSet.Choose(k => k.App == "lender" && k.Variant == "whole" && k.Scale == 2).First();

        var attempts = await ScreenshotReader.ReadAllAsync(
            [new ScreenshotSource(shot.Image[..(shot.Image.Length / 2)], "Screenshot_cut.png", DateTimeOffset.UnixEpoch), new ScreenshotSource(shot.Image, shot.Truth.Name, DateTimeOffset.UnixEpoch)],
            new TesseractOcr());

        Assert.Null(attempts[0].Reading);
        Assert.Contains("Screenshot_cut.png", attempts[0].Refusal!.Message, StringComparison.Ordinal);
        Assert.Equal(shot.Truth.Bubbles.Count, attempts[1].Reading!.Chat.Messages.Count);
    }

    [Theory]
    [InlineData(0, 2, new int[0])]
    [InlineData(1, 2, new[] { 1 })]
    [InlineData(3, 2, new[] { 2, 1 })]
    [InlineData(20, 2, new[] { 8, 8, 4 })]
    [InlineData(6, 1, new[] { 6 })]
    public void Batches_AFolder_EveryCoreBusyAndNoBatchOverEight(int count, int cores, int[] sizes)
    {
        var batches = ScreenshotReader.Batches(count, cores).ToList();

        Assert.Equal(sizes, batches.Select(b => b.GetOffsetAndLength(count).Length));
        Assert.Equal(Enumerable.Range(0, count), batches.SelectMany(b => Enumerable.Range(b.GetOffsetAndLength(count).Offset, b.GetOffsetAndLength(count).Length)));
    }

    [Fact]
    public async Task ReadAsync_ATraditionalBubbleReadSureInSimplifiedForms_KeepsTheTraditionalReading()
    {
        // WeChat 2x: 周先生，假期結束，咱們聊聊還款計劃？ was read 咱们聊聊膛款计划 at 0.87, too sure for
        // any confidence rule; chi_sim could not map 還 to a form of its own and read 膛.
        var reading = (await wechat.AloneAsync())[0];

        Assert.Contains(reading.Chat.Messages, m => m.Text.Contains("咱們聊聊還款計劃", StringComparison.Ordinal));
        Assert.Contains(reading.Chat.Messages, m => m.Text.StartsWith("要让你全家都知道", StringComparison.Ordinal));
    }

    /// <summary>
    /// The first two WeChat screenshots of the set (both with traditional bubbles), each read alone
    /// with the real Tesseract once for the class: one test asserts what a reading of the first
    /// says, another that a batch reads both as these readings do.
    /// </summary>
    public sealed class WeChatReadings
    {
        private readonly Lazy<Task<IReadOnlyList<ScreenshotReading>>> alone = new(ReadAloneAsync);

        /// <summary>The two screenshots.</summary>
        internal static List<ChatShot> Shots() => ChatShotSet.Choose(k => k.App == "wechat-light" && k.Variant == "whole").Take(2).ToList();

        /// <summary>Each of <see cref="Shots"/> read alone, in their order.</summary>
        public Task<IReadOnlyList<ScreenshotReading>> AloneAsync() => alone.Value;

        private static async Task<IReadOnlyList<ScreenshotReading>> ReadAloneAsync()
        {
            var readings = new List<ScreenshotReading>();
            foreach (var shot in Shots())
            {
                readings.Add(await ScreenshotReader.ReadAsync(shot.Image, shot.Truth.Name, DateTimeOffset.UnixEpoch, new TesseractOcr()));
            }

            return readings;
        }
    }
}
