using System.Text;
using QRCoder;

namespace DebtShield.Web.Phone;

/// <summary>A pairing link as a QR code: an SVG for the page (as a <c>data:</c> image, which the page's policy allows) and Unicode blocks for the terminal.</summary>
public static class PairingCode
{
    /// <summary>The QR code as an SVG <c>data:</c> address for an <c>img</c>.</summary>
    public static string SvgDataUri(Uri link)
    {
        using var data = Encode(link);
        var svg = new SvgQRCode(data).GetGraphic(6);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }

    /// <summary>The QR code in half-block characters, two rows of modules a line, dark on a light terminal or light on a dark one.</summary>
    public static string Terminal(Uri link)
    {
        using var data = Encode(link);
        return new AsciiQRCode(data).GetGraphicSmall();
    }

    // Level M: a phone's camera reads it off a screen easily, and the code stays small enough for an 80-column terminal.
    private static QRCodeData Encode(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(link.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
    }
}
