package uk.consumptioninsights.app.anomalies;

import java.util.Comparator;
import uk.consumptioninsights.dataaccess.source.AnomalyRow;

/**
 * The Anomalies table's sortable columns, each ordering the underlying values (numbers as numbers, intervals in
 * time) rather than the words shown. Ascending; the table reverses for descending.
 */
public enum SortColumn {
    METER(Comparator.comparing(DetectionItem::meter), null),
    GSP_GROUP(Comparator.comparing(DetectionItem::gspCode), Comparator.comparing(CountItem::gspCode)),
    TYPE(Comparator.comparing(DetectionItem::anomalyType), Comparator.comparing(CountItem::anomalyType)),
    /** Most urgent first when ascending, as {@link uk.consumptioninsights.model.anomaly.Severity} is declared. */
    SEVERITY(Comparator.comparing(DetectionItem::anomalySeverity), Comparator.comparing(CountItem::anomalySeverity)),
    /** Learned score across types; rows without one sort below every row with one. */
    RANK(Comparator.comparing((DetectionItem d) -> d.row().learnedScore(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingDouble(d -> d.row().score()), null),
    SCORE(Comparator.comparingDouble(d -> d.row().score()), null),
    WHEN(Comparator.comparing((DetectionItem d) -> d.row().start()).thenComparing(d -> d.row().end()),
            Comparator.comparing(CountItem::settlementDay)),
    SHORTFALL(Comparator.comparingDouble(SortColumn::shortfall), null),
    FOUND_BY(Comparator.comparing(DetectionItem::foundBy), Comparator.comparing(CountItem::foundBy)),
    COUNT(null, Comparator.comparingInt(c -> c.row().count()));

    private final Comparator<DetectionItem> detections;
    private final Comparator<CountItem> counts;

    SortColumn(Comparator<DetectionItem> detections, Comparator<CountItem> counts) {
        this.detections = detections;
        this.counts = counts;
    }

    /** Ties fall back to the listing's identity so the order never depends on arrival. */
    public Comparator<DetectionItem> detections(boolean ascending) {
        Comparator<DetectionItem> primary = ascending ? detections : detections.reversed();
        return primary.thenComparing(d -> d.row().anomalyId());
    }

    public Comparator<CountItem> counts(boolean ascending) {
        Comparator<CountItem> primary = ascending ? counts : counts.reversed();
        return primary.thenComparing(CountItem::settlementDay).thenComparing(CountItem::gspCode)
                .thenComparing(CountItem::anomalyType).thenComparing(CountItem::origin);
    }

    public boolean sortsDetections() {
        return detections != null;
    }

    public boolean sortsCounts() {
        return counts != null;
    }

    /** Expected minus actual kWh: how much consumption went missing; rows without an expectation count as none. */
    private static double shortfall(DetectionItem item) {
        AnomalyRow row = item.row();
        if (row.expectedKwh() == null || row.actualKwh() == null) {
            return 0;
        }
        return row.expectedKwh() - row.actualKwh();
    }
}
