using System.Diagnostics;
using System.Formats.Asn1;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace DebtShield.Tests.Shared.TimeStamps;

/// <summary>How the local authority answers.</summary>
public enum AuthorityConduct
{
    /// <summary>It stamps what it was asked.</summary>
    Honest,

    /// <summary>It stamps the same hash under another nonce (a replayed or someone else's reply).</summary>
    WrongNonce,

    /// <summary>It stamps another hash (a tampered head).</summary>
    OtherHash,

    /// <summary>
    /// It refuses: a <c>TimeStampResp</c> of status rejection (2) with its own words
    /// (<see cref="LocalTimeStampAuthority.RefusalWords"/>) and failInfo badAlg and unacceptedPolicy, and no token.
    /// </summary>
    Refuses,
}

/// <summary>
/// A real RFC 3161 time-stamping authority on loopback for tests: a throwaway CA and TSA certificate
/// (extendedKeyUsage critical, timeStamping) made with <c>openssl</c>, and <c>openssl ts -reply</c>
/// answering each POST behind an <see cref="HttpListener"/>. The two keys and certificates are made
/// once a test process (<see cref="Credentials"/>: two RSA keys are most of an authority's start, 0.4
/// to 0.9 s of CPU on a loaded machine) and copied into each authority's own folder, beside its own
/// serial file and its own listener; no test starts two authorities to tell their certificates apart.
/// </summary>
public sealed class LocalTimeStampAuthority : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private int _asked;

    private LocalTimeStampAuthority(string folder, int port, AuthorityConduct conduct)
    {
        Folder = folder;
        Conduct = conduct;
        Address = $"http://127.0.0.1:{port}/tsr";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>Where its files are: <c>ca.pem</c> is the CA certificate a verifier needs.</summary>
    public string Folder { get; }

    /// <summary>The CA certificate to verify its stamps with.</summary>
    public string CaCertificate => Path.Combine(Folder, "ca.pem");

    /// <summary>How it answers.</summary>
    public AuthorityConduct Conduct { get; set; }

    /// <summary>Its address.</summary>
    public string Address { get; }

    /// <summary>How many requests it received.</summary>
    public int Asked => _asked;

    /// <summary>The request bodies it received, as they came.</summary>
    public List<byte[]> Requests { get; } = [];

    /// <summary>
    /// The folder holding the CA's and the TSA's keys and certificates (<c>ca.key</c>, <c>ca.pem</c>,
    /// <c>tsa.key</c>, <c>tsa.pem</c>), made when the first authority of the test process starts and removed when the process ends.
    /// </summary>
    private static readonly Lazy<string> Credentials = new(MakeCredentials);

    /// <summary>The files of <see cref="Credentials"/> every authority copies into its folder.</summary>
    private static readonly string[] CredentialFiles = ["ca.key", "ca.pem", "tsa.key", "tsa.pem"];

    /// <summary>Copies the process's certificates into a folder of its own and starts listening.</summary>
    public static LocalTimeStampAuthority Start(AuthorityConduct conduct = AuthorityConduct.Honest)
    {
        var folder = Directory.CreateTempSubdirectory("tsa-").FullName;
        WriteConfiguration(folder);
        foreach (var file in CredentialFiles)
        {
            File.Copy(Path.Combine(Credentials.Value, file), Path.Combine(folder, file));
        }

        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new LocalTimeStampAuthority(folder, port, conduct);
    }

    /// <summary>Makes the CA and the TSA certificate it signs, in a folder kept for the test process's other authorities.</summary>
    private static string MakeCredentials()
    {
        var folder = Directory.CreateTempSubdirectory("tsa-credentials-").FullName;
        WriteConfiguration(folder);
        OpenSsl(folder, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=DebtShield test TSA CA");
        OpenSsl(folder, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/CN=DebtShield test TSA");
        OpenSsl(folder, "x509", "-req", "-in", "tsa.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "tsa.pem", "-days", "2", "-extfile", "tsa.cnf", "-extensions", "tsa_ext");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    }

    /// <summary>The authority's <c>openssl ts</c> configuration and its serial file, which its stamps number from.</summary>
    private static void WriteConfiguration(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "tsa.cnf"), """
            [ tsa ]
            default_tsa = local
            [ local ]
            dir = .
            serial = ./serial
            signer_cert = ./tsa.pem
            signer_key = ./tsa.key
            certs = ./ca.pem
            signer_digest = sha256
            default_policy = 1.2.3.4.1
            other_policies = 1.2.3.4.2
            digests = sha256
            accuracy = secs:1
            ess_cert_id_alg = sha256
            [ tsa_ext ]
            basicConstraints = critical,CA:false
            keyUsage = critical,digitalSignature
            extendedKeyUsage = critical,timeStamping
            """);
        File.WriteAllText(Path.Combine(folder, "serial"), "01\n");
    }

    /// <summary>Runs <c>openssl ARGS</c> in <paramref name="folder"/>; the exit code and what it printed.</summary>
    public static (int ExitCode, string Output) Run(string folder, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("openssl", arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static void OpenSsl(string folder, params string[] arguments)
    {
        var (code, output) = Run(folder, arguments);
        if (code != 0)
        {
            throw new InvalidOperationException("openssl " + string.Join(' ', arguments) + ": " + output);
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var request = body.ToArray();
            lock (Requests)
            {
                Requests.Add(request);
                _asked++;
            }

            var reply = Conduct == AuthorityConduct.Refuses ? Refusal() : Answer(Rewrite(request));
            context.Response.ContentType = "application/timestamp-reply";
            context.Response.ContentLength64 = reply.Length;
            await context.Response.OutputStream.WriteAsync(reply);
            context.Response.Close();
        }
    }

    /// <summary>The words a refusing authority puts in its reply's PKIFreeText.</summary>
    public const string RefusalWords = "policy 1.2.3.4.9 not accepted";

    /// <summary>
    /// A refusal written by hand (RFC 3161 §2.4.2): <c>TimeStampResp { PKIStatusInfo { status 2,
    /// statusString { RefusalWords }, failInfo badAlg(0) | unacceptedPolicy(15) } }</c>, without a token.
    /// </summary>
    public static byte[] Refusal()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger(2);
                using (writer.PushSequence())
                {
                    writer.WriteCharacterString(UniversalTagNumber.UTF8String, RefusalWords);
                }

                writer.WriteBitString([0x80, 0x01]);
            }
        }

        return writer.Encode();
    }

    /// <summary>The request the authority actually stamps, as its conduct decides.</summary>
    private byte[] Rewrite(byte[] request)
    {
        if (Conduct == AuthorityConduct.Honest || !Rfc3161TimestampRequest.TryDecode(request, out var asked, out _) || asked is null)
        {
            return request;
        }

        var hash = Conduct == AuthorityConduct.OtherHash ? SHA256.HashData("改过的链末端"u8) : asked.GetMessageHash().ToArray();
        byte[] nonce = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08];
        var kept = Conduct == AuthorityConduct.OtherHash ? asked.GetNonce()?.ToArray() : nonce;
        return Rfc3161TimestampRequest.CreateFromHash(hash, HashAlgorithmName.SHA256, nonce: kept, requestSignerCertificates: true).Encode();
    }

    private byte[] Answer(byte[] request)
    {
        var name = Guid.NewGuid().ToString("N");
        File.WriteAllBytes(Path.Combine(Folder, name + ".tsq"), request);
        var (code, output) = Run(Folder, "ts", "-reply", "-config", "tsa.cnf", "-queryfile", name + ".tsq", "-out", name + ".tsr");
        return code == 0 ? File.ReadAllBytes(Path.Combine(Folder, name + ".tsr")) : throw new InvalidOperationException(output);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending request.
        }

        Directory.Delete(Folder, recursive: true);
    }
}
