package io.basira.server.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs webhooks may be sent to: {@code http} or {@code https} only, with a host, no credentials in the URL,
 * and — unless {@code basira.webhooks.allow-private-addresses} — a host whose every resolved address is public: not
 * loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10), shared (100.64/10),
 * unspecified or multicast. Checked when an endpoint is registered or changed and again before each attempt (the
 * name may resolve differently later); redirects are never followed.
 */
public final class EndpointAddresses {

    /** A URL that may not receive webhooks; the message says why. */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** Resolves a host name to its addresses (the system resolver; tests may pass another). */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public EndpointAddresses(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public EndpointAddresses(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL parsed, or {@link Refused} saying what is wrong with it. */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("url: '" + url + "' is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("url: only http and https URLs receive webhooks, not '" + url + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("url: '" + url + "' names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("url: credentials in the URL are not accepted; verify the webhook signature instead");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("url: a URL with a fragment (#…) is not accepted");
        }
        if (!allowPrivate) {
            checkAddresses(uri.getHost());
        }
        return uri;
    }

    private void checkAddresses(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            throw new Refused("url: the host '" + host + "' cannot be resolved");
        }
        if (addresses.length == 0) {
            throw new Refused("url: the host '" + host + "' cannot be resolved");
        }
        for (InetAddress address : addresses) {
            String kind = privateKind(address);
            if (kind != null) {
                throw new Refused("url: the host '" + host + "' resolves to " + address.getHostAddress() + ", a " + kind
                        + " address; webhooks go to public addresses only (an operator may allow private ones with "
                        + "basira.webhooks.allow-private-addresses)");
            }
        }
    }

    /** What kind of non-public address this is, or null when it is public. */
    static String privateKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "unspecified";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "shared (carrier-grade NAT)";
            }
            if (first == 255) {
                return "broadcast";
            }
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "private (unique local)";
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return "private (site-local)";
            }
            boolean mapped = true; // ::ffff:a.b.c.d not turned into an Inet4Address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return privateKind(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return "unknown";
                }
            }
        }
        return null;
    }
}
