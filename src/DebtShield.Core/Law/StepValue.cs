using System.Runtime.InteropServices;
using DebtShield.Core.Rates;

namespace DebtShield.Core.Law;

/// <summary>
/// One number an <see cref="ExplanationStep"/> used, kept as what it is (an amount, a rate, a day,
/// a count, a plain number or a benchmark term) without boxing.
/// </summary>
/// <remarks>
/// A loan's check states about twenty steps of three to six values each; held as objects, every
/// value was an allocation of its own, and a batch of loans spent a good part of its collector's
/// time on them (issue 27). Here the kinds share one place: a <see cref="decimal"/> for amounts and
/// plain numbers, a <see cref="double"/> for rates (as <see cref="AnnualRate"/> holds them), an
/// <see cref="int"/> for days, counts and terms. Reading a value as another kind than it was made
/// as is a bug, and throws.
/// </remarks>
[StructLayout(LayoutKind.Explicit)]
public readonly struct StepValue : IEquatable<StepValue>
{
    [FieldOffset(0)]
    private readonly decimal _decimal;

    [FieldOffset(0)]
    private readonly double _fraction;

    [FieldOffset(0)]
    private readonly int _whole;

    [FieldOffset(16)]
    private readonly StepValueKind _kind;

    [FieldOffset(20)]
    private readonly AnnualisationMethod _method;

    private StepValue(StepValueKind kind, decimal value)
        : this()
    {
        _kind = kind;
        _decimal = value;
    }

    private StepValue(StepValueKind kind, int value)
        : this()
    {
        _kind = kind;
        _whole = value;
    }

    private StepValue(AnnualRate rate)
        : this()
    {
        _kind = StepValueKind.Rate;
        _fraction = rate.Fraction;
        _method = rate.Method;
    }

    /// <summary>What the value is, which decides how it is read and worded.</summary>
    public StepValueKind Kind => _kind;

    /// <summary>The amount; for a value of kind <see cref="StepValueKind.Amount"/>.</summary>
    public Money Amount => new(Expect(StepValueKind.Amount)._decimal);

    /// <summary>The rate; for a value of kind <see cref="StepValueKind.Rate"/>.</summary>
    public AnnualRate Rate
    {
        get
        {
            var value = Expect(StepValueKind.Rate);
            return new AnnualRate(value._fraction, value._method);
        }
    }

    /// <summary>The day; for a value of kind <see cref="StepValueKind.Date"/>.</summary>
    public DateOnly Date => DateOnly.FromDayNumber(Expect(StepValueKind.Date)._whole);

    /// <summary>The count (of payments, of days in a year); for a value of kind <see cref="StepValueKind.Count"/>.</summary>
    public int Count => Expect(StepValueKind.Count)._whole;

    /// <summary>The plain number (a multiple of a rate); for a value of kind <see cref="StepValueKind.Number"/>.</summary>
    public decimal Number => Expect(StepValueKind.Number)._decimal;

    /// <summary>The benchmark rate's term bucket; for a value of kind <see cref="StepValueKind.Term"/>.</summary>
    public BenchmarkTerm Term => (BenchmarkTerm)Expect(StepValueKind.Term)._whole;

    /// <summary>An amount.</summary>
    public static implicit operator StepValue(Money amount) => new(StepValueKind.Amount, amount.Yuan);

    /// <summary>A rate.</summary>
    public static implicit operator StepValue(AnnualRate rate) => new(rate);

    /// <summary>A day.</summary>
    public static implicit operator StepValue(DateOnly date) => new(StepValueKind.Date, date.DayNumber);

    /// <summary>A count.</summary>
    public static implicit operator StepValue(int count) => new(StepValueKind.Count, count);

    /// <summary>A plain number.</summary>
    public static implicit operator StepValue(decimal number) => new(StepValueKind.Number, number);

    /// <summary>A benchmark rate's term bucket.</summary>
    public static implicit operator StepValue(BenchmarkTerm term) => new(StepValueKind.Term, (int)term);

    /// <summary>Whether two values are of the same kind and equal as that kind (amounts and numbers as decimals compare).</summary>
    public static bool operator ==(StepValue left, StepValue right) => left.Equals(right);

    /// <summary>Whether two values differ in kind or value.</summary>
    public static bool operator !=(StepValue left, StepValue right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(StepValue other) => _kind == other._kind && _kind switch
    {
        StepValueKind.Amount or StepValueKind.Number => _decimal == other._decimal,
        StepValueKind.Rate => _fraction.Equals(other._fraction) && _method == other._method,
        StepValueKind.Date or StepValueKind.Count or StepValueKind.Term => _whole == other._whole,
    };

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is StepValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _kind switch
    {
        StepValueKind.Amount or StepValueKind.Number => HashCode.Combine(_kind, _decimal),
        StepValueKind.Rate => HashCode.Combine(_kind, _fraction, _method),
        StepValueKind.Date or StepValueKind.Count or StepValueKind.Term => HashCode.Combine(_kind, _whole),
    };

    /// <summary>The value as its own type writes it, for debugging and test messages.</summary>
    public override string ToString() => _kind switch
    {
        StepValueKind.Amount => Amount.ToString(),
        StepValueKind.Rate => Rate.ToString(),
        StepValueKind.Date => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        StepValueKind.Count => _whole.ToString(System.Globalization.CultureInfo.InvariantCulture),
        StepValueKind.Number => _decimal.ToString(System.Globalization.CultureInfo.InvariantCulture),
        StepValueKind.Term => Term.ToString(),
    };

    private StepValue Expect(StepValueKind kind) => _kind == kind
        ? this
        : throw new InvalidOperationException($"This step value is {_kind}, not {kind}.");
}

/// <summary>What an explanation step's value is.</summary>
public enum StepValueKind : byte
{
    /// <summary>An amount of yuan (<see cref="Money"/>).</summary>
    Amount,

    /// <summary>An annual rate (<see cref="AnnualRate"/>).</summary>
    Rate,

    /// <summary>A calendar day.</summary>
    Date,

    /// <summary>A count: of payments, of days in a year.</summary>
    Count,

    /// <summary>A plain number: the multiple of a rate a line is.</summary>
    Number,

    /// <summary>A benchmark rate's term bucket (<see cref="BenchmarkTerm"/>).</summary>
    Term,
}
