package uk.consumptioninsights.dataaccess.sharing.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a URL's host is this computer, decided from the text alone and never by asking DNS: an IP address literal
 * counts when it is a loopback address ({@code 127.0.0.0/8}, {@code ::1}), a name only when it is {@code localhost}.
 * So {@code 127.evil.example} is a remote host like any other.
 */
public final class LoopbackHost {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Hex digits and colons, maybe with a dotted IPv4 tail: text Java reads as an IPv6 literal, never looks up. */
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9a-f:][0-9a-f:.]*");

    private LoopbackHost() {
    }

    /** @param host as {@link java.net.URI#getHost()} gives it (an IPv6 literal in brackets) */
    public static boolean is(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        Matcher ipv4 = IPV4.matcher(h);
        if (ipv4.matches()) {
            byte[] address = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(ipv4.group(i + 1));
                if (octet > 255) {
                    return false;
                }
                address[i] = (byte) octet;
            }
            return address[0] == 127;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            String literal = h.substring(1, h.length() - 1);
            if (IPV6.matcher(literal).matches()) {
                try {
                    return InetAddress.getByName(literal).isLoopbackAddress();
                } catch (UnknownHostException notAnAddress) {
                    return false;
                }
            }
        }
        return false;
    }
}
