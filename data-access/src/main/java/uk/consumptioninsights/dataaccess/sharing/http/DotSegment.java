package uk.consumptioninsights.dataaccess.sharing.http;

/**
 * The path segments {@code .} and {@code ..} (RFC 3986 section 3.3): servers and proxies resolve them, so a share,
 * schema or table of that name would address another path than the one meant. Percent-encoding does not help, as
 * {@code %2E} means the same.
 */
public final class DotSegment {

    private DotSegment() {
    }

    public static boolean is(String name) {
        return ".".equals(name) || "..".equals(name);
    }
}
