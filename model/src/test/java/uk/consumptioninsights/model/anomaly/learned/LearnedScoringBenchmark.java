package uk.consumptioninsights.model.anomaly.learned;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.Event;

/**
 * Benchmark harness (JMH is not set up in the project): training and scoring times of the Isolation Forest, the provider
 * forest and the one-class SVM on 1,000,000 rows × 5 features. Not part of the test suite.
 *
 * <pre>
 * mvn -q -B -pl model test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test \
 *     -Dexec.mainClass=uk.consumptioninsights.model.anomaly.learned.LearnedScoringBenchmark [-Dexec.args=1000000]
 * </pre>
 * Wall-clock times; each scoring step is repeated and the best and median repetitions are printed (the first runs include
 * JIT warm-up).
 */
public final class LearnedScoringBenchmark {

    private static final List<String> NAMES = List.of("f0", "f1", "f2", "f3", "f4");
    private static final int REPEATS = 5;

    private LearnedScoringBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int d = NAMES.size();
        System.out.printf(Locale.ROOT, "rows=%,d features=%d cores=%d java=%s maxHeap=%dMB%n", n, d,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);

        long t0 = System.nanoTime();
        double[][] rows = data(n, d, 2026);
        double[] columns = FlatForest.toColumnMajor(rows, d);
        report("generate rows (row-major + column-major copy)", t0);

        // ---- Isolation Forest through Tribuo -------------------------------------------------------------------------
        t0 = System.nanoTime();
        MutableDataset<Event> dataset = AnomalyDatasets.expected("benchmark", NAMES, rows);
        report("iForest: build Tribuo dataset of 1M ArrayExamples", t0);
        IsolationForestTrainer trainer = new IsolationForestTrainer(1);
        t0 = System.nanoTime();
        IsolationForestModel model = trainer.train(dataset);
        report("iForest: train (Tribuo dataset -> model; 100 trees, psi=256, contamination auto)", t0);
        IsolationForestTrainer contaminated = new IsolationForestTrainer(100, -1, 0.01, 1);
        t0 = System.nanoTime();
        IsolationForestModel model2 = contaminated.train(dataset);
        report("iForest: train with contamination=0.01 (offset = percentile of 1M training scores)", t0);
        dataset = null;
        double[] scores = repeat("iForest: scoreSamples, column-major double[] (1M rows, parallel)",
                () -> model.scoreSamplesColumnMajor(columns, n));
        repeat("iForest: scoreSamples, row-major double[][] (1M rows, incl. transpose)", () -> model.scoreSamples(rows));
        System.out.printf(Locale.ROOT, "    flagged (auto offset) %.2f%%, flagged (contamination 0.01) %.2f%%%n",
                100 * flagged(scores, model.offset()), 100 * flagged(model2.scoreSamplesColumnMajor(columns, n),
                        model2.offset()));
        String[] names = NAMES.toArray(String[]::new);
        int tribuoRows = Math.min(n, 200_000);
        t0 = System.nanoTime();
        double sink = 0;
        for (int i = 0; i < tribuoRows; i++) {
            sink += model.predict(AnomalyDatasets.example(names, rows[i])).getOutput().getScore();
        }
        report(String.format(Locale.ROOT, "iForest: Tribuo predict(Example), %,d rows, single thread, incl. ArrayExample",
                tribuoRows), t0);

        // ---- Provider (sklearn-exported) forest: same trees, sklearn's float32 input semantics ------------------------
        IsolationForestTrainer.Fit fit = new IsolationForestTrainer(1).fit(columns, n, d, new SplittableRandom(3));
        ProviderForest provider = new ProviderForest(fit.trees(), -0.5, fit.psi(), NAMES);
        t0 = System.nanoTime();
        ProviderForestScorer scorer = provider.compile();
        report("provider forest: compile 100 trees to flat arrays", t0);
        repeat("provider forest: scoreSamples, column-major (1M rows, parallel)",
                () -> scorer.scoreSamplesColumnMajor(columns, n));
        repeat("provider forest: decisionFunction, row-major (1M rows, incl. transpose)",
                () -> scorer.decisionFunction(rows));

        // ---- One-class SVM (Tribuo LibSVM + MeanStdDev scaling) ------------------------------------------------------
        for (double nu : new double[] {0.01, 0.02}) {
            t0 = System.nanoTime();
            OneClassSvmScorer svm = OneClassSvmScorer.train(NAMES, rows, nu, 0, OneClassSvmScorer.DEFAULT_MAX_TRAINING_ROWS,
                    1);
            report(String.format(Locale.ROOT, "OCSVM nu=%.2f: train (seeded 20k-row subsample of 1M, RBF gamma=1/5)", nu),
                    t0);
            t0 = System.nanoTime();
            double[] decisions = svm.decisionFunction(rows);
            report(String.format(Locale.ROOT, "OCSVM nu=%.2f: decisionFunction, 1M rows (parallel predict)", nu), t0);
            System.out.printf(Locale.ROOT, "    flagged %.2f%%%n", 100 * OneClassSvmScorer.flaggedShare(decisions));
        }
        System.out.println("(sink " + sink + ")");
    }

    /** Correlated Gaussian features: f1..f4 mix f0 with independent noise. */
    static double[][] data(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            double base = IsolationForestModelTest.gaussian(random);
            rows[i][0] = base;
            for (int f = 1; f < d; f++) {
                rows[i][f] = 0.6 * base + 0.8 * IsolationForestModelTest.gaussian(random) + f;
            }
        }
        return rows;
    }

    private static double flagged(double[] scores, double offset) {
        long k = Arrays.stream(scores).filter(s -> s - offset < 0).count();
        return (double) k / scores.length;
    }

    private static double[] repeat(String label, java.util.function.Supplier<double[]> task) {
        double[] times = new double[REPEATS];
        double[] cpu = new double[REPEATS];
        double[] result = null;
        for (int r = 0; r < REPEATS; r++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            result = task.get();
            times[r] = (System.nanoTime() - t0) / 1e9;
            cpu[r] = (processCpuNanos() - c0) / 1e9;
        }
        double first = times[0];
        Arrays.sort(times);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-80s wall best %6.3f s median %6.3f s first %6.3f s | process CPU best %6.3f s%n",
                label, times[0], times[REPEATS / 2], first, cpu[0]);
        return result;
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    private static void report(String label, long t0) {
        System.out.printf(Locale.ROOT, "%-80s wall %6.3f s%n", label, (System.nanoTime() - t0) / 1e9);
    }
}
