package uk.consumptioninsights.model.anomaly.learned;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * An Isolation Forest with scikit-learn's semantics, trained by {@link IsolationForestTrainer}.
 *
 * <p>{@link #predict(Example)} returns an {@link Event} whose score is sklearn's {@code decision_function}
 * ({@code score_samples − offset}): <b>lower means more anomalous</b>, like Tribuo's LibSVM one-class model; the type is
 * {@code ANOMALOUS} when the score is negative. Features are looked up by name in the model's feature map; unknown names are
 * ignored and a missing feature counts as 0 (Tribuo's sparse convention). For bulk scoring use
 * {@link #scoreSamplesColumnMajor(double[], int)} or {@link #scoreSamples(double[][])} with columns in
 * {@link #featureNames()} order (the feature map's id order, i.e. sorted by name).
 *
 * <p>Immutable and thread-safe. Saved with Tribuo's protobuf route ({@link #serialize()}, {@code serializeToFile},
 * {@code Model.deserialize*}): the payload is a {@code BytesValue} holding the Tribuo metadata carrier and the flat tree
 * arrays. Java serialisation is not supported (deprecated in Tribuo, removed on its main branch).
 */
public final class IsolationForestModel extends Model<Event> {

    private static final long serialVersionUID = 1L;

    /** Protobuf payload version. */
    public static final int CURRENT_VERSION = 0;

    private final FlatForest forest; // not Serializable on purpose: Java serialisation fails loudly
    private final double offset;
    private final long maxSamples;
    private final List<String> featureNames;

    IsolationForestModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
            ImmutableOutputInfo<Event> outputIDInfo, FlatForest forest, double offset, long maxSamples) {
        super(name, provenance, featureIDMap, outputIDInfo, false);
        this.forest = forest;
        this.offset = offset;
        this.maxSamples = maxSamples;
        List<String> names = new ArrayList<>(featureIDMap.size());
        for (int id = 0; id < featureIDMap.size(); id++) {
            names.add(featureIDMap.get(id).getName());
        }
        this.featureNames = List.copyOf(names);
    }

    /** sklearn's {@code offset_}: −0.5 for contamination "auto", else the contamination percentile of the training scores. */
    public double offset() {
        return offset;
    }

    /** ψ, the sub-sample size each tree was grown on (sklearn's {@code max_samples_}). */
    public long maxSamples() {
        return maxSamples;
    }

    public int numTrees() {
        return forest.numTrees();
    }

    /** Column order of the batch methods: the feature map's ids, which Tribuo assigns in name order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** sklearn's {@code score_samples} for one dense row: in [−1, 0), lower = more anomalous. */
    public double scoreSample(double[] row) {
        return IsolationMath.scoreFromPathSum(forest.pathLengthSum(row), forest.numTrees(), maxSamples);
    }

    /** sklearn's {@code score_samples} for row-major input (columns in {@link #featureNames()} order). */
    public double[] scoreSamples(double[][] rows) {
        return scoreSamplesColumnMajor(FlatForest.toColumnMajor(rows, featureNames.size()), rows.length);
    }

    /** sklearn's {@code score_samples} for column-major input: feature f of row i at {@code columns[f * numRows + i]}. */
    public double[] scoreSamplesColumnMajor(double[] columns, int numRows) {
        double[] sums = forest.pathLengthSums(columns, numRows);
        int numTrees = forest.numTrees();
        for (int i = 0; i < sums.length; i++) {
            sums[i] = IsolationMath.scoreFromPathSum(sums[i], numTrees, maxSamples);
        }
        return sums;
    }

    /** sklearn's {@code decision_function} (score − offset) for column-major input: negative = outlier. */
    public double[] decisionFunctionColumnMajor(double[] columns, int numRows) {
        double[] s = scoreSamplesColumnMajor(columns, numRows);
        for (int i = 0; i < s.length; i++) {
            s[i] = s[i] - offset;
        }
        return s;
    }

    /** sklearn's {@code decision_function} for row-major input. */
    public double[] decisionFunction(double[][] rows) {
        return decisionFunctionColumnMajor(FlatForest.toColumnMajor(rows, featureNames.size()), rows.length);
    }

    @Override
    public Prediction<Event> predict(Example<Event> example) {
        double[] row = new double[featureNames.size()];
        int used = 0;
        for (Feature f : example) {
            int id = featureIDMap.getID(f.getName());
            if (id >= 0) {
                row[id] = f.getValue();
                used++;
            }
        }
        if (used == 0) {
            throw new IllegalArgumentException("No features found in Example " + example
                    + " that the model knows; expected some of " + featureNames);
        }
        double decision = scoreSample(row) - offset;
        Event.EventType type = decision < 0 ? Event.EventType.ANOMALOUS : Event.EventType.EXPECTED;
        return new Prediction<>(new Event(type, decision), used, example);
    }

    /** Split-count importance: the share of split nodes using each feature, under {@link Model#ALL_OUTPUTS}. */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        long[] counts = forest.splitCounts();
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        List<Pair<String, Double>> pairs = new ArrayList<>();
        for (int f = 0; f < counts.length; f++) {
            pairs.add(new Pair<>(featureNames.get(f), total == 0 ? 0.0 : (double) counts[f] / total));
        }
        pairs.sort(Comparator.comparing((Pair<String, Double> p) -> p.getB()).reversed());
        int limit = n < 0 ? pairs.size() : Math.min(n, pairs.size());
        return Map.of(Model.ALL_OUTPUTS, List.copyOf(pairs.subList(0, limit)));
    }

    @Override
    public Optional<Excuse<Event>> getExcuse(Example<Event> example) {
        return Optional.empty();
    }

    @Override
    public ModelProto serialize() {
        byte[] carrier = createDataCarrier().serialize().toByteArray();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 + carrier.length + 8 + 8 + forest.serializedSize());
        buffer.putInt(carrier.length).put(carrier).putDouble(offset).putLong(maxSamples);
        forest.writeTo(buffer);
        BytesValue payload = BytesValue.newBuilder().setValue(ByteString.copyFrom(buffer.array())).build();
        return ModelProto.newBuilder().setVersion(CURRENT_VERSION).setClassName(IsolationForestModel.class.getName())
                .setSerializedData(Any.pack(payload)).build();
    }

    /** Tribuo 4.3's reflective deserialisation entry point (exactly three arguments). */
    @SuppressWarnings("unchecked")
    public static IsolationForestModel deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("Unknown version " + version + ", this class supports at most "
                    + CURRENT_VERSION);
        }
        if (!IsolationForestModel.class.getName().equals(className)) {
            throw new IllegalArgumentException("Expected " + IsolationForestModel.class.getName() + ", got " + className);
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(message.unpack(BytesValue.class).getValue().toByteArray());
        byte[] carrierBytes = new byte[buffer.getInt()];
        buffer.get(carrierBytes);
        ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(ModelDataProto.parseFrom(carrierBytes));
        for (Object output : carrier.outputDomain().getDomain()) {
            if (!(output instanceof Event)) {
                throw new IllegalStateException("Invalid protobuf: the output domain is not anomaly events");
            }
        }
        double offset = buffer.getDouble();
        long maxSamples = buffer.getLong();
        FlatForest forest = FlatForest.readFrom(buffer);
        return new IsolationForestModel(carrier.name(), carrier.provenance(), carrier.featureDomain(),
                (ImmutableOutputInfo<Event>) carrier.outputDomain(), forest, offset, maxSamples);
    }

    @Override
    public IsolationForestModel copy() {
        return copy(name, provenance);
    }

    @Override
    protected IsolationForestModel copy(String newName, ModelProvenance newProvenance) {
        return new IsolationForestModel(newName, newProvenance, featureIDMap, outputIDInfo, forest, offset, maxSamples);
    }
}
