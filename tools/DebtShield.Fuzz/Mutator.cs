namespace DebtShield.Fuzz;

/// <summary>
/// Random, unguided mutations of a seed (fixed seed, so a run can be repeated): 1–5 edits each of
/// byte flips, deleted runs, inserted structural bytes, duplicated runs and truncation.
/// </summary>
internal sealed class Mutator(int seed)
{
    private static readonly byte[] Structural = [.. "<>\"&'/=,;:{}[]\n\r\t\\0-9.年月日元 "u8, 0x00, 0xff, 0xc3, 0xe4, 0x80];
    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] seed)
    {
        var bytes = new List<byte>(seed);
        var edits = _random.Next(1, 6);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = _random.Next(bytes.Count);
            switch (_random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(_random.Next(1, 41), bytes.Count - at));
                    break;
                case 2:
                    bytes.Insert(at, Structural[_random.Next(Structural.Length)]);
                    break;
                case 3:
                    var length = Math.Min(_random.Next(1, 201), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes[at] = (byte)_random.Next(256);
                    break;
            }
        }

        return [.. bytes];
    }
}
