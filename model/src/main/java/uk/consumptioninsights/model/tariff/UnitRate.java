package uk.consumptioninsights.model.tariff;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One unit rate of a tariff, in pence per kWh, valid over {@code [validFrom, validTo)}; an open-ended rate (a fixed or
 * variable tariff's current rate) has no end.
 */
public record UnitRate(Instant validFrom, Optional<Instant> validTo, double pencePerKwhExcVat, double pencePerKwhIncVat) {

    public UnitRate {
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        if (validTo.isPresent() && !validTo.get().isAfter(validFrom)) {
            throw new IllegalArgumentException("A unit rate must end after it starts: " + validFrom + " to " + validTo.get());
        }
        if (!Double.isFinite(pencePerKwhExcVat) || !Double.isFinite(pencePerKwhIncVat)) {
            throw new IllegalArgumentException("A unit rate must be a finite number of pence");
        }
    }

    /** True when the half-hour starting at {@code intervalStart} is charged at this rate. */
    public boolean covers(Instant intervalStart) {
        return !intervalStart.isBefore(validFrom) && validTo.map(intervalStart::isBefore).orElse(true);
    }
}
