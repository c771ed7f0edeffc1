package uk.consumptioninsights.model.tariff;

import java.time.Instant;
import java.util.Objects;

/** Energy used in the half-hour starting at {@code intervalStart}. */
public record HalfHourUsage(Instant intervalStart, double kwh) {

    public HalfHourUsage {
        Objects.requireNonNull(intervalStart, "intervalStart");
    }
}
