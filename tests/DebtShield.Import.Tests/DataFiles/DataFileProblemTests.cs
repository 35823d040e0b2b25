using System.Globalization;
using System.Text;
using DebtShield.Core.Reading;
using DebtShield.Import.Guide;
using DebtShield.Import.LegalData;
using DebtShield.Import.Lenders;
using DebtShield.Tests.Shared;

namespace DebtShield.Import.Tests.DataFiles;

/// <summary>
/// A malformed value in a JSON data file of the repository (the lender lists, the guide's hotlines
/// and channels, the legal data) is a <see cref="DataFileException"/> that names the file, the line
/// and the field, "licensed.json:56: institutions[0].kind: …", never the framework's exception
/// without a place. Each test spoils one value of the shipped file.
/// </summary>
public sealed class DataFileProblemTests
{
    [Fact]
    public void LenderDataReader_AnInstitutionOfNoLenderKind_NamesFileLineAndField()
    {
        var licensed = Spoiled(Shipped("lenders", "licensed.json"), "\"kind\": \"consumer_finance\"", "\"kind\": \"casino\"", out var line);

        var problem = Assert.Throws<DataFileException>(() => LenderDataReader.Read(licensed, Shipped("lenders", "kinds.json")));

        Assert.Equal("licensed.json", problem.File);
        Assert.Equal(SourceLocation.AtField("institutions[0].kind", line), problem.Problem.Location);
        Assert.Equal(Located("licensed.json", line, "institutions[0].kind", "not a lender kind: casino"), problem.Message);
    }

    [Fact]
    public void LenderDataReader_AKindWithoutItsChineseName_NamesFileLineAndTheObjectMissingIt()
    {
        var kinds = Spoiled(Shipped("lenders", "kinds.json"), "\"zh\":", "\"zh_missing\":", out var line);

        var problem = Assert.Throws<DataFileException>(() => LenderDataReader.Read(Shipped("lenders", "licensed.json"), kinds));

        Assert.Equal("kinds.json", problem.File);
        Assert.Equal("kinds[0]", problem.Problem.Location.Field);
        Assert.True(problem.Problem.Location.Line < line, "the line of the kind that lacks the field, which opens before it");
        Assert.EndsWith(": kinds[0]: lacks the field zh", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LenderDataReader_TextThatIsNotJson_NamesFileAndLine()
    {
        var licensed = Spoiled(Shipped("lenders", "licensed.json"), "\"kind\": \"consumer_finance\",", "\"kind\": \"consumer_finance\" \"oops\",", out var line);

        var problem = Assert.Throws<DataFileException>(() => LenderDataReader.Read(licensed, Shipped("lenders", "kinds.json")));

        Assert.Equal(SourceLocation.AtLine(line), problem.Problem.Location);
        Assert.StartsWith(Located("licensed.json", line, null, ""), problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GuideLibrary_AHotlineOfUnknownStatus_NamesFileLineAndField()
    {
        var hotlines = Spoiled(Shipped("guide", "hotlines.json"), "\"status\": \"verified\"", "\"status\": \"rumoured\"", out var line);

        var problem = Assert.Throws<DataFileException>(() => GuideLibrary.ReadHotlines(hotlines));

        Assert.Equal(Located("hotlines.json", line, "hotlines[0].status", "unknown status rumoured"), problem.Message);
    }

    [Fact]
    public void GuideLibrary_ARouteOfNoLenderKind_NamesFileLineAndField()
    {
        var text = Shipped("guide", "complaint-channels.json");
        var kinds = text.IndexOf("\"lenderKinds\"", StringComparison.Ordinal);
        var first = text.IndexOf('"', text.IndexOf('[', kinds) + 1);
        var end = text.IndexOf('"', first + 1);
        var spoiled = text[..(first + 1)] + "casino" + text[end..];
        var line = LineOf(spoiled, first);

        var problem = Assert.Throws<DataFileException>(() => GuideLibrary.ReadRoutes(spoiled));

        Assert.Equal("complaint-channels.json", problem.File);
        Assert.Equal(line, problem.Problem.Location.Line);
        Assert.Matches(@"^complaint-channels\.json:\d+: routes\[\d+\]\.lenderKinds\[0\]: not a lender kind: casino$", problem.Message);
    }

    [Fact]
    public void LegalDataReader_ACitationOfUnknownStatus_NamesFileLineAndField()
    {
        var citations = Spoiled(Shipped("law", "citations.json"), "\"status\": \"verified\"", "\"status\": \"rumoured\"", out var line);

        var problem = Assert.Throws<DataFileException>(() => LegalDataReader.ReadCitations(Stream(citations)));

        Assert.Equal(Located("citations.json", line, "citations[0].status", "unknown status rumoured"), problem.Message);
    }

    [Fact]
    public void LegalDataReader_CapsWithoutALineTheRulesNeed_NamesFileAndTheList()
    {
        var caps = Spoiled(Shipped("law", "caps.json"), "\"id\": \"licensed_court_24\"", "\"id\": \"licensed_court_25\"", out _);

        var problem = Assert.Throws<DataFileException>(() => LegalDataReader.ReadRules(Stream(Shipped("law", "lpr.json")), Stream(caps)));

        Assert.Equal("caps.json", problem.File);
        Assert.Equal("lines", problem.Problem.Location.Field);
        Assert.NotNull(problem.Problem.Location.Line);
        Assert.EndsWith(": lines: no line with the id licensed_court_24", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LegalDataReader_AnLprFixingThatIsNotANumber_NamesFileLineAndField()
    {
        var text = Shipped("law", "lpr.json");
        var at = text.IndexOf("\"oneYear\":", StringComparison.Ordinal);
        var value = text.IndexOf(':', at) + 1;
        var end = text.IndexOfAny([',', '\n', '}'], value);
        var spoiled = text[..value] + " \"high\"" + text[end..];
        var line = LineOf(spoiled, at);

        var problem = Assert.Throws<DataFileException>(() => LegalDataReader.ReadRules(Stream(spoiled), Stream(Shipped("law", "caps.json"))));

        Assert.Equal(Located("lpr.json", line, "fixings[0].oneYear", "expected a number"), problem.Message);
    }

    private static string Shipped(string folder, string file) => File.ReadAllText(RepositoryPaths.Data(folder, file));

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>The text with the first <paramref name="find"/> replaced, and the 1-based line it is on.</summary>
    private static string Spoiled(string text, string find, string replacement, out long line)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, find);
        line = LineOf(text, at);
        return text[..at] + replacement + text[(at + find.Length)..];
    }

    private static long LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static string Located(string file, long line, string? field, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"{file}:{line}: ") + (field is null ? "" : field + ": ") + message;
}
