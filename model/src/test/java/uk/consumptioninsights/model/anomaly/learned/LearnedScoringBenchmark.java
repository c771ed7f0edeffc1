package uk.consumptioninsights.model.anomaly.learned;

import static uk.consumptioninsights.model.anomaly.learned.LearnedScoringFixture.FEATURE_NAMES;
import static uk.consumptioninsights.model.anomaly.learned.LearnedScoringFixture.READINGS;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.Event;

/**
 * JMH: training and scoring of the learned anomaly scorers on one million readings × five features
 * ({@link LearnedScoringFixture}). Target: Isolation Forest scoring of 1M readings under 2 s on a 2-core machine.
 * {@code mvn -q -DskipTests install && mvn -q -pl model exec:exec@jmh-learned}.
 *
 * <p>Most operations take a second or more, so every iteration is one timed call (single shot) after warm-up calls.
 * Each state builds only what its benchmarks need, once per trial, so setup stays out of the figures. The heap is fixed
 * so that the figures do not depend on the machine's memory.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3)
@Measurement(iterations = 10)
public class LearnedScoringBenchmark {

    private static final long TRAINING_SEED = 1;

    /** The fixture rows, row-major and column-major. */
    @State(Scope.Benchmark)
    public static class Readings {

        double[][] rows;
        double[] columns;

        @Setup(Level.Trial)
        public void generate() {
            rows = LearnedScoringFixture.readings();
            columns = LearnedScoringFixture.columnMajor(rows);
        }
    }

    /** The readings as a Tribuo dataset, what {@link IsolationForestTrainer} trains from. */
    @State(Scope.Benchmark)
    public static class TrainingSet {

        MutableDataset<Event> dataset;

        @Setup(Level.Trial)
        public void build(Readings readings) {
            dataset = AnomalyDatasets.expected("benchmark readings", FEATURE_NAMES, readings.rows);
        }
    }

    /** An Isolation Forest trained on the readings (100 trees, ψ = 256, contamination auto). */
    @State(Scope.Benchmark)
    public static class TrainedForest {

        IsolationForestModel model;

        @Setup(Level.Trial)
        public void train(Readings readings) {
            model = new IsolationForestTrainer(TRAINING_SEED)
                    .train(AnomalyDatasets.expected("benchmark readings", FEATURE_NAMES, readings.rows));
        }
    }

    /** A forest as a provider exports it (sklearn's float32 input semantics), compiled for scoring. */
    @State(Scope.Benchmark)
    public static class ProviderExport {

        ProviderForestScorer scorer;

        @Setup(Level.Trial)
        public void compile(Readings readings) {
            IsolationForestTrainer.Fit fit = new IsolationForestTrainer(TRAINING_SEED)
                    .fit(readings.columns, READINGS, FEATURE_NAMES.size(), new SplittableRandom(3));
            scorer = new ProviderForest(fit.trees(), -0.5, fit.psi(), FEATURE_NAMES).compile();
        }
    }

    /** A one-class SVM with the workbench defaults (ν = 0.02, γ = 1/5, 20,000-row training subsample). */
    @State(Scope.Benchmark)
    public static class TrainedSvm {

        OneClassSvmScorer svm;

        @Setup(Level.Trial)
        public void train(Readings readings) {
            svm = OneClassSvmScorer.train(FEATURE_NAMES, readings.rows, TRAINING_SEED);
        }
    }

    /** Tribuo dataset → model; contamination auto, so no scoring pass over the training rows. */
    @Benchmark
    public IsolationForestModel isolationForestTrain(TrainingSet training) {
        return new IsolationForestTrainer(TRAINING_SEED).train(training.dataset);
    }

    /** Contamination 0.01 sets the offset from the percentile of all 1M training scores, so it includes a scoring pass. */
    @Benchmark
    public IsolationForestModel isolationForestTrainContamination(TrainingSet training) {
        return new IsolationForestTrainer(100, IsolationForestTrainer.AUTO_MAX_SAMPLES, 0.01, TRAINING_SEED)
                .train(training.dataset);
    }

    /** The 2 s target: score_samples for 1M readings already in columns. */
    @Benchmark
    public double[] isolationForestScore(TrainedForest forest, Readings readings) {
        return forest.model.scoreSamplesColumnMajor(readings.columns, READINGS);
    }

    /** The same from row-major input, so it includes the transpose a caller with {@code double[][]} pays. */
    @Benchmark
    public double[] isolationForestScoreRows(TrainedForest forest, Readings readings) {
        return forest.model.scoreSamples(readings.rows);
    }

    @Benchmark
    public double[] providerForestScore(ProviderExport export, Readings readings) {
        return export.scorer.scoreSamplesColumnMajor(readings.columns, READINGS);
    }

    /** Training on the 20,000-row subsample; LibSVM's code is still being compiled over the first few calls. */
    @Benchmark
    @Warmup(iterations = 5)
    public OneClassSvmScorer oneClassSvmTrain(Readings readings) {
        return OneClassSvmScorer.train(FEATURE_NAMES, readings.rows, TRAINING_SEED);
    }

    /** Decision values for 1M readings through Tribuo's LibSVM model, in parallel; several seconds a call. */
    @Benchmark
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public double[] oneClassSvmScore(TrainedSvm trained, Readings readings) {
        return trained.svm.decisionFunction(readings.rows);
    }
}
