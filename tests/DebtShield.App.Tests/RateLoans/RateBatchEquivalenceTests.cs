using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DebtShield.App.Batches;
using DebtShield.App.Input;
using DebtShield.App.RateLoans;
using DebtShield.Core.Rates;
using DebtShield.Import.LoanFiles;
using DebtShield.Tests.Shared;

namespace DebtShield.App.Tests.RateLoans;

/// <summary>
/// The batch's direct writer against the old way (the file read as text by
/// <see cref="StreamReader.ReadLine"/>, the record built and serialised): the same bytes for the
/// same input, in both UI languages.
/// </summary>
public sealed class RateBatchEquivalenceTests
{
    public static TheoryData<string> Languages() => ["zh-CN", "en"];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task RunAsync_PublishedAndGeneratedLoans_WritesTheRecordsSerialisationByteForByte(string language)
    {
        // Given every published vector and 2,000 generated loans that reach every note and verdict.
        var lines = PublishedLoans().Concat(GeneratedLoans(2_000)).ToList();
        var input = Encoding.UTF8.GetBytes(string.Join('\n', lines));

        // When both ways run in the same UI language.
        var (expected, actual) = await InLanguage(language, async () => (OldWay(input), await NewWay(input)));

        // Then they agree on every byte, and the generated loans did reach the rare notes.
        AssertSameLines(expected, actual);
        foreach (var code in new[] { "irregular_schedule", "upfront_deduction", "negative_cost", "fee_rate", "rate_beyond_range" })
        {
            Assert.Contains("\"code\":\"" + code + "\"", actual, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunAsync_AwkwardText_ReadsLinesAsAStreamReaderDoes()
    {
        // Given CR LF, lone CR, a leading byte-order mark, blank and Unicode-blank lines, a line of
        // bytes that are not UTF-8, malformed JSON and a loan without an id.
        var loans = PublishedLoans().Take(3).ToList();
        var input = new List<byte>();
        input.AddRange("\uFEFF"u8.ToArray());
        input.AddRange(Encoding.UTF8.GetBytes(loans[0] + "\r\n\r\n \u3000\t\r" + loans[1] + "\r\u00A0\n{not json\n"));
        input.AddRange([(byte)'{', 0xFF, 0xFE, (byte)'"', (byte)'\n']);
        var withoutId = JsonNode.Parse(loans[2])!.AsObject();
        withoutId.Remove("id");
        input.AddRange(Encoding.UTF8.GetBytes(withoutId.ToJsonString() + "\r"));
        var bytes = input.ToArray();

        // When / Then: the same results, numbered as the text reader numbers lines.
        var actual = await NewWay(bytes);
        AssertSameLines(OldWay(bytes), actual);
        Assert.Contains("\"id\":\"line-8\"", actual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LinesTheFastReaderMustDecline_AnswersAsTheStrictReader()
    {
        // Given one valid loan and variants of it that are wrong, or right in unusual ways.
        const string Good = """{"id":"a","lender":{"name":"x","kind":"online_platform"},"contractDate":"2025-01-15","principal":1000,"upfrontFees":[{"amount":30}],"schedule":[{"dueDate":"2025-02-15","principal":500,"interest":30},{"dueDate":"2025-03-15","total":530}],"payments":[{"date":"2025-02-15","amount":530}],"stated":{"value":0.0005,"per":"day"}}""";
        string[] variants =
        [
            Good,
            Good.Replace("\"principal\":1000", "\"principal\":1000,\"principal\":2000", StringComparison.Ordinal),
            Good.Replace("\"principal\":1000", "\"principal\":1000,\"fee\":1", StringComparison.Ordinal),
            Good.Replace("\"principal\":1000", "\"principal\":1000,\"received\":null", StringComparison.Ordinal),
            Good.Replace("\"principal\":1000", "\"principal\":\"1000\"", StringComparison.Ordinal),
            Good.Replace("\"contractDate\":\"2025-01-15\"", "\"contractDate\":\"\\u0032025-01-15\"", StringComparison.Ordinal),
            Good.Replace("\"contractDate\":\"2025-01-15\"", "\"contractDate\":\"2025-1-15\"", StringComparison.Ordinal),
            Good.Replace("\"contractDate\":\"2025-01-15\"", "\"contractDate\":\"2024-02-29\"", StringComparison.Ordinal),
            Good.Replace("\"contractDate\":\"2025-01-15\"", "\"contractDate\":\"2025-02-29\"", StringComparison.Ordinal),
            Good.Replace("\"contractDate\":\"2025-01-15\"", "\"contractDate\":\"0000-01-15\"", StringComparison.Ordinal),
            Good.Replace("\"contractDate\":\"2025-01-15\"", "\"contractDate\":\"2025-13-15\"", StringComparison.Ordinal),
            Good.Replace("\"contractDate\":\"2025-01-15\"", "\"contractDate\":\"2025-00-15\"", StringComparison.Ordinal),
            Good.Replace("\"contractDate\":\"2025-01-15\"", "\"contractDate\":\"2025-01-32\"", StringComparison.Ordinal),
            Good.Replace("\"contractDate\":\"2025-01-15\"", "\"contractDate\":\"2025/01/15\"", StringComparison.Ordinal),
            Good.Replace("\"contractDate\":\"2025-01-15\"", "\"contractDate\":\"+025-01-15\"", StringComparison.Ordinal),
            Good.Replace("\"name\":\"x\"", "\"name\":\"\\u5e73\\u53f0\"", StringComparison.Ordinal),
            Good.Replace("online_platform", "loan_shark", StringComparison.Ordinal),
            Good.Replace("\"per\":\"day\"", "\"per\":\"week\"", StringComparison.Ordinal),
            Good.Replace("\"per\":\"day\"", "\"per\":\"day\",\"method\":\"fee_rate\"", StringComparison.Ordinal),
            Good.Replace("{\"amount\":30}", "{\"amount\":30,\"date\":\"2025-04-01\"}", StringComparison.Ordinal),
            Good.Replace("\"total\":530}", "}", StringComparison.Ordinal),
            Good.Replace("\"principal\":1000", "\"principal\":1e40", StringComparison.Ordinal),
            Good.Replace("\"id\":\"a\",", string.Empty, StringComparison.Ordinal),
            Good + " {}",
            Good[..^1] + ",}",
            "[" + Good + "]",
        ];
        var input = Encoding.UTF8.GetBytes(string.Join('\n', variants));

        // When / Then
        var actual = await NewWay(input);
        AssertSameLines(OldWay(input), actual);
        var results = actual.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain("\"error\"", results[0], StringComparison.Ordinal);
        Assert.InRange(results.Count(l => l.Contains("\"error\"", StringComparison.Ordinal)), 8, variants.Length - 5);
    }

    [Fact]
    public async Task RunAsync_Utf16File_ReadsItAsUtf8()
    {
        var text = string.Join("\r\n", PublishedLoans().Take(2));
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var actual = await NewWay(bytes);

        AssertSameLines(OldWay(bytes), actual);
        Assert.Equal(2, actual.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task RunAsync_OneField_WritesLineIdAndThatFigureAlone()
    {
        // Given the published loans.
        var input = Encoding.UTF8.GetBytes(string.Join('\n', PublishedLoans()));
        var full = (await NewWay(input)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

        // When only the nominal IRR is asked for.
        var onlyIrr = (await NewWay(input, RateFields.IrrAnnualNominal)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

        // Then each line holds line, id and that figure, equal to the full report's.
        Assert.Equal(full.Count, onlyIrr.Count);
        for (var i = 0; i < full.Count; i++)
        {
            Assert.Equal(["line", "id", "irrAnnualNominal"], onlyIrr[i].Select(p => p.Key));
            Assert.Equal(full[i]["irrAnnualNominal"]!.ToJsonString(), onlyIrr[i]["irrAnnualNominal"]!.ToJsonString());
        }
    }

    [Theory]
    [InlineData(RateFields.IrrAnnualNominal)]
    [InlineData(RateFields.IrrPerPeriod | RateFields.IrrAnnualNominal | RateFields.IrrAnnualEffective)]
    public async Task RunAsync_IrrFiguresAlone_AreTheFullReportsAndItsRefusalsWordForWord(RateFields fields)
    {
        // Given published and generated loans, and lines the fast reader takes whose facts the
        // loan's checks refuse (each one check), and a loan without an id.
        const string Good = """{"id":"a","lender":{"name":"x","kind":"online_platform"},"contractDate":"2025-01-15","principal":1000,"received":900,"upfrontFees":[{"amount":30}],"schedule":[{"dueDate":"2025-02-15","total":530},{"dueDate":"2025-03-15","total":530}],"payments":[{"date":"2025-02-15","amount":530}],"stated":{"value":0.0005,"per":"day"}}""";
        string[] refused =
        [
            Good.Replace("\"received\":900", "\"received\":1200", StringComparison.Ordinal),
            Good.Replace("\"received\":900", "\"received\":0", StringComparison.Ordinal),
            Good.Replace("\"principal\":1000", "\"principal\":-1000", StringComparison.Ordinal),
            Good.Replace("\"principal\":1000", "\"principal\":10000000000000", StringComparison.Ordinal),
            Good.Replace("{\"amount\":30}", "{\"amount\":900}", StringComparison.Ordinal),
            Good.Replace("{\"amount\":30}", "{\"amount\":30,\"date\":\"2025-04-01\"}", StringComparison.Ordinal),
            Good.Replace("\"dueDate\":\"2025-02-15\"", "\"dueDate\":\"2025-01-10\"", StringComparison.Ordinal),
            Good.Replace("\"dueDate\":\"2025-03-15\"", "\"dueDate\":\"2025-02-01\"", StringComparison.Ordinal),
            Good.Replace("\"total\":530}]", "\"total\":-530}]", StringComparison.Ordinal),
            Good.Replace("\"schedule\":[{\"dueDate\":\"2025-02-15\",\"total\":530},{\"dueDate\":\"2025-03-15\",\"total\":530}]", "\"schedule\":[]", StringComparison.Ordinal),
            Good.Replace("{\"date\":\"2025-02-15\",\"amount\":530}", "{\"date\":\"2024-12-15\",\"amount\":530}", StringComparison.Ordinal),
            Good.Replace("{\"date\":\"2025-02-15\",\"amount\":530}", "{\"date\":\"2025-02-15\",\"amount\":0}", StringComparison.Ordinal),
        ];
        var input = Encoding.UTF8.GetBytes(string.Join('\n', PublishedLoans().Concat(GeneratedLoans(500)).Append(Good).Concat(refused).Append(Good.Replace("\"id\":\"a\",", string.Empty, StringComparison.Ordinal))));

        // When the batch is asked for the IRR's figures alone, and for the whole report.
        var full = (await NewWay(input)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var alone = (await NewWay(input, fields)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Then a refused line gets the whole report's error word for word, and any other line
        // holds line, id and those figures as the whole report writes them.
        Assert.Equal(full.Length, alone.Length);
        var names = RateFieldNames.All.Where(name => RateFieldNames.TryParse(name, out var one, out _) && (fields & one) != 0).ToList();
        for (var i = 0; i < full.Length; i++)
        {
            var report = JsonNode.Parse(full[i])!.AsObject();
            if (report.ContainsKey("error"))
            {
                Assert.Equal(full[i], alone[i]);
                continue;
            }

            var figures = JsonNode.Parse(alone[i])!.AsObject();
            Assert.Equal(["line", "id", .. names], figures.Select(p => p.Key));
            Assert.All(figures, p => Assert.Equal(report[p.Key]?.ToJsonString(), p.Value?.ToJsonString()));
        }

        Assert.All(alone[^(refused.Length + 1)..^1], line => Assert.Contains("\"error\"", line, StringComparison.Ordinal));
        Assert.DoesNotContain("\"error\"", alone[^(refused.Length + 2)], StringComparison.Ordinal);
        Assert.Contains("\"id\":\"line-", alone[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void WriteLine_IrrFiguresAlone_EchoEveryIdAsTheWholeReportAndRefuseWhatItRefuses()
    {
        // Given ids the writer escapes (quotes, a backslash, controls, HTML's characters, a line
        // separator, an emoji as it is and escaped) or writes as they are (Chinese, as it is and
        // escaped, and nothing), and lines whose id, lender name or fee name is no text: bytes
        // that are not UTF-8 (as a caller of one line may hand them over), a lone surrogate escaped.
        const string Good = """{"id":"ID","lender":{"name":"NAME","kind":"online_platform"},"contractDate":"2025-01-15","principal":1000,"received":900,"upfrontFees":[{"name":"FEE","amount":30}],"schedule":[{"dueDate":"2025-02-15","total":530},{"dueDate":"2025-03-15","total":530}],"stated":{"value":0.0005,"per":"day"}}""";
        string[] ids = [@"\""quoted\"" \\ back/slash", @"tab\tnew\nline\u0001\u001f", "<a href='x'>&amp;</a>+`", @"行\u2028分\u2029", "😀 as it is", @"\ud83d\ude00 escaped", "贷款 第一笔", @"\u8d37\u6b3e", string.Empty];
        var lines = ids.Select(id => Encoding.UTF8.GetBytes(Line(id, "x", "y"))).ToList();
        lines.Add(Bytes(Line("A", "x", "y"), "A", [0xE8, 0xB4]));
        lines.Add(Bytes(Line("x", "B", "y"), "B", [0xC3, 0x28]));
        lines.Add(Bytes(Line("x", "x", "C"), "C", [0xFF]));
        lines.Add(Encoding.UTF8.GetBytes(Line(@"\ud800", "x", "y")));
        lines.Add(Encoding.UTF8.GetBytes(Line("x", @"\udc00 lone", "y")));
        lines.Add(Encoding.UTF8.GetBytes(Line("x", "x", @"\ud83d")));

        // When each line is written with the IRR alone, and as the whole report.
        var full = new RateReportWriter();
        var alone = new RateReportWriter(RateFields.IrrAnnualNominal);
        for (var i = 0; i < lines.Count; i++)
        {
            var (fullRead, fullReport) = Written(full, i + 1, lines[i]);
            var (aloneRead, aloneReport) = Written(alone, i + 1, lines[i]);

            // Then the valid ids are read by both and written in the same bytes, and every other
            // line refused by both with the same words.
            Assert.Equal(i < ids.Length, fullRead);
            Assert.Equal(fullRead, aloneRead);
            if (fullRead)
            {
                Assert.Equal(WrittenId(fullReport), WrittenId(aloneReport));
            }
            else
            {
                Assert.Equal(fullReport, aloneReport);
            }
        }

        static string Line(string id, string name, string fee) => Good
            .Replace("\"ID\"", "\"" + id + "\"", StringComparison.Ordinal)
            .Replace("\"NAME\"", "\"" + name + "\"", StringComparison.Ordinal)
            .Replace("\"FEE\"", "\"" + fee + "\"", StringComparison.Ordinal);

        static byte[] Bytes(string line, string marker, byte[] notUtf8)
        {
            var at = line.IndexOf("\"" + marker + "\"", StringComparison.Ordinal) + 1;
            return [.. Encoding.UTF8.GetBytes(line[..at]), .. notUtf8, .. Encoding.UTF8.GetBytes(line[(at + marker.Length)..])];
        }

        static (bool Read, byte[] Report) Written(RateReportWriter report, long line, byte[] utf8Json)
        {
            var output = new ArrayBufferWriter<byte>();
            using var json = new Utf8JsonWriter(output, ReportJsonContext.WriterOptions);
            var read = RateLoanBatch.WriteLine(line, utf8Json, json, report);
            json.Flush();
            return (read, output.WrittenSpan.ToArray());
        }

        // The id's value as written, escapes and all.
        static string WrittenId(byte[] report)
        {
            var reader = new Utf8JsonReader(report);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    return Encoding.UTF8.GetString(reader.ValueSpan);
                }
            }

            throw new InvalidOperationException("No id in " + Encoding.UTF8.GetString(report));
        }
    }

    [Theory]
    [InlineData("irrAnnualNominal", TrueCostFigures.Irr)]
    [InlineData("aprRegZ", TrueCostFigures.RegZ)]
    [InlineData("aprSimple,xirrAnnual", TrueCostFigures.AprSimple | TrueCostFigures.Xirr)]
    [InlineData("principal,totalCost,termYears", TrueCostFigures.None)]
    public void Write_SomeFields_ComputesOnlyTheFiguresTheyRead(string fields, TrueCostFigures expected)
    {
        // Given a writer of some fields, and every published loan.
        Assert.True(RateFieldNames.TryParse(fields, out var selected, out _));
        var writer = new RateReportWriter(selected);
        foreach (var loan in PublishedLoans())
        {
            // When one loan's report is written.
            var cost = TrueCost.Of(LoanFileReader.Read(Encoding.UTF8.GetBytes(loan), "x").Loan!);
            using var json = new Utf8JsonWriter(new ArrayBufferWriter<byte>(), ReportJsonContext.WriterOptions);
            writer.Write(json, 1, cost);

            // Then only the figures those fields read were computed (no Reg Z for the IRR alone).
            Assert.Equal(expected, cost.ComputedFigures);
        }
    }

    [Fact]
    public void Write_WholeReport_ComputesEveryFigure()
    {
        var cost = TrueCost.Of(LoanFileReader.Read(Encoding.UTF8.GetBytes(PublishedLoans().First()), "x").Loan!);
        using var json = new Utf8JsonWriter(new ArrayBufferWriter<byte>(), ReportJsonContext.WriterOptions);

        new RateReportWriter().Write(json, 1, cost);

        Assert.Equal(
            TrueCostFigures.Irr | TrueCostFigures.Xirr | TrueCostFigures.RegZ | TrueCostFigures.AprSimple
                | (cost.Loan.UpfrontDeduction.IsPositive ? TrueCostFigures.OnContractPrincipal : TrueCostFigures.None),
            cost.ComputedFigures);
    }

    [Fact]
    public void TryParse_NamesOfTheReport_SelectsThemAndRejectsOthers()
    {
        Assert.True(RateFieldNames.TryParse("irrAnnualNominal, aprSimple", out var fields, out _));
        Assert.Equal(RateFields.IrrAnnualNominal | RateFields.AprSimple, fields);
        Assert.False(RateFieldNames.TryParse("irrAnnualNominal,irr", out _, out var unknown));
        Assert.Equal("irr", unknown);
        Assert.Equal(
            JsonNode.Parse(JsonSerializer.Serialize(RateLoanReport.From(TrueCost.Of(LoanFileReader.Read(Encoding.UTF8.GetBytes(PublishedLoans().First()), "x").Loan!)), ReportJsonContext.Default.RateLoanReport))!
                .AsObject().Select(p => p.Key).Where(k => k != "id"),
            RateFieldNames.All);
    }

    private static void AssertSameLines(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        Assert.Equal(expectedLines.Length, actualLines.Length);
        for (var i = 0; i < expectedLines.Length; i++)
        {
            Assert.Equal(expectedLines[i], actualLines[i]);
        }
    }

    /// <summary>The batch as it was: text lines, the record, the serializer.</summary>
    private static string OldWay(byte[] input)
    {
        using var reader = new StreamReader(new MemoryStream(input), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var output = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(output, ReportJsonContext.WriterOptions);
        long number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            json.Reset();
            var reading = LoanFileReader.Read(Encoding.UTF8.GetBytes(text), "line-" + number.ToString(CultureInfo.InvariantCulture));
            if (reading.Succeeded)
            {
                JsonSerializer.Serialize(json, RateLoanReport.From(TrueCost.Of(reading.Loan)) with { Line = number }, ReportJsonContext.Default.RateLoanReport);
            }
            else
            {
                JsonLinesBatch.WriteLineError(json, number, reading.Errors.Describe());
            }

            json.Flush();
            output.Write("\n"u8);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static async Task<string> NewWay(byte[] input, RateFields fields = RateFields.All)
    {
        using var source = new MemoryStream(input);
        using var sink = new MemoryStream();
        await RateLoanBatch.RunAsync(source, sink, fields);
        return Encoding.UTF8.GetString(sink.ToArray());
    }

    private static async Task<T> InLanguage<T>(string language, Func<Task<T>> run)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return await run();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private static IEnumerable<string> PublishedLoans() =>
        File.ReadLines(Path.Combine(RepositoryPaths.TestVectors, "rates", "vectors.jsonl"))
            .Select(line => JsonNode.Parse(line)!["loan"]!.ToJsonString());

    /// <summary>
    /// Loans over the shapes a report words differently: monthly and N-day periods, odd first
    /// periods, deductions, refunds (negative cost), fee rates, advertised per day, month and year,
    /// and almost nothing received (rates beyond range).
    /// </summary>
    private static IEnumerable<string> GeneratedLoans(int count)
    {
        var random = new Random(27);
        string[] pers = ["day", "month", "year"];
        string[] methods = ["nominal", "irr", "apr", "fee_rate", "unknown"];
        for (var n = 0; n < count; n++)
        {
            var contract = new DateOnly(2021, 1, 1).AddDays(random.Next(0, 1500));
            var principal = random.Next(1, 500) * 100m;
            var received = random.Next(6) switch
            {
                0 => 0.01m,
                1 or 2 => principal - (random.Next(0, 5) * principal / 20),
                _ => principal,
            };
            var instalments = random.Next(1, 25);
            var days = random.Next(3) == 0 ? random.Next(7, 31) : 0;
            var growth = random.Next(8) == 0 ? 0.9m : 1 + (random.Next(0, 80) / 100m);
            var amount = Math.Round(principal * growth / instalments, 2);
            var loan = new JsonObject
            {
                ["id"] = "g" + n.ToString(CultureInfo.InvariantCulture),
                ["lender"] = new JsonObject { ["name"] = "平台" + (n % 7).ToString(CultureInfo.InvariantCulture), ["kind"] = "online_platform" },
                ["contractDate"] = contract.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["principal"] = principal,
                ["received"] = received,
            };
            if (random.Next(3) == 0)
            {
                loan["upfrontFees"] = new JsonArray(new JsonObject { ["name"] = "服务费", ["amount"] = random.Next(1, 50) });
            }

            var schedule = new JsonArray();
            var odd = random.Next(4) == 0 ? random.Next(1, 10) : 0;
            for (var k = 1; k <= instalments; k++)
            {
                var due = days > 0 ? contract.AddDays((k * days) + odd) : contract.AddMonths(k).AddDays(odd);
                schedule.Add(new JsonObject { ["dueDate"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["total"] = amount });
            }

            loan["schedule"] = schedule;
            if (random.Next(2) == 0)
            {
                loan["stated"] = new JsonObject
                {
                    ["value"] = random.Next(1, 300) / 10000.0,
                    ["per"] = pers[random.Next(pers.Length)],
                    ["method"] = methods[random.Next(methods.Length)],
                };
            }

            yield return loan.ToJsonString();
        }
    }
}
