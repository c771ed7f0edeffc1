package uk.consumptioninsights.app.anomalies;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.session.ViewQuery;
import uk.consumptioninsights.dataaccess.source.AnomalyCount;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.model.access.MeterIdentity;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The anomaly table on {@link PagedRows}: detections or, for aggregate-only roles, counts; filtered, sorted and paged,
 * with the page label, paging buttons and the chart markers following the page on screen.
 */
final class AnomalyTable {

    final PagedRows<DetectionItem> detections = new PagedRows<>(AnomaliesViewModel.PAGE_SIZE);
    final PagedRows<CountItem> counts = new PagedRows<>(AnomaliesViewModel.PAGE_SIZE);
    final ReadOnlyObjectWrapper<AnomaliesViewModel.Mode> mode =
            new ReadOnlyObjectWrapper<>(this, "mode", AnomaliesViewModel.Mode.DETECTIONS);
    final ReadOnlyStringWrapper pageLabel = new ReadOnlyStringWrapper(this, "pageLabel", "");
    final ReadOnlyBooleanWrapper hasPreviousPage = new ReadOnlyBooleanWrapper(this, "hasPreviousPage", false);
    final ReadOnlyBooleanWrapper hasNextPage = new ReadOnlyBooleanWrapper(this, "hasNextPage", false);
    final ObservableList<AnomalyMarker> markers = FXCollections.observableArrayList();
    final ObservableList<AnomalyMarker> readOnlyMarkers = FXCollections.unmodifiableObservableList(markers);
    final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    final ObservableList<AlertItem> alerts = FXCollections.observableArrayList();
    final ObservableList<AlertItem> readOnlyAlerts = FXCollections.unmodifiableObservableList(alerts);
    final ReadOnlyObjectWrapper<SourceLocalComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison",
            SourceLocalComparison.ofDetections(List.of()));
    final ReadOnlyStringWrapper meterColumnTitle = new ReadOnlyStringWrapper(this, "meterColumnTitle", "MPAN");
    final ReadOnlyStringWrapper emptyDetail = new ReadOnlyStringWrapper(this, "emptyDetail", "");
    final ReadOnlyStringWrapper provenance = new ReadOnlyStringWrapper(this, "provenance", "");
    private final MarkerBackdrop backdrop;

    AnomalyTable(MarkerBackdrop backdrop) {
        this.backdrop = backdrop;
        detections.pageIndexProperty().addListener((o, old, index) -> afterPaging());
        counts.pageIndexProperty().addListener((o, old, index) -> afterPaging());
    }

    void clear(PurposeRole role) {
        detections.setAll(List.of());
        counts.setAll(List.of());
        markers.clear();
        alerts.clear();
        comparison.set(SourceLocalComparison.ofDetections(List.of()));
        summary.set("");
        meterColumnTitle.set(meterColumnTitleFor(role));
        provenance.set("");
        mode.set(role.aggregatesOnly() ? AnomaliesViewModel.Mode.COUNTS : AnomaliesViewModel.Mode.DETECTIONS);
        pageLabel.set("");
    }

    static String meterColumnTitleFor(PurposeRole role) {
        return role.meterIdentity() == MeterIdentity.RAW_MPAN ? "MPAN" : "Meter pseudonym";
    }

    /** Where the listing came from, for the empty state and the provenance line. */
    /** @param model the provider's champion model in words; empty for sources that publish none */
    void describe(ViewQuery query, AnomalyListing listing, String model) {
        meterColumnTitle.set(meterColumnTitleFor(query.role()));
        String relation = listing.provenance() == null ? "the role's anomaly view" : listing.provenance().relation();
        emptyDetail.set("Searched " + relation + " for " + Formats.range(query.range()) + " as "
                + query.role().displayName() + ".");
        provenance.set((listing.provenance() == null ? "" : Formats.provenance(listing.provenance()))
                + (model.isEmpty() ? "" : "\n" + model));
    }

    /** A new listing: its rows, summary, alerts and how they compare with local rescoring. */
    void show(AnomalyListing listing) {
        if (listing instanceof AnomalyListing.Detections d) {
            SourceLocalComparison compared = SourceLocalComparison.ofDetections(d.rows());
            comparison.set(compared);
            showDetections(d.rows().stream().map(row -> AnomalyRowFormat.item(row, compared)).toList());
            summary.set(d.rows().isEmpty() ? "No detections" : Formats.count(d.rows().size())
                    + (d.rows().size() == 1 ? " detection" : " detections"));
            alerts.setAll(AnomalyRowFormat.detectionAlerts(detections.all()));
        } else if (listing instanceof AnomalyListing.Counts c) {
            SourceLocalComparison compared = SourceLocalComparison.ofCounts(c.counts());
            comparison.set(compared);
            showCounts(c.counts().stream().map(AnomalyRowFormat::item).toList());
            long total = c.counts().stream().mapToLong(AnomalyCount::count).sum();
            summary.set(c.counts().isEmpty() ? "No anomalies counted" : Formats.count(total) + " anomalies in "
                    + Formats.count(c.counts().size()) + " group-days");
            alerts.setAll(AnomalyRowFormat.countAlerts(counts.all()));
        }
    }

    private void showDetections(List<DetectionItem> rows) {
        mode.set(AnomaliesViewModel.Mode.DETECTIONS);
        counts.setAll(List.of());
        detections.setAll(rows);
    }

    private void showCounts(List<CountItem> rows) {
        mode.set(AnomaliesViewModel.Mode.COUNTS);
        detections.setAll(List.of());
        counts.setAll(rows);
    }

    /** Every row of the mode shown, filtered or not. */
    List<? extends AnomalyItem> all() {
        return pages().all();
    }

    void setFilter(AnomalyFilter filter) {
        detections.setFilter(filter);
        counts.setFilter(filter);
        afterPaging();
    }

    /** Sorts every row that passes the filter (not just the page) by a column; back to page one. */
    void sort(SortColumn column, boolean ascending) {
        if (column == null) {
            detections.sort(null);
            counts.sort(null);
        } else {
            detections.sort(column.sortsDetections() ? column.detections(ascending) : null);
            counts.sort(column.sortsCounts() ? column.counts(ascending) : null);
        }
        afterPaging();
    }

    void nextPage() {
        pages().nextPage();
    }

    void previousPage() {
        pages().previousPage();
    }

    PagedRows<? extends AnomalyItem> pages() {
        return mode.get() == AnomaliesViewModel.Mode.DETECTIONS ? detections : counts;
    }

    /** Page label, paging buttons and the markers follow the page on screen. */
    void afterPaging() {
        PagedRows<? extends AnomalyItem> rows = pages();
        int matching = rows.matchingProperty().get();
        int index = rows.pageIndexProperty().get();
        int from = index * rows.pageSize();
        int shown = rows.page().size();
        int all = rows.all().size();
        pageLabel.set(matching == 0
                ? (all == 0 ? "" : "No rows match the filters (of " + Formats.count(all) + ")")
                : "Rows " + Formats.count(from + 1) + "–" + Formats.count(from + shown) + " of " + Formats.count(matching)
                + (matching < all ? " matching (of " + Formats.count(all) + ")" : ""));
        hasPreviousPage.set(index > 0);
        hasNextPage.set(index < rows.pageCountProperty().get() - 1);
        List<AnomalyMarker> next = new ArrayList<>(shown);
        for (AnomalyItem item : rows.page()) {
            long at = item.markerTime().getEpochSecond();
            next.add(new AnomalyMarker(at, backdrop.kwhAt(at), item, AnomalyRowFormat.markerTooltip(item)));
        }
        markers.setAll(next);
    }

    /** {@code previous} as listed after a reload; null when it is not listed any more. */
    AnomalyItem find(AnomalyItem previous) {
        AnomalyItem again = null;
        if (previous instanceof DetectionItem d) {
            again = detections.all().stream().filter(i -> i.row().anomalyId().equals(d.row().anomalyId())
                    && i.origin() == d.origin()).findFirst().orElse(null);
        } else if (previous instanceof CountItem c) {
            again = counts.all().stream().filter(i -> i.row().equals(c.row())).findFirst().orElse(null);
        }
        return again;
    }

    /** Shows {@code item}'s page; false when the filter hides it. */
    boolean reveal(AnomalyItem item) {
        return item instanceof DetectionItem d ? detections.reveal(d) : counts.reveal((CountItem) item);
    }
}
