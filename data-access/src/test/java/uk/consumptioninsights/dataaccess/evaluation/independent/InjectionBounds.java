package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Where one household may carry an event: never starting in its first 28 days (so the detectors have a baseline) and
 * ending no later than its last reading's start (so the event ends before its data does).
 */
public record InjectionBounds(long earliestStart, long latestEnd) {

    public static final long BASELINE_SECONDS = 28 * HouseholdSeries.DAY;

    public static InjectionBounds of(HouseholdSeries series) {
        return new InjectionBounds(series.firstReading() + BASELINE_SECONDS, series.lastReading());
    }

    public boolean admits(EventSpan span) {
        return span.start() >= earliestStart && span.end() <= latestEnd;
    }

    /** The first of {@code days} whole London days, uniform over the first days that fit; empty when none does. */
    public Optional<LocalDate> drawFirstDay(int days, SplittableRandom random) {
        LondonDay first = LondonDay.containing(earliestStart);
        if (first.start() < earliestStart) {
            first = first.next();
        }
        LocalDate lastFirst = LondonDay.containing(latestEnd).date().minusDays(days);
        long choices = lastFirst.toEpochDay() - first.date().toEpochDay() + 1;
        if (choices <= 0) {
            return Optional.empty();
        }
        return Optional.of(first.date().plusDays(random.nextLong(choices)));
    }

    /**
     * A reading of {@code series} to start an event lasting {@code seconds}, uniform over the readings where it fits
     * and {@code allowed} holds; -1 when there is none.
     */
    public int drawStartIndex(HouseholdSeries series, long seconds, IntPredicate allowed, SplittableRandom random) {
        int from = series.indexAtOrAfter(earliestStart);
        int to = series.indexAtOrAfter(latestEnd - seconds + 1);
        int[] candidates = new int[Math.max(0, to - from)];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (allowed.test(i)) {
                candidates[n++] = i;
            }
        }
        return n == 0 ? -1 : candidates[random.nextInt(n)];
    }
}
