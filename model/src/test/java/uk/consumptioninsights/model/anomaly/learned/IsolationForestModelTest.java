package uk.consumptioninsights.model.anomaly.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.anomaly.Event;

class IsolationForestModelTest {

    private static final List<String> NAMES = List.of("x", "y");

    /** A 2-D standard Gaussian blob. */
    static double[][] blob(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {gaussian(random), gaussian(random)};
        }
        return rows;
    }

    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    @Test
    void flagsObviousOutliersOfAGaussianBlob() {
        double[][] train = blob(2000, 7);
        IsolationForestModel model = new IsolationForestTrainer(42)
                .train(AnomalyDatasets.expected("blob", NAMES, train));
        assertThat(model.maxSamples()).isEqualTo(256);
        assertThat(model.numTrees()).isEqualTo(100);
        assertThat(model.offset()).isEqualTo(-0.5);

        double[][] outliers = {{6, 6}, {-7, 0.5}, {0, 8}, {5, -5}};
        double[] outlierDecisions = model.decisionFunction(outliers);
        double[] inlierDecisions = model.decisionFunction(blob(5000, 8));
        double[] sortedInliers = inlierDecisions.clone();
        Arrays.sort(sortedInliers);
        for (double d : outlierDecisions) {
            assertThat(d).isNegative();
            // Beyond the training range iForest scores saturate (every value past the sample's extreme lands in the same
            // leaf), so a far outlier is only as isolated as the blob's most extreme edge: compare with the 5% quantile.
            assertThat(d).isLessThan(sortedInliers[(int) (0.05 * sortedInliers.length)]);
        }
        // The auto threshold (score < -0.5, the paper's 0.5) is generous on a Gaussian blob, whose density thins out
        // gradually: about a fifth of clean points fall below it (23% here). That is sklearn's semantics too; set a
        // contamination to get a chosen alarm rate (see contaminationSetsTheOffset...).
        assertThat(OneClassSvmScorer.flaggedShare(inlierDecisions)).isBetween(0.05, 0.35);
        // The centre of the blob is clearly normal.
        assertThat(model.decisionFunction(new double[][] {{0, 0}})[0]).isPositive();

        for (double[] o : outliers) {
            Prediction<Event> p = model.predict(AnomalyDatasets.example(new String[] {"x", "y"}, o));
            assertThat(p.getOutput().getType()).isEqualTo(Event.EventType.ANOMALOUS);
            assertThat(p.getOutput().getScore()).isEqualTo(model.scoreSample(o) - model.offset());
        }
    }

    @Test
    void fastScoresEqualTheFormulaComputedTreeByTree() {
        double[][] train = blob(1000, 3);
        int n = train.length;
        IsolationForestTrainer trainer = new IsolationForestTrainer(50, 128, IsolationForestTrainer.AUTO_CONTAMINATION, 5);
        IsolationForestTrainer.Fit fit = trainer.fit(FlatForest.toColumnMajor(train, 2), n, 2, new SplittableRandom(9));
        assertThat(fit.psi()).isEqualTo(128);
        int limit = IsolationMath.maxDepth(128);
        double cPsi = IsolationMath.averagePathLength(128);

        double[][] probe = blob(300, 4);
        double[] fast = fit.forest().pathLengthSums(FlatForest.toColumnMajor(probe, 2), probe.length);
        for (int i = 0; i < probe.length; i++) {
            double sum = 0;
            for (ForestTree tree : fit.trees()) {
                assertThat(tree.nSamplesAtRoot()).isEqualTo(128);
                int node = 0;
                int depth = 0;
                while (tree.childrenLeft()[node] != -1) {
                    node = probe[i][tree.feature()[node]] <= tree.threshold()[node] ? tree.childrenLeft()[node]
                            : tree.childrenRight()[node];
                    depth++;
                }
                assertThat(depth).isLessThanOrEqualTo(limit);
                sum += depth + IsolationMath.averagePathLength(tree.nNodeSamples()[node]);
            }
            assertThat(fast[i]).isCloseTo(sum, within(1e-9));
            double expectedScore = -Math.pow(2, -(sum / fit.trees().size()) / cPsi);
            assertThat(IsolationMath.scoreFromPathSum(fast[i], 50, 128)).isCloseTo(expectedScore, within(1e-12));
            assertThat(expectedScore).isBetween(-1.0, 0.0);
        }
    }

    @Test
    void contaminationSetsTheOffsetToThatPercentileOfTrainingScores() {
        double[][] train = blob(3000, 11);
        MutableDataset<Event> dataset = AnomalyDatasets.expected("blob", NAMES, train);
        IsolationForestModel model = new IsolationForestTrainer(100, IsolationForestTrainer.AUTO_MAX_SAMPLES, 0.05, 1)
                .train(dataset);
        double[] decisions = model.decisionFunction(train);
        assertThat(OneClassSvmScorer.flaggedShare(decisions)).isCloseTo(0.05, within(0.002));
        assertThat(model.offset()).isCloseTo(IsolationMath.percentile(model.scoreSamples(train), 5), within(1e-15));
    }

    @Test
    void seededTrainingIsReproducibleAndTribuoPredictMatchesTheBatchPath() {
        double[][] train = blob(1500, 21);
        MutableDataset<Event> dataset = AnomalyDatasets.expected("blob", NAMES, train);
        IsolationForestTrainer trainerA = new IsolationForestTrainer(77);
        IsolationForestModel a1 = trainerA.train(dataset);
        IsolationForestModel a2 = trainerA.train(dataset);
        IsolationForestModel b1 = new IsolationForestTrainer(77).train(dataset);
        assertThat(trainerA.getInvocationCount()).isEqualTo(2);
        double[] s1 = a1.scoreSamples(train);
        assertThat(b1.scoreSamples(train)).containsExactly(s1);
        assertThat(a2.scoreSamples(train)).isNotEqualTo(s1);
        trainerA.setInvocationCount(1);
        assertThat(trainerA.train(dataset).scoreSamples(train)).containsExactly(a2.scoreSamples(train));

        List<Prediction<Event>> predictions = a1.predict(dataset);
        double[] decisions = a1.decisionFunction(train);
        for (int i = 0; i < train.length; i++) {
            Event e = predictions.get(i).getOutput();
            assertThat(e.getScore()).isEqualTo(decisions[i]);
            assertThat(e.getType()).isEqualTo(decisions[i] < 0 ? Event.EventType.ANOMALOUS : Event.EventType.EXPECTED);
        }
        assertThat(a1.getProvenance().getTrainerProvenance().toString()).contains("seed").contains("77");
        assertThat(a1.getTopFeatures(-1).get(Model.ALL_OUTPUTS)).hasSize(2);
        assertThat(a1.copy().scoreSamples(train)).containsExactly(s1);
        assertThat(a1.featureNames()).containsExactly("x", "y");
    }

    @Test
    void roundTripsThroughTribuoProtobuf() throws Exception {
        double[][] train = blob(800, 31);
        IsolationForestModel model = new IsolationForestTrainer(40, 200, 0.05, 3)
                .train(AnomalyDatasets.expected("blob", NAMES, train));
        byte[] bytes = model.serialize().toByteArray();
        Model<?> back = Model.deserialize(org.tribuo.protos.core.ModelProto.parseFrom(bytes));
        assertThat(back).isInstanceOf(IsolationForestModel.class);
        IsolationForestModel copy = (IsolationForestModel) back;
        assertThat(copy.scoreSamples(train)).containsExactly(model.scoreSamples(train));
        assertThat(copy.offset()).isEqualTo(model.offset());
        assertThat(copy.maxSamples()).isEqualTo(200);
        assertThat(copy.featureNames()).isEqualTo(model.featureNames());
        assertThat(copy.getProvenance()).isEqualTo(model.getProvenance());
        Prediction<Event> p = copy.predict(AnomalyDatasets.example(new String[] {"x", "y"}, new double[] {9, 9}));
        assertThat(p.getOutput().getType()).isEqualTo(Event.EventType.ANOMALOUS);
    }

    @Test
    void rejectsBadConfigurationAndUnknownFeatures() {
        assertThatThrownBy(() -> new IsolationForestTrainer(0, -1, -1, 1)).hasMessageContaining("numTrees");
        assertThatThrownBy(() -> new IsolationForestTrainer(10, -1, 0.6, 1)).hasMessageContaining("contamination");
        IsolationForestModel model = new IsolationForestTrainer(10, -1, -1, 1)
                .train(AnomalyDatasets.expected("blob", NAMES, blob(100, 1)));
        assertThat(model.maxSamples()).isEqualTo(100);
        assertThatThrownBy(() -> model.predict(AnomalyDatasets.example(new String[] {"z"}, new double[] {1})))
                .hasMessageContaining("No features found");
    }
}
