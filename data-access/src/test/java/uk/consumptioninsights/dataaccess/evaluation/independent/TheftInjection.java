package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;

/**
 * Theft as Jokar et al. (2016) model it: one attack, chosen uniformly, applied to every London day of an event of
 * 14–60 whole days, with the attack's random factors drawn afresh for each day.
 */
public final class TheftInjection {

    public static final int MIN_DAYS = 14;
    public static final int MAX_DAYS = 60;

    /** Attacks {@code series} in place; empty when no event of the drawn length fits the household's data. */
    public Optional<InjectedAnomaly> inject(HouseholdSeries series, SplittableRandom random) {
        JokarAttack attack = JokarAttack.values()[random.nextInt(JokarAttack.values().length)];
        int days = random.nextInt(MIN_DAYS, MAX_DAYS + 1);
        Optional<LocalDate> firstDay = InjectionBounds.of(series).drawFirstDay(days, random);
        if (firstDay.isEmpty()) {
            return Optional.empty();
        }
        LondonDay day = LondonDay.of(firstDay.get());
        long start = day.start();
        double honest = 0;
        double reported = 0;
        for (int d = 0; d < days; d++, day = day.next()) {
            int from = series.indexAtOrAfter(day.start());
            int to = series.indexAtOrAfter(day.end());
            honest += sum(series.kwh(), from, to);
            attack.attackDay(series, from, to, day, random);
            reported += sum(series.kwh(), from, to);
        }
        double unreported = honest > 0 ? 1 - reported / honest : 0;
        return Optional.of(new InjectedAnomaly(series.householdId(), AnomalyType.THEFT_BYPASS, attack.pattern(),
                Instant.ofEpochSecond(start), Instant.ofEpochSecond(day.start()), unreported,
                String.format(Locale.UK, "Jokar %s on %d days from %s; %.0f%% of consumption unreported",
                        attack.name().toLowerCase(Locale.ROOT), days, firstDay.get(), unreported * 100)));
    }

    private static double sum(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s;
    }
}
