package uk.consumptioninsights.model.anomaly.learned;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.tribuo.Model;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyTrainer;
import org.tribuo.anomaly.libsvm.SVMAnomalyType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * Tribuo's LibSVM one-class SVM (RBF kernel) behind per-feature standardisation ({@link MeanStdDevTransformation} through a
 * {@link TransformTrainer}), with a small ν so it flags about ν of normal data rather than Tribuo's default ν = 0.5, which
 * flags half of everything.
 *
 * <p>Scores follow LibSVM: the {@link Event} score is the decision value, <b>lower = more anomalous</b>, ANOMALOUS when
 * negative. LibSVM training is super-linear in the row count, so at most {@code maxTrainingRows} rows (a seeded uniform
 * sub-sample) are used for training; scoring cost is linear in the number of support vectors (≥ ν · training rows).
 */
public final class OneClassSvmScorer {

    public static final double DEFAULT_NU = 0.02;
    public static final int DEFAULT_MAX_TRAINING_ROWS = 20_000;

    static {
        // libsvm writes its optimiser progress to System.out by default; the workbench has no console.
        libsvm.svm.svm_set_print_string_function(message -> { });
    }

    private final Model<Event> model;
    private final List<String> featureNames;
    private final double nu;
    private final int trainingRows;

    private OneClassSvmScorer(Model<Event> model, List<String> featureNames, double nu, int trainingRows) {
        this.model = model;
        this.featureNames = featureNames;
        this.nu = nu;
        this.trainingRows = trainingRows;
    }

    /** ν = {@link #DEFAULT_NU}, γ = 1/features, at most {@link #DEFAULT_MAX_TRAINING_ROWS} training rows. */
    public static OneClassSvmScorer train(List<String> featureNames, double[][] rows, long seed) {
        return train(featureNames, rows, DEFAULT_NU, 0.0, DEFAULT_MAX_TRAINING_ROWS, seed);
    }

    /**
     * @param nu              upper bound on the flagged share of training rows, in (0, 1); keep it around the tolerated flag
     *                        rate (0.01–0.05)
     * @param gamma           RBF γ on the standardised features; ≤ 0 means 1/number of features
     * @param maxTrainingRows rows beyond this are sub-sampled (seeded, without replacement)
     */
    public static OneClassSvmScorer train(List<String> featureNames, double[][] rows, double nu, double gamma,
            int maxTrainingRows, long seed) {
        if (!(nu > 0 && nu < 1)) {
            throw new IllegalArgumentException("nu must be in (0, 1), got " + nu);
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        if (maxTrainingRows < 1) {
            throw new IllegalArgumentException("maxTrainingRows must be positive, got " + maxTrainingRows);
        }
        double[][] training = rows;
        if (rows.length > maxTrainingRows) {
            int[] idx = IntStream.range(0, rows.length).toArray();
            SplittableRandom random = new SplittableRandom(seed);
            training = new double[maxTrainingRows][];
            for (int k = 0; k < maxTrainingRows; k++) {
                int j = k + random.nextInt(rows.length - k);
                int tmp = idx[k];
                idx[k] = idx[j];
                idx[j] = tmp;
                training[k] = rows[idx[k]];
            }
        }
        SVMParameters<Event> parameters = new SVMParameters<>(new SVMAnomalyType(SVMAnomalyType.SVMMode.ONE_CLASS),
                KernelType.RBF);
        parameters.setNu(nu);
        parameters.setGamma(gamma > 0 ? gamma : 1.0 / featureNames.size());
        LibSVMAnomalyTrainer svm = new LibSVMAnomalyTrainer(parameters, seed);
        TransformTrainer<Event> trainer = new TransformTrainer<>(svm,
                new TransformationMap(List.of(new MeanStdDevTransformation())));
        Model<Event> model = trainer.train(AnomalyDatasets.expected("one-class SVM training rows", featureNames, training));
        return new OneClassSvmScorer(model, List.copyOf(featureNames), nu, training.length);
    }

    /** The Tribuo model (a TransformedModel around a LibSVMAnomalyModel), for provenance and Tribuo evaluation. */
    public Model<Event> model() {
        return model;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public double nu() {
        return nu;
    }

    public int trainingRows() {
        return trainingRows;
    }

    /** The prediction for one row (values in {@link #featureNames()} order). */
    public Event predict(double[] row) {
        return model.predict(AnomalyDatasets.example(featureNames.toArray(String[]::new), row)).getOutput();
    }

    /** Decision values (lower = more anomalous, negative = flagged), scored in parallel. */
    public double[] decisionFunction(double[][] rows) {
        String[] names = featureNames.toArray(String[]::new);
        double[] out = new double[rows.length];
        IntStream.range(0, rows.length).parallel()
                .forEach(i -> out[i] = model.predict(AnomalyDatasets.example(names, rows[i])).getOutput().getScore());
        return out;
    }

    /** Share of rows with a negative decision value. */
    public static double flaggedShare(double[] decisionValues) {
        long flagged = 0;
        for (double v : decisionValues) {
            if (v < 0) {
                flagged++;
            }
        }
        return decisionValues.length == 0 ? 0.0 : (double) flagged / decisionValues.length;
    }
}
