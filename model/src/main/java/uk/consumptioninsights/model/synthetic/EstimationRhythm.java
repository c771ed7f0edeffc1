package uk.consumptioninsights.model.synthetic;

import java.util.Optional;
import uk.consumptioninsights.model.settlement.SettlementRun;

/**
 * How long a synthetic meter-day stays estimated: at the initial run a few percent of smart meter-days are estimated
 * (the meter did not answer in time), and each reconciliation run replaces most of what is left with actual reads,
 * until next to none remain at the final runs.
 */
public final class EstimationRhythm {

    /** Share of meter-days still estimated after each run, in run order (SF, R1, R2, R3, RF, DF). */
    private static final double[] STILL_ESTIMATED = {0.04, 0.012, 0.004, 0.0015, 0.0003, 0};

    private EstimationRhythm() {
    }

    /** The share of meter-days still estimated once {@code run} has taken place. */
    public static double stillEstimatedAfter(SettlementRun run) {
        return STILL_ESTIMATED[run.ordinal()];
    }

    /**
     * For a uniform draw {@code u} in [0, 1): empty when the meter-day is read actual from its first delivery, else the
     * reconciliation run whose restatement first carries its actual reads.
     */
    public static Optional<SettlementRun> actualsArriveAt(double u) {
        if (u >= STILL_ESTIMATED[0]) {
            return Optional.empty();
        }
        SettlementRun[] runs = SettlementRun.values();
        for (int i = 1; i < runs.length; i++) {
            if (u >= STILL_ESTIMATED[i]) {
                return Optional.of(runs[i]);
            }
        }
        return Optional.of(SettlementRun.DF);
    }
}
