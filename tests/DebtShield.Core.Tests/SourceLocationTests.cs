using DebtShield.Core.Reading;

namespace DebtShield.Core.Tests;

/// <summary>
/// A location holds only the parts its kind has: each factory makes one kind, and a part without
/// the part it belongs to (a column without a row, a byte without a line) cannot be made.
/// </summary>
public sealed class SourceLocationTests
{
    [Fact]
    public void Factories_EachKind_HoldOnlyItsOwnParts()
    {
        var cell = SourceLocation.AtCell(4, "total");
        var broken = SourceLocation.AtLine(9, 300);
        var damaged = SourceLocation.InDatabase("sms.db", 12);

        Assert.Equal((LocationKind.Cell, 4, "total", (long?)null, (string?)null), (cell.Kind, cell.Row, cell.Column, cell.Line, cell.Field));
        Assert.Equal((LocationKind.LineAndByte, 9L, 300L, (int?)null), (broken.Kind, broken.Line, broken.ByteOffset, broken.Row));
        Assert.Equal((LocationKind.Database, "sms.db", 12, (long?)null), (damaged.Kind, damaged.Database, damaged.RecordsRead, damaged.Line));
        var placeholder = SourceLocation.AtCharacter(10, 14);
        Assert.Equal((LocationKind.LineAndCharacter, 10L, 14, (long?)null, (string?)null), (placeholder.Kind, placeholder.Line, placeholder.Character, placeholder.ByteOffset, placeholder.Column));
        Assert.Equal(LocationKind.Whole, SourceLocation.Whole.Kind);
        Assert.Equal<(long?, int?, string?, string?)>((null, null, null, null), (SourceLocation.Whole.Line, SourceLocation.Whole.Row, SourceLocation.Whole.Field, SourceLocation.Whole.Database));
    }

    [Theory]
    [InlineData("f", 3L, LocationKind.FieldAtLine)]
    [InlineData("f", null, LocationKind.Field)]
    [InlineData(null, 3L, LocationKind.Line)]
    [InlineData(null, null, LocationKind.Whole)]
    public void InJson_WhatAJsonReaderKnows_IsTheMatchingKind(string? field, long? line, LocationKind kind)
    {
        var location = SourceLocation.InJson(field, line);

        Assert.Equal((kind, field, line), (location.Kind, location.Field, location.Line));
    }

    [Fact]
    public void Factories_ANegativeOrZeroPlace_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SourceLocation.AtRow(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SourceLocation.AtCell(0, "total"));
        Assert.Throws<ArgumentOutOfRangeException>(() => SourceLocation.AtLine(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SourceLocation.AtLine(3, -1L));
        Assert.Throws<ArgumentOutOfRangeException>(() => SourceLocation.InDatabase("sms.db", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SourceLocation.AtCharacter(3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SourceLocation.AtCharacter(-1, 2));
        Assert.Throws<ArgumentNullException>(() => SourceLocation.AtCell(2, null!));
    }

    [Fact]
    public void Equality_SamePlace_IsEqualAndAnotherIsNot()
    {
        Assert.Equal(SourceLocation.AtField("principal", 3), SourceLocation.InJson("principal", 3));
        Assert.NotEqual(SourceLocation.AtRow(3), SourceLocation.AtLine(3));
        Assert.Equal(new ReadingProblem(SourceLocation.AtRow(3), "x"), new ReadingProblem(SourceLocation.AtRow(3), "x"));
    }
}
