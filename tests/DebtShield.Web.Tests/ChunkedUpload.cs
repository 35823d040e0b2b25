using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace DebtShield.Web.Tests;

/// <summary>
/// A POST whose body goes chunked (no length announced) over a plain socket, as curl sends a body
/// read from a pipe: the body is written while the answer is read, and writing stops once the
/// answer is complete. HttpClient cannot be used for a body the server refuses part-way: the server
/// closes the connection after its answer, and HttpClient reports the interrupted send instead of
/// the answer.
/// </summary>
/// <param name="Status">The answer's status code.</param>
/// <param name="ContentType">The answer's media type.</param>
/// <param name="Body">The answer's body, decoded.</param>
/// <param name="Sent">How many bytes of the request body were written before the answer came.</param>
internal sealed record ChunkedUpload(int Status, string? ContentType, string Body, long Sent)
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>
    /// Sends <paramref name="head"/> (request line and headers, without the empty line) followed by
    /// <paramref name="body"/> in chunks until the answer has come or the body ends.
    /// </summary>
    public static async Task<ChunkedUpload> SendAsync(Uri server, string head, Stream body)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"));
        var answer = ReadAnswerAsync(stream);
        var sent = 0L;
        var chunk = new byte[ChunkSize];
        try
        {
            int read;
            while (!answer.IsCompleted && (read = await body.ReadAsync(chunk)) > 0)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(read.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
                await stream.WriteAsync(chunk.AsMemory(0, read));
                await stream.WriteAsync("\r\n"u8.ToArray());
                sent += read;
            }

            if (!answer.IsCompleted)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
        }
        catch (IOException)
        {
            // The server stopped reading and closed the connection: its answer is what counts.
        }

        var (status, contentType, text) = await answer;
        return new ChunkedUpload(status, contentType, text, sent);
    }

    /// <summary>Reads the answer until the server closes the connection, then decodes it.</summary>
    private static async Task<(int Status, string? ContentType, string Body)> ReadAnswerAsync(NetworkStream stream)
    {
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the answer: what arrived before it is kept.
        }

        var raw = received.ToArray();
        var end = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(end > 0, "no answer came: " + Encoding.UTF8.GetString(raw));
        var headers = Encoding.ASCII.GetString(raw, 0, end).Split("\r\n");
        var status = int.Parse(headers[0].Split(' ')[1], CultureInfo.InvariantCulture);
        string? Header(string name) => headers.Skip(1).Where(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)).Select(h => h[(name.Length + 1)..].Trim()).FirstOrDefault();
        var content = raw.AsSpan(end + 4);
        var body = string.Equals(Header("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase) ? Dechunk(content) : content.ToArray();
        return (status, Header("Content-Type")?.Split(';')[0], Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> content)
    {
        var body = new List<byte>();
        while (true)
        {
            var line = content.IndexOf("\r\n"u8);
            Assert.True(line > 0, "the answer's chunks end early");
            var size = int.Parse(Encoding.ASCII.GetString(content[..line]).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return [.. body];
            }

            body.AddRange(content.Slice(line + 2, size));
            content = content[(line + 2 + size + 2)..];
        }
    }
}
