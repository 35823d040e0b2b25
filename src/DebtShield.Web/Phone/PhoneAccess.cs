using DebtShield.Web.Resources;

namespace DebtShield.Web.Phone;

/// <summary><c>--phone</c>: what the page's "在手机上打开" does, for the terminal: start the listener, print the link, its QR code and the certificate's fingerprint.</summary>
public static class PhoneAccess
{
    /// <summary>Starts the phone listener of a started local app and prints how to pair; false (the reason on stderr) when it cannot listen.</summary>
    public static async Task<bool> StartAsync(WebApplication app, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        output ??= Console.Out;
        error ??= Console.Error;
        var listener = app.Services.GetRequiredService<PhoneListener>();
        if (await listener.StartAsync().ConfigureAwait(false) is { } problem)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
            return false;
        }

        var link = listener.PairingLink(app.Services.GetRequiredService<PhonePairings>().Offer());
        await output.WriteLineAsync(Localized.Format(WebText.Start_Phone, listener.Address, listener.Fingerprint)).ConfigureAwait(false);
        await output.WriteLineAsync(PairingCode.Terminal(link)).ConfigureAwait(false);
        await output.WriteLineAsync(link.AbsoluteUri).ConfigureAwait(false);
        return true;
    }
}
