package uk.consumptioninsights.dataaccess.source;

import java.util.List;

/** What the Anomalies tab shows for a role: individual detections, or counts for aggregate-only roles. */
public sealed interface AnomalyListing {

    Provenance provenance();

    boolean isEmpty();

    record Detections(List<AnomalyRow> rows, Provenance provenance) implements AnomalyListing {
        public Detections {
            rows = List.copyOf(rows);
        }

        @Override
        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    record Counts(List<AnomalyCount> counts, Provenance provenance) implements AnomalyListing {
        public Counts {
            counts = List.copyOf(counts);
        }

        @Override
        public boolean isEmpty() {
            return counts.isEmpty();
        }
    }
}
