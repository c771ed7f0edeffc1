package uk.consumptioninsights.dataaccess.sharing.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sharing server's base URL (path prefix kept, trailing slashes dropped so paths never start {@code //}) and the
 * origin the bearer token belongs to: it is only ever sent to this scheme, host and port.
 */
public final class EndpointAddress {

    private final URI base;
    private final String baseText;

    public EndpointAddress(URI endpoint) {
        String text = endpoint.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        this.baseText = text;
        this.base = URI.create(text);
    }

    /** The base URL followed by each segment, percent-encoded, and the query parameters in the given order. */
    public URI resolve(List<String> pathSegments, Map<String, String> query) {
        StringBuilder url = new StringBuilder(baseText);
        for (String segment : pathSegments) {
            url.append('/').append(PercentEncoding.encode(segment));
        }
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(PercentEncoding.encode(parameter.getKey()))
                    .append('=').append(PercentEncoding.encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    /** True when {@code uri} has this endpoint's scheme, host and (effective) port. */
    public boolean sameOrigin(URI uri) {
        return uri != null && uri.getScheme() != null && uri.getHost() != null
                && base.getScheme().equalsIgnoreCase(uri.getScheme())
                && base.getHost().equalsIgnoreCase(uri.getHost())
                && port(base) == port(uri);
    }

    /** {@code host:port}, for messages about reaching the server. */
    public String hostAndPort() {
        return base.getHost() + ":" + port(base);
    }

    public URI base() {
        return base;
    }

    static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }
}
