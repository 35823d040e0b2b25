using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace DebtShield.Web.Phone;

/// <summary>
/// The address the phone reaches this computer at: an IPv4 address in a private range (home and
/// office Wi-Fi hand those out) on a network interface that is up and has a gateway, so a VPN's
/// or a virtual machine's adapter is not taken before the Wi-Fi. Never a public address: the
/// phone listener is for the room, not the internet.
/// </summary>
public static class LanAddress
{
    /// <summary>The best candidate, or null when this computer is on no local network.</summary>
    public static IPAddress? Choose()
    {
        var candidates = new List<(IPAddress Address, int Rank)>();
        foreach (var network in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (network.OperationalStatus != OperationalStatus.Up || network.NetworkInterfaceType is NetworkInterfaceType.Loopback or NetworkInterfaceType.Tunnel)
            {
                continue;
            }

            var properties = network.GetIPProperties();
            var gateway = properties.GatewayAddresses.Any(g => g.Address.AddressFamily == AddressFamily.InterNetwork && !g.Address.Equals(IPAddress.Any));
            var wireless = network.NetworkInterfaceType == NetworkInterfaceType.Wireless80211;
            foreach (var unicast in properties.UnicastAddresses)
            {
                if (IsPrivate(unicast.Address))
                {
                    candidates.Add((unicast.Address, (gateway ? 2 : 0) + (wireless ? 1 : 0)));
                }
            }
        }

        return candidates.OrderByDescending(c => c.Rank).Select(c => c.Address).FirstOrDefault();
    }

    /// <summary>Whether <paramref name="address"/> is an IPv4 address in 10/8, 172.16/12 or 192.168/16 (RFC 1918).</summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        return bytes[0] == 10 || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31) || (bytes[0] == 192 && bytes[1] == 168);
    }
}
