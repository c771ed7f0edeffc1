package uk.consumptioninsights.app.overview;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import uk.consumptioninsights.app.common.FeatureViewModel;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.session.ViewQuery;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.model.access.MeterIdentity;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.series.ReadingFlag;

/** The four headline figures of the chosen role and dates, each with where it came from. */
public final class OverviewViewModel extends FeatureViewModel {

    private final ReadOnlyStringWrapper metersTitle = new ReadOnlyStringWrapper(this, "metersTitle");
    private final ReadOnlyStringWrapper distinctMeters = new ReadOnlyStringWrapper(this, "distinctMeters", Formats.NONE);
    private final ReadOnlyStringWrapper totalKwh = new ReadOnlyStringWrapper(this, "totalKwh", Formats.NONE);
    private final ReadOnlyStringWrapper readings = new ReadOnlyStringWrapper(this, "readings", Formats.NONE);
    private final ReadOnlyStringWrapper latestReading = new ReadOnlyStringWrapper(this, "latestReading", Formats.NONE);
    private final ReadOnlyStringWrapper provenance = new ReadOnlyStringWrapper(this, "provenance", "Not loaded yet");
    private final ReadOnlyStringWrapper scopeNote = new ReadOnlyStringWrapper(this, "scopeNote", "");
    private final ReadOnlyObjectWrapper<OverviewKpis> kpis = new ReadOnlyObjectWrapper<>(this, "kpis");
    private final ReadOnlyStringWrapper flaggedNote = new ReadOnlyStringWrapper(this, "flaggedNote", "");
    private final ReadOnlyStringWrapper dataEndsNote = new ReadOnlyStringWrapper(this, "dataEndsNote", "");

    public OverviewViewModel(ConsumptionSource source, TaskRunner runner, WorkbenchSession session) {
        super(source, runner, session);
        metersTitle.set(metersTitleFor(session.role()));
        startListening();
    }

    static String metersTitleFor(PurposeRole role) {
        if (role.aggregatesOnly()) {
            return "Meters (in groups ≥ " + role.minimumGroupSize() + ")";
        }
        // Only Settlement sees MPANs; the others count meters by their pseudonyms.
        return role.meterIdentity() == MeterIdentity.RAW_MPAN ? "Distinct MPANs" : "Distinct meters";
    }

    /** Says that implausible readings are kept but never counted, and where to find them; empty when there are none. */
    static String flaggedNoteFor(long flagged) {
        if (flagged <= 0) {
            return "";
        }
        return Formats.count(flagged) + (flagged == 1 ? " reading" : " readings") + " kept but flagged as physically "
                + "implausible (negative, or above " + (int) ReadingFlag.CEILING_KWH + " kWh in a half-hour) "
                + (flagged == 1 ? "is" : "are") + " not in these figures or the charts. Rescore locally lists "
                + (flagged == 1 ? "it" : "them") + " as meter malfunctions on the Anomalies tab.";
    }

    /** Says how many meters' data end before the source's last day, and that this is not counted as a fault. */
    static String dataEndsNoteFor(long meters) {
        if (meters <= 0) {
            return "";
        }
        return Formats.count(meters) + (meters == 1 ? " meter stops" : " meters stop") + " reporting for good at least "
                + SourceDescriptor.DATA_ENDS_DAYS + " days before the last reading here: "
                + (meters == 1 ? "its data end" : "their data end") + " (a meter removed, replaced or no longer read), which "
                + "is not counted as missing data or as a fault.";
    }

    @Override
    protected void clearForRole(PurposeRole newRole) {
        metersTitle.set(metersTitleFor(newRole));
        distinctMeters.set(Formats.NONE);
        totalKwh.set(Formats.NONE);
        readings.set(Formats.NONE);
        latestReading.set(Formats.NONE);
        provenance.set("Loading…");
        kpis.set(null);
    }

    @Override
    protected void reload(ViewQuery query) {
        load("Loading overview for " + query.role().displayName(), "load the overview",
                progress -> source.overview(query.role(), query.range()),
                result -> show(query, result));
    }

    private void show(ViewQuery query, OverviewKpis result) {
        kpis.set(result);
        // Read with each answer: the active source (and so what it flags) changes with imports and shares.
        flaggedNote.set(flaggedNoteFor(source.descriptor().flaggedReadings()));
        dataEndsNote.set(dataEndsNoteFor(source.descriptor().metersEndingEarly()));
        metersTitle.set(metersTitleFor(query.role()));
        distinctMeters.set(Formats.count(result.distinctMeters()));
        totalKwh.set(Formats.kwh(result.totalKwh()));
        readings.set(Formats.count(result.readings()));
        latestReading.set(result.latestReadingStart() == null ? "No readings" : Formats.settlementPeriod(result.latestReadingStart()));
        provenance.set(result.provenance() == null ? "" : Formats.provenance(result.provenance()));
        scopeNote.set(query.role().displayName() + " · " + Formats.range(query.range())
                + (query.role().aggregatesOnly() ? " · aggregates over GSP groups of at least "
                + query.role().minimumGroupSize() + " meters" : ""));
        session.recordProvenance(query.role(), result.provenance());
    }

    public ReadOnlyStringProperty metersTitleProperty() {
        return metersTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty distinctMetersProperty() {
        return distinctMeters.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalKwhProperty() {
        return totalKwh.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty readingsProperty() {
        return readings.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty latestReadingProperty() {
        return latestReading.getReadOnlyProperty();
    }

    /** Source, relation, query time and rows, one per line; the same for all four cards (one query). */
    public ReadOnlyStringProperty provenanceProperty() {
        return provenance.getReadOnlyProperty();
    }

    /** Which role and dates the figures are for. */
    public ReadOnlyStringProperty scopeNoteProperty() {
        return scopeNote.getReadOnlyProperty();
    }

    /** Implausible readings the source keeps but leaves out of every figure; empty when there are none. */
    public ReadOnlyStringProperty flaggedNoteProperty() {
        return flaggedNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataEndsNoteProperty() {
        return dataEndsNote.getReadOnlyProperty();
    }

    /** The figures as loaded, null before the first load or after a role change. */
    public ReadOnlyObjectProperty<OverviewKpis> kpisProperty() {
        return kpis.getReadOnlyProperty();
    }
}
