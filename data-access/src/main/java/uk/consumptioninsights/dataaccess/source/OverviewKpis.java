package uk.consumptioninsights.dataaccess.source;

import java.time.Instant;

/**
 * The headline figures for a role over a date range, all computed by one query of the role's view.
 *
 * @param distinctMeters     meters with at least one reading (for aggregate-only roles: meters in the groups shown)
 * @param latestReadingStart start (UTC) of the latest half-hour with a reading; null when there are none
 */
public record OverviewKpis(long distinctMeters, double totalKwh, long readings, Instant latestReadingStart,
                           Provenance provenance) {
}
