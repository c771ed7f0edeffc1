package uk.consumptioninsights.app.session;

import java.util.List;
import java.util.Objects;
import uk.consumptioninsights.dataaccess.forest.ChampionCheck;
import uk.consumptioninsights.dataaccess.governance.AuditEvent;
import uk.consumptioninsights.dataaccess.governance.ColumnMask;
import uk.consumptioninsights.dataaccess.governance.GovernanceSource;
import uk.consumptioninsights.dataaccess.governance.Grant;
import uk.consumptioninsights.dataaccess.governance.Restricted;
import uk.consumptioninsights.dataaccess.governance.RowFilter;
import uk.consumptioninsights.dataaccess.governance.ShareGrant;
import uk.consumptioninsights.dataaccess.governance.SharedObject;
import uk.consumptioninsights.dataaccess.governance.TableColumns;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.MeterSearch;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;

/**
 * The source the user is looking at, behind one stable reference: view-models receive this at construction and the
 * shell swaps what is behind it once the workspace is ready (later: a Databricks provider or a share). Its
 * {@link #governance()} answers for the same source. Thread-safe.
 */
public final class ActiveSource implements ConsumptionSource {

    /** Source and governance swap together, so a reader never pairs one source's data with another's grants. */
    private record Current(ConsumptionSource source, GovernanceSource governance) {
    }

    private final GovernanceSource governance = new ActiveGovernance();
    private volatile Current current;

    /** Shows {@code source}, which carries no governance metadata. */
    public void use(ConsumptionSource source) {
        this.current = new Current(Objects.requireNonNull(source, "source"), OpenedSource.NO_GOVERNANCE);
    }

    /** Shows the opened source with its governance. */
    public void use(OpenedSource opened) {
        this.current = new Current(opened.source(), opened.governance());
    }

    public boolean isOpen() {
        return current != null;
    }

    /** The governance of whatever source is shown at the time of each call. */
    public GovernanceSource governance() {
        return governance;
    }

    private Current open() {
        Current shown = current;
        if (shown == null) {
            throw new SourceException("No data source is open yet: the local workspace is still being prepared.");
        }
        return shown;
    }

    private ConsumptionSource current() {
        return open().source();
    }

    @Override
    public SourceDescriptor descriptor() {
        return current().descriptor();
    }

    @Override
    public List<PurposeRole> roles() {
        return current().roles();
    }

    @Override
    public DateRange availableRange(PurposeRole role) {
        return current().availableRange(role);
    }

    @Override
    public OverviewKpis overview(PurposeRole role, DateRange range) {
        return current().overview(role, range);
    }

    @Override
    public ConsumptionSeries consumption(PurposeRole role, SeriesScope scope, DateRange range) {
        return current().consumption(role, scope, range);
    }

    @Override
    public ConsumptionSeries consumption(PurposeRole role, SeriesScope scope, DateRange range, SeriesResolution resolution) {
        return current().consumption(role, scope, range, resolution);
    }

    @Override
    public List<MeterChoice> meters(PurposeRole role) {
        return current().meters(role);
    }

    @Override
    public List<MeterChoice> findMeters(PurposeRole role, MeterSearch search, int limit) {
        return current().findMeters(role, search, limit);
    }

    @Override
    public long meterCount(PurposeRole role) {
        return current().meterCount(role);
    }

    @Override
    public List<GspGroup> gspGroups(PurposeRole role) {
        return current().gspGroups(role);
    }

    @Override
    public AnomalyListing anomalies(PurposeRole role, DateRange range) {
        return current().anomalies(role, range);
    }

    @Override
    public ChampionCheck champion(PurposeRole role, DateRange range) {
        return current().champion(role, range);
    }

    private final class ActiveGovernance implements GovernanceSource {

        private GovernanceSource current() {
            return open().governance();
        }

        @Override
        public Restricted<List<Grant>> grants(PurposeRole role) {
            return current().grants(role);
        }

        @Override
        public Restricted<List<ColumnMask>> columnMasks(PurposeRole role) {
            return current().columnMasks(role);
        }

        @Override
        public Restricted<List<RowFilter>> rowFilters(PurposeRole role) {
            return current().rowFilters(role);
        }

        @Override
        public Restricted<List<AuditEvent>> audit(PurposeRole role, int limit) {
            return current().audit(role, limit);
        }

        @Override
        public Restricted<List<TableColumns>> goldSchema() {
            return current().goldSchema();
        }

        @Override
        public Restricted<List<String>> shares() {
            return current().shares();
        }

        @Override
        public Restricted<List<SharedObject>> sharedObjects(String share) {
            return current().sharedObjects(share);
        }

        @Override
        public Restricted<List<ShareGrant>> shareRecipients(String share) {
            return current().shareRecipients(share);
        }

        @Override
        public Restricted<TableColumns> sharedColumns(SharedObject object) {
            return current().sharedColumns(object);
        }

        @Override
        public Restricted<List<String>> sourceTables(String relation) {
            return current().sourceTables(relation);
        }
    }
}
