using System.Globalization;
using DebtShield.Core.Reading;
using DebtShield.Import.PastedText;

namespace DebtShield.Import.Tests;

/// <summary>
/// Every shape of location a reader reports is worded one way, in both languages, with and without
/// the file's name: the words each reader used for its own error type before they became one.
/// </summary>
public sealed class ReadingProblemTextTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static TheoryData<string, string, string, string> Located => new()
    {
        { "whole", "loan.json：坏了", "loan.json: broken", "坏了" },
        { "line", "loan.json 第 3 行：坏了", "loan.json line 3: broken", "第 3 行：坏了" },
        { "line-byte", "sms.xml 第 3 行（第 70 字节）：坏了", "sms.xml line 3 (byte 70): broken", "第 3 行（第 70 字节）：坏了" },
        { "line-character", "note.txt 第 10 行第 14 个字符：坏了", "note.txt line 10, character 14: broken", "第 10 行第 14 个字符：坏了" },
        { "quoted", "粘贴 第 3 行“x 1”：坏了", "粘贴 line 3 \"x 1\": broken", "第 3 行“x 1”：坏了" },
        { "row", "loans.csv 第 4 行：坏了", "loans.csv row 4: broken", "第 4 行：坏了" },
        { "cell", "loans.csv 第 4 行，列 total：坏了", "loans.csv row 4, column total: broken", "第 4 行，列 total：坏了" },
        { "field", "loan.json 字段 schedule[2].dueDate：坏了", "loan.json field schedule[2].dueDate: broken", "字段 schedule[2].dueDate：坏了" },
        { "field-line", "loan.json 第 3 行，字段 principal：坏了", "loan.json line 3, field principal: broken", "第 3 行，字段 principal：坏了" },
        { "database", "backup 的短信（sms.db）（已读到 12 条）：坏了", "backup, 短信（sms.db） (12 records read): broken", "的短信（sms.db）（已读到 12 条）：坏了" },
    };

    [Theory]
    [MemberData(nameof(Located))]
    public void Describe_EveryLocation_IsWordedInEitherLanguageWithOrWithoutTheFile(string kind, string chinese, string english, string chineseWithoutFile)
    {
        var (location, source) = kind switch
        {
            "whole" => (SourceLocation.Whole, "loan.json"),
            "line" => (SourceLocation.AtLine(3), "loan.json"),
            "line-byte" => (SourceLocation.AtLine(3, 70), "sms.xml"),
            "line-character" => (SourceLocation.AtCharacter(10, 14), "note.txt"),
            "quoted" => (SourceLocation.AtLine(3, "x 1"), "粘贴"),
            "row" => (SourceLocation.AtRow(4), "loans.csv"),
            "cell" => (SourceLocation.AtCell(4, "total"), "loans.csv"),
            "field" => (SourceLocation.AtField("schedule[2].dueDate"), "loan.json"),
            "field-line" => (SourceLocation.AtField("principal", 3), "loan.json"),
            _ => (SourceLocation.InDatabase("短信（sms.db）", 12), "backup"),
        };

        CultureInfo.CurrentUICulture = Chinese;
        Assert.Equal(chinese, ReadingProblemText.Describe(new ReadingProblem(location, "坏了"), source));
        Assert.Equal(chineseWithoutFile, ReadingProblemText.Describe(new ReadingProblem(location, "坏了")));
        CultureInfo.CurrentUICulture = English;
        Assert.Equal(english, ReadingProblemText.Describe(new ReadingProblem(location, "broken"), source));
    }

    [Fact]
    public void Describe_SeveralProblems_IsOneLineWithoutTheFile()
    {
        CultureInfo.CurrentUICulture = English;
        ReadingProblem[] problems = [new(SourceLocation.AtField("principal", 2), "a"), new(SourceLocation.Whole, "b")];

        Assert.Equal("line 2, field principal: a; b", ReadingProblemText.Describe(problems));
    }

    [Fact]
    public void PastedScheduleRead_NothingPasted_IsAProblemOfTheWholeTextNotOfALineZero()
    {
        CultureInfo.CurrentUICulture = Chinese;

        var problem = Assert.Single(PastedScheduleReader.Read(" \r\n\t").Errors);

        Assert.Equal(LocationKind.Whole, problem.Location.Kind);
        Assert.Equal("标准输入：没有粘贴任何内容", ReadingProblemText.Describe(problem, "标准输入"));
    }
}
