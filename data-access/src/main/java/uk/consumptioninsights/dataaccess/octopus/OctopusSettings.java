package uk.consumptioninsights.dataaccess.octopus;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import uk.consumptioninsights.dataaccess.sharing.http.RetryPolicy;

/**
 * Where the Octopus Energy API is and how much the client accepts from it.
 *
 * @param apiBase             the API's base URL, without {@code /v1}; the API key is sent to this origin only
 * @param callDeadline        the longest one call may take, from request to the last byte of the answer
 * @param requestTimeout      the longest wait for the answer's headers, and for any pause in its body
 * @param maxResponseBytes    the largest answer (one page) read
 * @param consumptionPageSize half-hours asked for per page (the API allows 25,000, a year)
 * @param ratePageSize        unit rates asked for per page (the API allows 1,500)
 * @param retry               how often and how long to retry 429, 5xx and broken connections
 */
public record OctopusSettings(URI apiBase, Duration callDeadline, Duration requestTimeout, long maxResponseBytes,
                              int consumptionPageSize, int ratePageSize, RetryPolicy retry) {

    public static final URI PUBLIC_API = URI.create("https://api.octopus.energy");

    public OctopusSettings {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(retry, "retry");
        if (apiBase.getScheme() == null || apiBase.getHost() == null) {
            throw new IllegalArgumentException("The Octopus API address must be an absolute URL such as " + PUBLIC_API);
        }
        if (callDeadline.isZero() || callDeadline.isNegative() || requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("Deadlines must be positive");
        }
        if (maxResponseBytes < 1 || consumptionPageSize < 1 || consumptionPageSize > 25_000 || ratePageSize < 1
                || ratePageSize > 1_500) {
            throw new IllegalArgumentException("Sizes must be positive and within the API's page limits");
        }
    }

    /** The public API: two minutes a call, 30 s without data, 20 MB a page (a full year page is about 2 MB). */
    public static OctopusSettings defaults() {
        return new OctopusSettings(PUBLIC_API, Duration.ofMinutes(2), Duration.ofSeconds(30), 20_000_000, 25_000,
                1_500, RetryPolicy.defaults());
    }

    public OctopusSettings withApiBase(URI base) {
        return new OctopusSettings(base, callDeadline, requestTimeout, maxResponseBytes, consumptionPageSize,
                ratePageSize, retry);
    }

    public OctopusSettings withPageSizes(int consumption, int rates) {
        return new OctopusSettings(apiBase, callDeadline, requestTimeout, maxResponseBytes, consumption, rates, retry);
    }

    public OctopusSettings withLimits(Duration deadline, Duration timeout, long maxBytes) {
        return new OctopusSettings(apiBase, deadline, timeout, maxBytes, consumptionPageSize, ratePageSize, retry);
    }

    public OctopusSettings withRetry(RetryPolicy policy) {
        return new OctopusSettings(apiBase, callDeadline, requestTimeout, maxResponseBytes, consumptionPageSize,
                ratePageSize, policy);
    }
}
