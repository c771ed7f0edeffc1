package uk.consumptioninsights.model.anomaly.learned;

import java.util.List;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Builds Tribuo anomaly datasets and examples from named dense rows (every feature emitted, zeros included). */
public final class AnomalyDatasets {

    private AnomalyDatasets() {
    }

    /** An unlabelled (EXPECTED) dataset, as the one-class trainers require. */
    public static MutableDataset<Event> expected(String description, List<String> featureNames, double[][] rows) {
        AnomalyFactory factory = new AnomalyFactory();
        MutableDataset<Event> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
        String[] names = featureNames.toArray(String[]::new);
        for (double[] row : rows) {
            dataset.add(example(names, row));
        }
        return dataset;
    }

    /** One EXPECTED example; {@code names} and {@code row} are parallel arrays. */
    public static ArrayExample<Event> example(String[] names, double[] row) {
        if (row.length != names.length) {
            throw new IllegalArgumentException("row has " + row.length + " values for " + names.length + " feature names");
        }
        return new ArrayExample<>(AnomalyFactory.EXPECTED_EVENT, names, row);
    }
}
