using System.Buffers.Binary;
using System.Text;
using System.Xml;

namespace DebtShield.Import.PhoneBackups;

/// <summary>
/// Reads one yes/no entry of the top-level dictionary of an Apple property list, binary
/// (<c>bplist00</c>) or XML: all an iPhone backup's <c>Manifest.plist</c> is asked for is
/// <c>IsEncrypted</c>, so this is not a general property-list reader.
/// </summary>
/// <remarks>
/// The binary layout followed is Apple's (CFBinaryPList.c, published with CoreFoundation): a
/// 32-byte trailer gives the offset-table position, the width of offsets and object references,
/// and the top object; a dictionary's marker is 0xD<i>n</i> followed by <i>n</i> key references,
/// then <i>n</i> value references; 0x08 is false and 0x09 true. Anything not laid out that way
/// answers null (not known), never a guess.
/// </remarks>
internal static class PropertyListFlag
{
    /// <summary>The value of <paramref name="key"/> when it is a boolean of the top dictionary; else null.</summary>
    public static bool? Read(ReadOnlySpan<byte> plist, string key)
    {
        if (plist.StartsWith("bplist00"u8))
        {
            return ReadBinary(plist, key);
        }

        try
        {
            return ReadXml(plist.ToArray(), key);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static bool? ReadBinary(ReadOnlySpan<byte> plist, string key)
    {
        if (plist.Length < 8 + 32)
        {
            return null;
        }

        var trailer = plist[^32..];
        int offsetSize = trailer[6], referenceSize = trailer[7];
        var count = BinaryPrimitives.ReadUInt64BigEndian(trailer[8..]);
        var top = BinaryPrimitives.ReadUInt64BigEndian(trailer[16..]);
        var table = BinaryPrimitives.ReadUInt64BigEndian(trailer[24..]);
        if (offsetSize is < 1 or > 8 || referenceSize is < 1 or > 8 || count > (ulong)plist.Length || top >= count
            || table > (ulong)plist.Length || table + (count * (ulong)offsetSize) > (ulong)plist.Length - 32)
        {
            return null;
        }

        var offsets = plist[(int)table..];
        var at = Offset(offsets, top, count, offsetSize);
        if (at < 8 || at >= plist.Length - 32 || plist[(int)at] >> 4 != 0xD)
        {
            return null;
        }

        var (entries, start) = Length(plist, (int)at);
        if (entries < 0 || start + (2 * entries * referenceSize) > plist.Length - 32)
        {
            return null;
        }

        for (var i = 0; i < entries; i++)
        {
            var keyAt = Offset(offsets, Unsigned(plist.Slice(start + (i * referenceSize), referenceSize)), count, offsetSize);
            if (keyAt < 8 || keyAt >= plist.Length - 32 || !Matches(plist, (int)keyAt, key))
            {
                continue;
            }

            var valueAt = Offset(offsets, Unsigned(plist.Slice(start + ((entries + i) * referenceSize), referenceSize)), count, offsetSize);
            return valueAt < 8 || valueAt >= plist.Length - 32
                ? null
                : plist[(int)valueAt] switch
                {
                    0x08 => false,
                    0x09 => true,
                    _ => null,
                };
        }

        return null;
    }

    /// <summary>The offset of object <paramref name="index"/>, or -1 when there is no such object.</summary>
    private static long Offset(ReadOnlySpan<byte> offsets, ulong index, ulong count, int width) =>
        index < count ? (long)Unsigned(offsets.Slice((int)index * width, width)) : -1;

    /// <summary>An object's length from its marker's low nibble, or from the integer object after it when the nibble is 0xF.</summary>
    private static (int Length, int Start) Length(ReadOnlySpan<byte> plist, int at)
    {
        var nibble = plist[at] & 0x0F;
        if (nibble != 0x0F)
        {
            return (nibble, at + 1);
        }

        if (at + 2 >= plist.Length || plist[at + 1] >> 4 != 0x1)
        {
            return (-1, 0);
        }

        var width = 1 << (plist[at + 1] & 0x0F);
        if (width > 4 || at + 2 + width > plist.Length)
        {
            return (-1, 0);
        }

        var length = Unsigned(plist.Slice(at + 2, width));
        return length > int.MaxValue ? (-1, 0) : ((int)length, at + 2 + width);
    }

    private static bool Matches(ReadOnlySpan<byte> plist, int at, string key)
    {
        var kind = plist[at] >> 4;
        var (length, start) = Length(plist, at);
        if (length < 0)
        {
            return false;
        }

        return kind switch
        {
            0x5 => start + length <= plist.Length && Encoding.ASCII.GetString(plist.Slice(start, length)) == key,
            0x6 => start + (2 * length) <= plist.Length && Encoding.BigEndianUnicode.GetString(plist.Slice(start, 2 * length)) == key,
            _ => false,
        };
    }

    private static ulong Unsigned(ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private static bool? ReadXml(byte[] plist, string key)
    {
        // Apple's XML property lists carry a DOCTYPE; it is skipped, never fetched or expanded.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        using var xml = XmlReader.Create(new MemoryStream(plist), settings);
        if (!xml.ReadToFollowing("plist") || !xml.Read() || xml.NodeType != XmlNodeType.Element || xml.LocalName != "dict")
        {
            return null;
        }

        var depth = xml.Depth;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.Depth == depth + 1 && xml.LocalName == "key")
            {
                var name = xml.ReadElementContentAsString();
                if (name == key)
                {
                    return xml.NodeType == XmlNodeType.Element ? xml.LocalName switch
                    {
                        "true" => true,
                        "false" => false,
                        _ => null,
                    } : null;
                }

                // The value of another key, whatever it holds.
                xml.Skip();
                continue;
            }

            xml.Read();
        }

        return null;
    }
}
