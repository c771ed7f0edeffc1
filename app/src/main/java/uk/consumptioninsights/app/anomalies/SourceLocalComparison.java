package uk.consumptioninsights.app.anomalies;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.dataaccess.source.AnomalyCount;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.dataaccess.source.AnomalyRow;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.agreement.DetectionAgreement;
import uk.consumptioninsights.model.anomaly.agreement.FlaggedInterval;
import uk.consumptioninsights.model.anomaly.agreement.TypeAgreement;

/**
 * The source's own detections beside local rescoring's, per type, with how far they agree. Only a comparison of
 * rows the role can see: the meter key is the one the role sees (MPAN or pseudonym), which is the same on both sides.
 *
 * @param comparable true when both sides have detections, so agreement means something
 * @param message    what the comparison panel says above (or instead of) its table
 * @param confirmed  rows the other side also flagged
 */
public record SourceLocalComparison(boolean comparable, String message, List<AgreementItem> items,
                                    Set<AnomalyRow> confirmed) {

    static final String ALL_TYPES = "All types";
    static final String NO_SOURCE = "The source has no detections of its own to compare with. Sources that ship "
            + "anomalies (a Databricks gold table, a shared anomaly table) are compared here with Rescore locally.";
    static final String NO_LOCAL = "This source ships its own detections. Rescore locally (Ctrl+R) to compare them "
            + "with the workbench's detectors, type by type.";
    static final String NOTHING = "No detections in this range from the source or from local rescoring.";
    static final String COUNTS_ONLY = "This purpose sees counts only, so detections cannot be matched one by one. "
            + "Counts per type from each side:";

    public SourceLocalComparison {
        items = List.copyOf(items);
        confirmed = Collections.unmodifiableSet(new HashSet<>(confirmed));
    }

    public static SourceLocalComparison ofDetections(List<AnomalyRow> rows) {
        List<AnomalyRow> source = new ArrayList<>();
        List<AnomalyRow> local = new ArrayList<>();
        for (AnomalyRow row : rows) {
            (row.origin() == AnomalyOrigin.LOCAL ? local : source).add(row);
        }
        DetectionAgreement agreement = DetectionAgreement.compare(flags(source), flags(local));
        Set<AnomalyRow> confirmed = new HashSet<>();
        for (int i = 0; i < source.size(); i++) {
            if (agreement.sourceConfirmed().get(i)) {
                confirmed.add(source.get(i));
            }
        }
        for (int i = 0; i < local.size(); i++) {
            if (agreement.localConfirmed().get(i)) {
                confirmed.add(local.get(i));
            }
        }
        List<AgreementItem> items = new ArrayList<>();
        for (AnomalyType type : AnomalyType.values()) {
            items.add(item(type.label(), agreement.byType().get(type)));
        }
        items.add(item(ALL_TYPES, agreement.overall()));
        boolean comparable = !source.isEmpty() && !local.isEmpty();
        String message;
        if (comparable) {
            message = "Agreement " + percent(agreement.overall().agreement()) + ": " + Formats.count(
                    agreement.overall().sourceConfirmed() + agreement.overall().localConfirmed()) + " of "
                    + Formats.count(rows.size()) + " detections were found by both sides (same meter, same type, "
                    + "overlapping interval).";
        } else if (source.isEmpty() && local.isEmpty()) {
            message = NOTHING;
        } else {
            message = source.isEmpty() ? NO_SOURCE : NO_LOCAL;
        }
        return new SourceLocalComparison(comparable, message, comparable ? items : List.of(), confirmed);
    }

    public static SourceLocalComparison ofCounts(List<AnomalyCount> counts) {
        int[] source = new int[AnomalyType.values().length];
        int[] local = new int[source.length];
        for (AnomalyCount count : counts) {
            (count.origin() == AnomalyOrigin.LOCAL ? local : source)[count.type().ordinal()] += count.count();
        }
        List<AgreementItem> items = new ArrayList<>();
        int sourceTotal = 0;
        int localTotal = 0;
        for (AnomalyType type : AnomalyType.values()) {
            int s = source[type.ordinal()];
            int l = local[type.ordinal()];
            sourceTotal += s;
            localTotal += l;
            items.add(new AgreementItem(type.label(), Formats.count(s), Formats.count(l), Formats.NONE, Formats.NONE,
                    Formats.NONE, Formats.NONE));
        }
        items.add(new AgreementItem(ALL_TYPES, Formats.count(sourceTotal), Formats.count(localTotal), Formats.NONE,
                Formats.NONE, Formats.NONE, Formats.NONE));
        boolean both = sourceTotal > 0 && localTotal > 0;
        String message = both ? COUNTS_ONLY : sourceTotal + localTotal == 0 ? NOTHING : sourceTotal == 0 ? NO_SOURCE : NO_LOCAL;
        return new SourceLocalComparison(both, message, both ? items : List.of(), Set.of());
    }

    /** "Local · source agrees", "Source only", ... for the table's Found by column. */
    static String foundBy(AnomalyOrigin origin, boolean confirmed, boolean comparable) {
        if (!comparable) {
            return origin.displayName();
        }
        AnomalyOrigin other = origin == AnomalyOrigin.LOCAL ? AnomalyOrigin.SOURCE : AnomalyOrigin.LOCAL;
        return origin.displayName() + (confirmed ? " · " + other.displayName().toLowerCase(Formats.LOCALE) + " agrees" : " only");
    }

    private static List<FlaggedInterval> flags(List<AnomalyRow> rows) {
        return rows.stream().map(r -> new FlaggedInterval(r.meterLabel(), r.type(), r.start(), r.end())).toList();
    }

    private static AgreementItem item(String label, TypeAgreement a) {
        return new AgreementItem(label, Formats.count(a.source()), Formats.count(a.local()),
                Formats.count(a.sourceConfirmed()) + " / " + Formats.count(a.localConfirmed()),
                Formats.count(a.sourceOnly()), Formats.count(a.localOnly()), percent(a.agreement()));
    }

    static String percent(double share) {
        return Double.isNaN(share) ? Formats.NONE : Formats.decimal(share * 100, 0) + "%";
    }
}
