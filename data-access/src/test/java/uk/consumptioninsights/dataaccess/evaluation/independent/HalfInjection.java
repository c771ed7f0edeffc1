package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.util.List;

/** Injects anomalies into copies of a half's households, deterministically from a seed; the inputs stay unchanged. */
@FunctionalInterface
public interface HalfInjection {

    /** No injection: the clean half, for false alarms. */
    HalfInjection NONE = (households, seed) -> new InjectedHalf(households, List.of());

    InjectedHalf inject(List<HouseholdSeries> households, long seed);
}
