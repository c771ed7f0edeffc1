package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a failing meter writes, after meter-data validation practice (limits, frozen reads, negative consumption on an
 * import meter, dead registers), with the suite's own ranges in half-hours and kWh.
 */
public enum MalfunctionPattern {

    /** Far above any household supply: 1–3 half-hours, each U(55, 200) kWh. */
    IMPLAUSIBLE_HIGH(1, 3) {
        @Override
        double reading(double frozen, SplittableRandom random) {
            return random.nextDouble(55, 200);
        }
    },
    /** One high reading within a household supply's reach: U(15, 45) kWh. */
    SPIKE(1, 1) {
        @Override
        double reading(double frozen, SplittableRandom random) {
            return random.nextDouble(15, 45);
        }
    },
    /** Negative readings on an import meter: 1–12 half-hours, each −U(0.01, 1.5) kWh. */
    NEGATIVE(1, 12) {
        @Override
        double reading(double frozen, SplittableRandom random) {
            return -random.nextDouble(0.01, 1.5);
        }
    },
    /** The reading before the event repeated for 12–336 half-hours (6 h – 7 days). */
    FROZEN(12, 336) {
        @Override
        double reading(double frozen, SplittableRandom random) {
            return frozen;
        }
    },
    /** Zeros for 12–1,440 half-hours (6 h – 30 days), then the real readings resume. */
    DEAD(12, 1440) {
        @Override
        double reading(double frozen, SplittableRandom random) {
            return 0;
        }
    };

    private final int minHalfHours;
    private final int maxHalfHours;

    MalfunctionPattern(int minHalfHours, int maxHalfHours) {
        this.minHalfHours = minHalfHours;
        this.maxHalfHours = maxHalfHours;
    }

    public int minHalfHours() {
        return minHalfHours;
    }

    public int maxHalfHours() {
        return maxHalfHours;
    }

    public int drawHalfHours(SplittableRandom random) {
        return random.nextInt(minHalfHours, maxHalfHours + 1);
    }

    /** The value written for one half-hour; {@code frozen} is the reading just before the event. */
    abstract double reading(double frozen, SplittableRandom random);

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
