using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DebtShield.Web.Phone;

/// <summary>
/// The phone listener's TLS certificate: self-signed, one per ledger, for the address the
/// listener serves. Nobody on the Wi-Fi can read the evidence, the pairing link or the cookie in
/// transit; the price is that the phone's browser cannot know whose certificate it is and warns
/// once ("不是私密连接"), so the page shows the certificate's SHA-256 fingerprint beside the QR for
/// the borrower to compare (<c>docs/phone-pairing.md</c>).
/// <para>
/// Kept as <c>phone-tls.pfx</c> in the owner-only folder that holds the app's other keys, so the
/// phone sees the same certificate (and the same fingerprint) next time; made anew when the
/// address changes or less than a month of validity is left. A ledger with no folder of its own
/// (PostgreSQL) gets a certificate for the app's lifetime only.
/// </para>
/// </summary>
public sealed class PhoneCertificate
{
    private const string FileName = "phone-tls.pfx";

    private PhoneCertificate(X509Certificate2 certificate) => Certificate = certificate;

    /// <summary>The certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The SHA-256 fingerprint as a browser's certificate viewer shows it (pairs of hex digits).</summary>
    public string Fingerprint => string.Join(':', Convert.ToHexString(Certificate.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Select(pair => new string(pair)));

    /// <summary>The certificate kept in <paramref name="folder"/> when it fits <paramref name="address"/> at <paramref name="now"/>, else a new one (kept there when a folder is given).</summary>
    public static PhoneCertificate For(IPAddress address, string? folder, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(address);
        var file = folder is null ? null : Path.Combine(folder, FileName);
        if (file is not null && File.Exists(file))
        {
            try
            {
                var kept = X509CertificateLoader.LoadPkcs12FromFile(file, null);
                if (Fits(kept, address, now))
                {
                    return new PhoneCertificate(kept);
                }

                kept.Dispose();
            }
            catch (CryptographicException)
            {
                // A damaged or foreign file: replaced below.
            }
        }

        var pfx = Create(address, now);
        if (file is not null)
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(file, options);
            stream.Write(pfx);
        }

        // Loaded from PKCS#12 bytes rather than used as created: on Windows, TLS cannot use the ephemeral key of a created certificate.
        return new PhoneCertificate(X509CertificateLoader.LoadPkcs12(pfx, null));
    }

    private static bool Fits(X509Certificate2 certificate, IPAddress address, DateTimeOffset now) =>
        certificate.HasPrivateKey
        && certificate.NotAfter.ToUniversalTime() > now.UtcDateTime.AddDays(30)
        && certificate.NotBefore.ToUniversalTime() <= now.UtcDateTime
        && certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Any(names => names.EnumerateIPAddresses().Contains(address));

    private static byte[] Create(IPAddress address, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=DebtShield phone pairing, O=DebtShield", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(address);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));

        // 397 days: the longest validity browsers accept for a server certificate.
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(397));
        return created.Export(X509ContentType.Pkcs12);
    }
}
