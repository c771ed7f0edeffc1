package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * A meter needing maintenance: a calibration {@code drift} (gain rising linearly from 1 to 1 + e over the ramp, then
 * held) or a {@code repeated_outlier} (the same local half-hours read x·m + a on every day of the event).
 */
public final class MaintenanceInjection {

    public static final String DRIFT = "drift";
    public static final String REPEATED_OUTLIER = "repeated_outlier";

    /** Writes one of the two patterns, chosen uniformly; empty when no event of the drawn length fits. */
    public Optional<InjectedAnomaly> inject(HouseholdSeries series, SplittableRandom random) {
        return random.nextBoolean() ? drift(series, random) : repeatedOutlier(series, random);
    }

    public Optional<InjectedAnomaly> drift(HouseholdSeries series, SplittableRandom random) {
        double excess = random.nextDouble(0.2, 0.5);
        int rampDays = random.nextInt(14, 36);
        int holdDays = random.nextInt(0, 15);
        long ramp = rampDays * HouseholdSeries.DAY;
        long length = (rampDays + holdDays) * HouseholdSeries.DAY;
        int first = InjectionBounds.of(series).drawStartIndex(series, length, i -> true, random);
        if (first < 0) {
            return Optional.empty();
        }
        long[] t = series.epochSeconds();
        EventSpan span = new EventSpan(t[first], t[first] + length);
        for (int i = first; i < series.size() && span.contains(t[i]); i++) {
            series.kwh()[i] *= 1 + excess * Math.min(1.0, (double) (t[i] - span.start()) / ramp);
        }
        return Optional.of(new InjectedAnomaly(series.householdId(), AnomalyType.MAINTENANCE, DRIFT, span.startInstant(),
                span.endInstant(), 1 + excess, String.format(Locale.UK,
                "Gain rising to %.2f over %d days, then held for %d days", 1 + excess, rampDays, holdDays)));
    }

    public Optional<InjectedAnomaly> repeatedOutlier(HouseholdSeries series, SplittableRandom random) {
        int days = random.nextInt(5, 15);
        int run = random.nextInt(1, 5);
        double m = random.nextDouble(3, 6);
        double a = random.nextDouble(0.5, 2);
        LocalTime at = LocalTime.MIDNIGHT.plusMinutes(30L * random.nextInt(0, 48 - run + 1));
        Optional<LocalDate> firstDay = InjectionBounds.of(series).drawFirstDay(days, random);
        if (firstDay.isEmpty()) {
            return Optional.empty();
        }
        for (int d = 0; d < days; d++) {
            // At a local time a spring-forward gap skips, ZonedDateTime moves the run on by the gap, as a meter clock would.
            long runStart = ZonedDateTime.of(firstDay.get().plusDays(d), at, SettlementCalendar.LONDON).toEpochSecond();
            for (int k = 0; k < run; k++) {
                int i = series.indexOf(runStart + k * HouseholdSeries.HALF_HOUR);
                if (i >= 0) {
                    series.kwh()[i] = series.kwh()[i] * m + a;
                }
            }
        }
        Instant start = SettlementCalendar.dayStart(firstDay.get());
        Instant end = SettlementCalendar.dayStart(firstDay.get().plusDays(days));
        return Optional.of(new InjectedAnomaly(series.householdId(), AnomalyType.MAINTENANCE, REPEATED_OUTLIER, start, end, m,
                String.format(Locale.UK, "%d half-hour(s) from %s read x·%.2f + %.2f kWh on %d days", run, at, m, a, days)));
    }
}
