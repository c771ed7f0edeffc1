package uk.consumptioninsights.model.synthetic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What to generate: the same settings always give the same fleet, readings and injected anomalies.
 *
 * @param seed          drives every random choice
 * @param meterCount    1 to 100,000 meters
 * @param firstDay      first settlement day (Europe/London)
 * @param lastDay       last settlement day, inclusive
 * @param smallBusinessShare fraction of meters that are small businesses
 */
public record FleetSettings(long seed, int meterCount, LocalDate firstDay, LocalDate lastDay, double smallBusinessShare) {

    public static final int DEFAULT_METERS = 2_000;
    public static final int MAX_METERS = 100_000;
    public static final int DEFAULT_DAYS = 90;
    public static final long DEFAULT_SEED = 20_241_027L;

    public FleetSettings {
        if (meterCount < 1 || meterCount > MAX_METERS) {
            throw new IllegalArgumentException("Meter count must be between 1 and " + MAX_METERS + ", not " + meterCount);
        }
        if (firstDay == null || lastDay == null || lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("The last day must not be before the first day");
        }
        if (smallBusinessShare < 0 || smallBusinessShare > 1) {
            throw new IllegalArgumentException("Small business share must be between 0 and 1");
        }
    }

    /** About 90 days ending on {@code lastDay}, the default fleet of 2,000 meters. */
    public static FleetSettings defaults(LocalDate lastDay) {
        return new FleetSettings(DEFAULT_SEED, DEFAULT_METERS, lastDay.minusDays(DEFAULT_DAYS - 1L), lastDay, 0.06);
    }

    public FleetSettings withMeterCount(int meters) {
        return new FleetSettings(seed, meters, firstDay, lastDay, smallBusinessShare);
    }

    public FleetSettings withDays(int days) {
        return new FleetSettings(seed, meterCount, lastDay.minusDays(days - 1L), lastDay, smallBusinessShare);
    }

    public FleetSettings withSeed(long newSeed) {
        return new FleetSettings(newSeed, meterCount, firstDay, lastDay, smallBusinessShare);
    }

    public int dayCount() {
        return (int) ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
    }
}
