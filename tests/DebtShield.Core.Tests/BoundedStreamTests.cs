namespace DebtShield.Core.Tests;

public sealed class BoundedStreamTests
{
    [Fact]
    public void CopyTo_AStreamEndingExactlyAtTheLimit_YieldsEveryByte()
    {
        using var inner = new MemoryStream(new byte[1000]);
        using var target = new MemoryStream();

        new BoundedStream(inner, 1000).CopyTo(target);

        Assert.Equal(1000, target.Length);
    }

    [Fact]
    public async Task ReadAsync_AStreamOneByteLongerThanTheLimit_FailsNamingTheLimit()
    {
        using var inner = new MemoryStream(new byte[1001]);
        using var target = new MemoryStream();

        var failure = await Assert.ThrowsAsync<InputTooLargeException>(() => new BoundedStream(inner, 1000).CopyToAsync(target));

        Assert.Equal(1000, failure.Limit);
        Assert.True(target.Length <= 1000, $"{target.Length} bytes yielded");
    }
}
