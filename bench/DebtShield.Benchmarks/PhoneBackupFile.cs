using System.Globalization;
using System.Security;
using System.Text;

namespace DebtShield.Benchmarks;

/// <summary>
/// Writes an "SMS Backup &amp; Restore" XML backup for timing <c>debtshield evidence import</c>: COUNT
/// messages of about 60 characters (the collection templates of <see cref="MessageFile"/>) from 40
/// numbers, with the attributes the app writes, about 400 bytes a message (100,000 ≈ 40 MB).
/// Every number sends some threats, so the analyser flags all of them and every message is kept:
/// the heaviest import, two passes over the file.
/// </summary>
internal static class PhoneBackupFile
{
    public const int Numbers = 40;

    public static string Number(int index) => "170" + (10_000_000 + index).ToString(CultureInfo.InvariantCulture);

    public static void Write(string path, int count)
    {
        var random = new Random(20261128);
        var messages = MessageFile.Sample(count, random);
        var start = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.FromHours(8));
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n");
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"<smses count=\"{count}\" backup_set=\"bench\" backup_date=\"1764316800000\" type=\"full\">\n"));
        for (var i = 0; i < count; i++)
        {
            var time = start.AddSeconds(i * 97L);
            var ms = time.ToUnixTimeMilliseconds();
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"  <sms protocol=\"0\" address=\"{Number(i % Numbers)}\" date=\"{ms}\" type=\"1\" subject=\"null\" body=\"{SecurityElement.Escape(messages[i])}\" toa=\"null\" sc_toa=\"null\" service_center=\"+8613800100500\" read=\"1\" status=\"-1\" locked=\"0\" date_sent=\"{ms - 2000}\" sub_id=\"1\" readable_date=\"{time:yyyy年M月d日 HH:mm:ss}\" contact_name=\"(Unknown)\" />\n"));
        }

        writer.Write("</smses>\n");
    }
}
