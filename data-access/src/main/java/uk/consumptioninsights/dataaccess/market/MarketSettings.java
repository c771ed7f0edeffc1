package uk.consumptioninsights.dataaccess.market;

import java.net.URI;
import java.time.Duration;
import uk.consumptioninsights.dataaccess.sharing.http.RetryPolicy;
import uk.consumptioninsights.dataaccess.sharing.http.Sleeper;

/**
 * Where the market APIs are and how much the workbench accepts from them.
 *
 * @param elexonBase          Elexon Insights base, up to and including {@code /bmrs/api/v1}
 * @param nesoBase            NESO CKAN action base, up to and including {@code /api/3/action}
 * @param carbonIntensityBase Carbon Intensity API base
 * @param callDeadline        the longest one call may take, from request to the last byte of the answer
 * @param requestTimeout      the longest wait for the answer's headers, and for any pause in its body
 * @param maxResponseBytes    the largest answer read for one call
 * @param retryPolicy         retries on 429, 5xx and broken connections
 * @param sleeper             waits between retries and between NESO requests
 * @param nesoPause           the least time between two NESO datastore requests (NESO asks for at most 2 a minute)
 */
public record MarketSettings(URI elexonBase, URI nesoBase, URI carbonIntensityBase, Duration callDeadline,
                             Duration requestTimeout, long maxResponseBytes, RetryPolicy retryPolicy, Sleeper sleeper,
                             Duration nesoPause) {

    public MarketSettings {
        if (callDeadline.isNegative() || callDeadline.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("Deadlines must be positive");
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("The answer size limit must be at least one byte");
        }
    }

    /** The public hosts; two minutes a call, 50 MB an answer (a 7-day FUELHH answer is about 1 MB). */
    public static MarketSettings defaults() {
        return new MarketSettings(URI.create("https://data.elexon.co.uk/bmrs/api/v1"),
                URI.create("https://api.neso.energy/api/3/action"), URI.create("https://api.carbonintensity.org.uk"),
                Duration.ofMinutes(2), Duration.ofSeconds(30), 50_000_000, RetryPolicy.defaults(), Sleeper.SYSTEM,
                Duration.ofSeconds(30));
    }

    public MarketSettings withBases(URI elexon, URI neso, URI carbonIntensity) {
        return new MarketSettings(elexon, neso, carbonIntensity, callDeadline, requestTimeout, maxResponseBytes,
                retryPolicy, sleeper, nesoPause);
    }

    public MarketSettings withLimits(Duration deadline, Duration timeout, long responseBytes) {
        return new MarketSettings(elexonBase, nesoBase, carbonIntensityBase, deadline, timeout, responseBytes,
                retryPolicy, sleeper, nesoPause);
    }

    public MarketSettings withRetries(RetryPolicy policy, Sleeper waits, Duration pauseBetweenNesoCalls) {
        return new MarketSettings(elexonBase, nesoBase, carbonIntensityBase, callDeadline, requestTimeout,
                maxResponseBytes, policy, waits, pauseBetweenNesoCalls);
    }

    URI base(MarketSource source) {
        return switch (source) {
            case ELEXON -> elexonBase;
            case NESO -> nesoBase;
            case CARBON_INTENSITY -> carbonIntensityBase;
        };
    }
}
