package uk.consumptioninsights.dataaccess.source;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a figure came from, so the UI can show it beside the figure.
 *
 * @param relation the table or view the query read, e.g. {@code gold.v_settlement_half_hourly}
 * @param rowsRead rows of that relation the figure was computed over
 */
public record Provenance(String source, String relation, Instant queriedAt, Duration elapsed, long rowsRead) {
}
