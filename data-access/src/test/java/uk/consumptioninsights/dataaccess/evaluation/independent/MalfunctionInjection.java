package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;

/** A meter malfunction: one {@link MalfunctionPattern}, chosen uniformly, over consecutive half-hours. */
public final class MalfunctionInjection {

    /** Writes the drawn pattern into {@code series}; empty when no event of the drawn length fits. */
    public Optional<InjectedAnomaly> inject(HouseholdSeries series, SplittableRandom random) {
        MalfunctionPattern pattern = MalfunctionPattern.values()[random.nextInt(MalfunctionPattern.values().length)];
        return inject(series, pattern, random);
    }

    /** As {@link #inject(HouseholdSeries, SplittableRandom)} with the pattern given. */
    public Optional<InjectedAnomaly> inject(HouseholdSeries series, MalfunctionPattern pattern, SplittableRandom random) {
        int halfHours = pattern.drawHalfHours(random);
        double[] x = series.kwh();
        // A frozen register repeats a reading it had; a zero before the event would make it a dead meter instead.
        IntPredicate allowed = pattern == MalfunctionPattern.FROZEN ? i -> i > 0 && x[i - 1] > 0 : i -> true;
        int first = InjectionBounds.of(series).drawStartIndex(series, halfHours * HouseholdSeries.HALF_HOUR, allowed, random);
        if (first < 0) {
            return Optional.empty();
        }
        EventSpan span = new EventSpan(series.epochSeconds()[first],
                series.epochSeconds()[first] + halfHours * HouseholdSeries.HALF_HOUR);
        double frozen = first > 0 ? x[first - 1] : 0;
        double magnitude = 0;
        for (int i = first; i < series.size() && span.contains(series.epochSeconds()[i]); i++) {
            x[i] = pattern.reading(frozen, random);
            magnitude = Math.abs(x[i]) > Math.abs(magnitude) ? x[i] : magnitude;
        }
        return Optional.of(new InjectedAnomaly(series.householdId(), AnomalyType.METER_MALFUNCTION, pattern.code(),
                span.startInstant(), span.endInstant(), magnitude,
                String.format(Locale.UK, "%s for %d half-hours (largest %.3f kWh)", pattern.code(), halfHours, magnitude)));
    }
}
