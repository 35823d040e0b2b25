using DebtShield.Core.Law;

namespace DebtShield.Core.Tests.Law;

/// <summary>
/// The notes an assessment keeps of what is uncertain: each once, in the order first noted, as the
/// report states them (the order a list and a distinct pass gave before).
/// </summary>
public sealed class UncertaintyNotesTests
{
    [Fact]
    public void ToArray_NotedTwice_KeepsEachOnceInTheOrderFirstNoted()
    {
        var notes = new UncertaintyNotes();

        notes.Add(Uncertainty.LenderKindDecides);
        notes.Add(Uncertainty.LprBeyondData);
        notes.Add(Uncertainty.LenderKindDecides);
        notes.Add(Uncertainty.MicroloanGuidelineSecondary);
        notes.Add(Uncertainty.LprBeyondData);

        Assert.Equal([Uncertainty.LenderKindDecides, Uncertainty.LprBeyondData, Uncertainty.MicroloanGuidelineSecondary], notes.ToArray());
    }

    [Fact]
    public void ToArray_EveryKindNotedInReverse_ReturnsEveryKindInThatOrder()
    {
        var every = Enum.GetValues<Uncertainty>().Reverse().ToArray();
        var notes = new UncertaintyNotes();

        foreach (var uncertainty in every.Concat(every))
        {
            notes.Add(uncertainty);
        }

        Assert.Equal(every, notes.ToArray());
    }

    [Fact]
    public void ToArray_NothingNoted_IsEmpty() => Assert.Empty(new UncertaintyNotes().ToArray());
}
