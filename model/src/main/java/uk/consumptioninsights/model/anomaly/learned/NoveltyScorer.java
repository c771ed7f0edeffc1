package uk.consumptioninsights.model.anomaly.learned;

import java.util.List;

/**
 * A learned scorer that is trained on ordinary rows only and then says how unusual other rows are. Both variants use
 * Tribuo models: {@link IsolationForestNovelty} (the default) and {@link OneClassSvmNovelty} (the measured alternative).
 */
public sealed interface NoveltyScorer permits IsolationForestNovelty, OneClassSvmNovelty {

    /**
     * Trains on {@code ordinary} and scores {@code queries}.
     *
     * @param featureNames names of the columns of every row, in row order
     * @return one value per query in 0..1, higher = more unusual than the ordinary rows
     */
    double[] fitAndScore(List<String> featureNames, double[][] ordinary, double[][] queries, long seed);

    /** Short stable name for reports, e.g. {@code iforest}. */
    String name();
}
