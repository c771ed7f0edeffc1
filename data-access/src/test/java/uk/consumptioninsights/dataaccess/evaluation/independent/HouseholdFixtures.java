package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;
import uk.consumptioninsights.model.time.SettlementCalendar;

/** Small synthetic households for the injector tests: every half-hour of whole London days, all readings above zero. */
final class HouseholdFixtures {

    private HouseholdFixtures() {
    }

    /** A daily shape (low at night, evening peak) with deterministic noise; distinct values within each day. */
    static HouseholdSeries shaped(String id, LocalDate from, int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long start = SettlementCalendar.dayStart(from).getEpochSecond();
        int n = (int) ((SettlementCalendar.dayStart(from.plusDays(days)).getEpochSecond() - start) / HouseholdSeries.HALF_HOUR);
        long[] t = new long[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i * HouseholdSeries.HALF_HOUR;
            double hour = (i % 48) / 2.0;
            x[i] = 0.15 + 0.5 * Math.max(0, Math.sin((hour - 6) / 24 * 2 * Math.PI)) + random.nextDouble(0.001, 0.2);
        }
        return new HouseholdSeries(id, t, x);
    }

    /** Every reading 1 kWh, so a rewritten value is the factor applied. */
    static HouseholdSeries constant(String id, LocalDate from, int days) {
        HouseholdSeries s = shaped(id, from, days, 0);
        Arrays.fill(s.kwh(), 1.0);
        return s;
    }
}
