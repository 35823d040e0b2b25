using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DebtShield.Core.Screenshots;
using DebtShield.Import.Resources;

namespace DebtShield.Import.Screenshots;

/// <summary>
/// Reads the text of an image with Tesseract (Debian's <c>tesseract-ocr</c> with
/// <c>tesseract-ocr-chi-sim</c>), run as a process: the image goes in on standard input and the
/// TSV report (every word with its box and confidence) comes back on standard output, so nothing
/// is written to disk. Tesseract is an optional dependency: only screenshot import needs it. The
/// image is read as one block of text (<c>--psm 6</c>): it is given a sheet (<see cref="OcrSheet"/>)
/// with the avatars and bars cleared and each bubble cropped onto a clean margin of its own, so
/// there is no layout left for it to guess. The sheets of several screenshots go to one process as
/// the pages of one TIFF (<see cref="ReadPagesAsync"/>): starting Tesseract and loading a Chinese
/// model costs about half a second of CPU, as much as reading a sheet.
/// </summary>
/// <remarks>
/// Each process is held to one thread (<c>OMP_THREAD_LIMIT=1</c>): a folder is read one batch of
/// images per core, and the processes should not also compete for each other's cores.
/// </remarks>
/// <param name="executable">The program, found on the PATH unless a path is given.</param>
/// <param name="language">Tesseract's language data; Simplified Chinese reads digits and Latin letters too.</param>
public sealed class TesseractOcr(string executable = "tesseract", string language = "chi_sim")
{
    /// <summary>The same program with other language data: <c>chi_tra</c> (Debian's <c>tesseract-ocr-chi-tra</c>) for traditional characters.</summary>
    public TesseractOcr For(string otherLanguage) => new(executable, otherLanguage);

    /// <summary>The lines of text on <paramref name="image"/> (any format Tesseract reads: PNG, JPEG, PGM…).</summary>
    /// <param name="image">The encoded image.</param>
    /// <param name="name">The file's name, for messages.</param>
    /// <param name="cancellationToken">Stops the read (and the process).</param>
    /// <exception cref="ScreenshotException">Tesseract or its Chinese data is missing, or it failed on the image.</exception>
    public async Task<IReadOnlyList<OcrLine>> ReadAsync(byte[] image, string name, CancellationToken cancellationToken = default) =>
        Pages(await ReportAsync(image, name, cancellationToken).ConfigureAwait(false), 1)[0];

    /// <summary>
    /// The lines of text on each of <paramref name="sheets"/> (grey images, as <see cref="ScreenshotImage.ForOcr"/>
    /// makes them), read by one process with the model loaded once: each sheet is a page of a TIFF,
    /// and each page is read exactly as it would be alone (Tesseract 5 numbers the pages in its
    /// report and lays out each page by itself). When the process fails on the batch, each sheet is
    /// read alone, so that only the sheet it fails on is lost, with a message naming its screenshot.
    /// A sheet goes as a packed TIFF page even alone (<see cref="GreyTiff"/>: Tesseract reads standard
    /// input a byte at a time, and the packed sheet is a tenth of the bytes).
    /// </summary>
    /// <param name="sheets">The sheets, each with its screenshot's name for messages.</param>
    /// <param name="cancellationToken">Stops the read (and the process).</param>
    /// <returns>For each sheet, in order, its lines, or why it could not be read.</returns>
    /// <exception cref="ScreenshotException">Tesseract or its Chinese data is missing (<see cref="ScreenshotException.OcrUnavailable"/>).</exception>
    public async Task<IReadOnlyList<OcrPageReading>> ReadPagesAsync(IReadOnlyList<(GreyImage Sheet, string Name)> sheets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count > 1)
        {
            try
            {
                var tiff = GreyTiff.Encode([.. sheets.Select(s => s.Sheet)]);
                var report = await ReportAsync(tiff, string.Join("、", sheets.Select(s => s.Name)), cancellationToken).ConfigureAwait(false);
                return [.. Pages(report, sheets.Count).Select(lines => new OcrPageReading(lines, null))];
            }
            catch (ScreenshotException e) when (!e.OcrUnavailable)
            {
                // One sheet the process failed on (its message names them all): read each alone below.
            }
        }

