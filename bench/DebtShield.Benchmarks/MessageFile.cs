using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace DebtShield.Benchmarks;

/// <summary>
/// Writes a realistic message batch for timing <c>debtshield classify</c>: messages of about 60
/// characters mixing lawful reminders, threats (some disguised), insults, third-party messages
/// and unrelated texts, with recipients and times.
/// </summary>
internal static class MessageFile
{
    private static readonly string[] Templates =
    [
        "【某某消费金融】尊敬的客户，您的借款本期应还{0}元，将于2026年12月05日到期，请按时还款。如已还款请忽略。",
        "您好，您在我司的借款已逾期{1}天，当前应还金额{0}元，请尽快通过APP还款，如有困难可致电客服协商还款计划。",
        "今天下午6点前不还，我们就把你的欠款信息发给你通讯录里所有人，让大家都知道你是什么人，最后一次机会。",
        "通*讯*录已导出，今晚统一群发，你欠的{0}元全部写清楚，到时候你的亲戚朋友同事都会知道，自己想清楚。",
        "你好，你的朋友张某在我平台借款{0}元已逾期{1}天，请转告他尽快还款，否则后果自负，谢谢你的配合。",
        "这里是xx区公安局经侦大队，你涉嫌恶意透支{0}元，请立即还款配合调查，否则我们将依法对你采取措施。",
        "tmd 别装死，不还就等着社死吧，老赖一个，你全家都不得好死，明天就派人去你老家找你爸妈谈谈。",
        "您的快递已到站，请凭取件码{1}到驿站领取，驿站营业时间为早上八点至晚上九点，逾期未取将退回。",
        "我们不会联系您的家人和同事，请您放心，本期应还{0}元，按时还款即可，如有疑问请联系官方客服。",
        "再不还款你就要坐牢，你孩子以后上不了大学，考不了公务员，你已被全国通缉，上了征信黑名单。",
    ];

    private static readonly string[] Recipients = ["borrower", "borrower", "borrower", "third_party", "unknown"];

    /// <summary>Messages built from the templates, about 60 characters each.</summary>
    public static string[] Sample(int count, Random random) =>
        [.. Enumerable.Range(0, count).Select(_ => Message(random))];

    public static void Write(string path, int count)
    {
        var random = new Random(20261128);
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var json = new Utf8JsonWriter(stream, options);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
        for (var n = 0; n < count; n++)
        {
            json.WriteStartObject();
            json.WriteString("id", "m" + n.ToString(CultureInfo.InvariantCulture));
            json.WriteString("text", Message(random));
            json.WriteString("recipient", Recipients[random.Next(Recipients.Length)]);
            json.WriteString("time", start.AddSeconds(n * 37L).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.Flush();
            json.Reset();
            stream.Write("\n"u8);
        }
    }

    private static string Message(Random random)
    {
        var text = string.Format(
            CultureInfo.InvariantCulture,
            Templates[random.Next(Templates.Length)],
            (random.Next(100_00, 5_000_00) / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture),
            random.Next(1, 90));
        var builder = new StringBuilder(text);
        return builder.Length > 60 ? builder.ToString(0, 60) : builder.ToString();
    }
}
