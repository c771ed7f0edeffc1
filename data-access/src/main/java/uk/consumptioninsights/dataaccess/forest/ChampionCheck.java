package uk.consumptioninsights.dataaccess.forest;

import java.util.Map;

/** What a source says about the provider's champion model for the detections it lists. */
public sealed interface ChampionCheck {

    /** The source never publishes a model (a local workspace, a recipient's copy). */
    record NotOffered() implements ChampionCheck {
    }

    /** The source could publish one but it cannot be read now; {@code reason} says why and what to do. */
    record Unavailable(String reason) implements ChampionCheck {
    }

    /**
     * The champion read and the listed detections scored with it here.
     *
     * @param scores by anomaly id, for the listed detections the notebook scored with this model version
     */
    record Scored(ChampionModel model, Map<String, ChampionScore> scores) implements ChampionCheck {

        public Scored {
            scores = Map.copyOf(scores);
        }

        public long agreeing() {
            return scores.values().stream().filter(ChampionScore::agrees).count();
        }

        public double largestDifference() {
            return scores.values().stream().mapToDouble(ChampionScore::difference).max().orElse(0);
        }
    }

    ChampionCheck NOT_OFFERED = new NotOffered();
}