        var readings = new List<OcrPageReading>(sheets.Count);
        foreach (var (sheet, name) in sheets)
        {
            try
            {
                var tiff = GreyTiff.Encode([sheet]);
                readings.Add(new OcrPageReading(Pages(await ReportAsync(tiff, name, cancellationToken).ConfigureAwait(false), 1)[0], null));
            }
            catch (ScreenshotException e) when (!e.OcrUnavailable)
            {
                readings.Add(new OcrPageReading([], e));
            }
        }

        return readings;
    }

    /// <summary>Tesseract's TSV report on <paramref name="image"/> (every page of it).</summary>
    private async Task<string> ReportAsync(byte[] image, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "stdin", "stdout", "-l", language, "--psm", "6", "tsv" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["OMP_THREAD_LIMIT"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ScreenshotException(ImportMessages.Ocr_Missing, ocrUnavailable: true);
        }
        catch (Win32Exception)
        {
            throw new ScreenshotException(ImportMessages.Ocr_Missing, ocrUnavailable: true);
        }

        using (process)
        {
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
                var errors = process.StandardError.ReadToEndAsync(cancellationToken);
                try
                {
                    await process.StandardInput.BaseStream.WriteAsync(image, cancellationToken).ConfigureAwait(false);
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // Tesseract stopped reading (it failed early); its exit code and message say why.
                }

                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                var report = await output.ConfigureAwait(false);
                var problem = await errors.ConfigureAwait(false);
                if (problem.Contains("Failed loading language", StringComparison.Ordinal) || problem.Contains("Error opening data file", StringComparison.Ordinal))
                {
                    throw new ScreenshotException(ImportMessages.Ocr_NoChinese, ocrUnavailable: true);
                }

                if (process.ExitCode != 0)
                {
                    throw new ScreenshotException(string.Format(CultureInfo.CurrentCulture, ImportMessages.Ocr_Failed, name, process.ExitCode, problem.Trim()));
                }

                return report;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }
    }

    /// <summary>The lines of a TSV report of one page (<see cref="Pages"/>).</summary>
    internal static IReadOnlyList<OcrLine> Lines(string tsv) => Pages(tsv, 1)[0];

    /// <summary>
    /// The lines of each page of a TSV report: the words of each (page, block, paragraph, line), in
    /// reading order; a page numbered beyond <paramref name="pageCount"/> counts as the last. Each
    /// page is a screenshot's sheet and is judged by its own text's height, as when it is read
    /// alone: doubtful words much taller or smaller than the page's text (avatars, icons and specks
    /// read as a character) are dropped (a small word must be very sure, unless it is a punctuation
    /// mark next to a word of its line: anything else that small is usually a speck), and a line is
    /// split where its words are far apart (the back arrow beside a title).
    /// </summary>
    internal static IReadOnlyList<IReadOnlyList<OcrLine>> Pages(string tsv, int pageCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageCount);
        var words = new List<(int Page, int Block, int Paragraph, int Line, PixelBox Box, double Confidence, string Text)>();
        foreach (var row in tsv.Split('\n').Skip(1))
        {
            var fields = row.TrimEnd('\r').Split('\t');
            if (fields.Length >= 12 && fields[0] == "5" && fields[11].Trim() is { Length: > 0 } text
                && double.TryParse(fields[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence) && confidence >= 0)
            {
                var page = Math.Clamp(Int(fields[1]), 1, pageCount) - 1;
                words.Add((page, Int(fields[2]), Int(fields[3]), Int(fields[4]), new PixelBox(Int(fields[6]), Int(fields[7]), Int(fields[8]), Int(fields[9])), confidence / 100, text));
            }
        }

        var pages = new IReadOnlyList<OcrLine>[pageCount];
        for (var p = 0; p < pageCount; p++)
        {
            pages[p] = PageLines([.. words.Where(w => w.Page == p)]);
        }

        return pages;
    }

    private static List<OcrLine> PageLines(List<(int Page, int Block, int Paragraph, int Line, PixelBox Box, double Confidence, string Text)> words)
    {
        if (words.Count == 0)
        {
            return [];
        }

        var heights = words.Select(w => w.Box.Height).Order().ToArray();
        var tallest = heights[heights.Length / 2] * 1.8;
        var smallest = heights[heights.Length / 2] * 0.5;
        var apart = heights[heights.Length / 2] * 3;
        var near = heights[heights.Length / 2] * 1.5;
        var lines = new List<OcrLine>();
        foreach (var line in words.GroupBy(w => (w.Block, w.Paragraph, w.Line)))
        {
            var all = line.OrderBy(w => w.Box.Left).ToList();
            var ordered = all.Where((w, i) => w.Box.Height < smallest
                ? w.Confidence >= 0.9 || (IsPunctuation(w.Text) && ((i > 0 && w.Box.Left - all[i - 1].Box.Right < near) || (i + 1 < all.Count && all[i + 1].Box.Left - w.Box.Right < near)))
                : w.Box.Height <= tallest || w.Confidence >= 0.6).ToList();
            if (ordered.Count == 0)
            {
                continue;
            }

            var start = 0;
            for (var i = 1; i <= ordered.Count; i++)
            {
                if (i == ordered.Count || ordered[i].Box.Left - ordered[i - 1].Box.Right > apart)
                {
                    lines.Add(Join(ordered[start..i]));
                    start = i;
                }
            }
        }

        return lines;

        static OcrLine Join(List<(int, int, int, int, PixelBox Box, double Confidence, string Text)> words)
        {
            var text = new StringBuilder(words[0].Text);
            var box = words[0].Box;
            foreach (var word in words.Skip(1))
            {
                if (char.IsAsciiLetterOrDigit(text[^1]) && char.IsAsciiLetterOrDigit(word.Text[0]))
                {
                    text.Append(' ');
                }

                text.Append(word.Text);
                box = box.Union(word.Box);
            }

            var characters = words.Sum(w => w.Text.Length);
            return new OcrLine(FullWidthAfterHanzi(text.ToString()), box, words.Sum(w => w.Confidence * w.Text.Length) / characters, characters, UnsureCharacters: words.Where(w => w.Confidence < OcrLine.UnsureWordBelow).Sum(w => w.Text.Length));
        }

        // A comma or a full stop is small by nature, and the models are less sure of it than of a
        // character (chi_tra gives the ，of a well-read line 0.56): next to a word of its line (a
        // line may start with the comma that wrapped) it is the text's own punctuation, not a speck.
        static bool IsPunctuation(string text) => text.Length == 1 && "，。、；：？！,.;:?!".Contains(text[0], StringComparison.Ordinal);
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>
    /// The text with the ASCII punctuation that follows a Chinese character made full-width, as
    /// Chinese text is written and as the image shows it: the Chinese models read a full-width
    /// comma, colon or question mark as its ASCII twin. So is a mark that starts a line before a
    /// Chinese character (the comma a bubble's text wrapped onto its next line). After a digit or a
    /// Latin letter (18:00, APP,) the mark is left as read.
    /// </summary>
    internal static string FullWidthAfterHanzi(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var wide = chars[i] switch
            {
                ',' => '，',
                ':' => '：',
                ';' => '；',
                '?' => '？',
                '!' => '！',
                _ => chars[i],
            };
            if (wide != chars[i] && (i > 0 ? IsHanzi(chars[i - 1]) : chars.Length > 1 && IsHanzi(chars[1])))
            {
                chars[i] = wide;
            }
        }

        return new string(chars);

        static bool IsHanzi(char c) => c is >= '\u3400' and <= '\u9FFF';
    }
}

/// <summary>One page of a batch read by <see cref="TesseractOcr.ReadPagesAsync"/>: its lines, or why it could not be read.</summary>
/// <param name="Lines">The lines read on it (none when it failed).</param>
/// <param name="Failure">Why Tesseract failed on it, naming its screenshot; null when it was read.</param>
public sealed record OcrPageReading(IReadOnlyList<OcrLine> Lines, ScreenshotException? Failure);
