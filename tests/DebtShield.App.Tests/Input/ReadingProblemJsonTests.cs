using System.Text.Json;
using DebtShield.App.Input;
using DebtShield.Core.Reading;

namespace DebtShield.App.Tests.Input;

/// <summary>
/// A problem's location is written flat with only the parts it has, and read back as the same
/// location; parts that do not go together are refused as the location's type refuses them.
/// </summary>
public sealed class ReadingProblemJsonTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new ReadingProblemJson() } };

    [Fact]
    public void Write_ALineAndCharacter_IsItsLineCharacterAndReasonOnly()
    {
        var problem = new ReadingProblem(SourceLocation.AtCharacter(10, 14), "unexpected }}");

        Assert.Equal("""{"line":10,"character":14,"reason":"unexpected }}"}""", JsonSerializer.Serialize(problem, Options));
    }

    [Fact]
    public void Read_WhatWasWritten_IsTheSameProblem()
    {
        var problem = new ReadingProblem(SourceLocation.AtCharacter(10, 14), "unexpected }}");

        Assert.Equal(problem, JsonSerializer.Deserialize<ReadingProblem>(JsonSerializer.Serialize(problem, Options), Options));
    }

    [Theory]
    [InlineData("""{"character":14,"reason":"x"}""")]
    [InlineData("""{"row":3,"character":14,"reason":"x"}""")]
    [InlineData("""{"line":3,"field":"a","character":14,"reason":"x"}""")]
    [InlineData("""{"line":3,"character":0,"reason":"x"}""")]
    public void Read_ACharacterWithoutItsLineOrWithOtherParts_IsRefused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ReadingProblem>(json, Options));
}
