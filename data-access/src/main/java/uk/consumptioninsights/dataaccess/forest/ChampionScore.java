package uk.consumptioninsights.dataaccess.forest;

/**
 * One detection's novelty under the champion forest: as the notebook wrote it, and as the workbench computes it here
 * from the same features with the published forest. Novelty is {@code −score_samples}, higher = more unusual.
 */
public record ChampionScore(double notebookNovelty, double localNovelty) {

    /** Scores further apart than this mean the published forest is not the one that scored the detection. */
    public static final double TOLERANCE = 1e-9;

    public double difference() {
        return Math.abs(notebookNovelty - localNovelty);
    }

    public boolean agrees() {
        return difference() <= TOLERANCE;
    }
}
