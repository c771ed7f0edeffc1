package uk.consumptioninsights.app.session;

import java.util.List;
import java.util.Objects;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;

/**
 * The source the user is looking at, behind one stable reference: view-models receive this at construction and the
 * shell swaps what is behind it once the workspace is ready (later: a Databricks provider or a share). Thread-safe.
 */
public final class ActiveSource implements ConsumptionSource {

    private volatile ConsumptionSource current;

    public void use(ConsumptionSource source) {
        this.current = Objects.requireNonNull(source, "source");
    }

    public boolean isOpen() {
        return current != null;
    }

    private ConsumptionSource current() {
        ConsumptionSource source = current;
        if (source == null) {
            throw new SourceException("No data source is open yet: the local workspace is still being prepared.");
        }
        return source;
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
    public List<MeterChoice> meters(PurposeRole role) {
        return current().meters(role);
    }

    @Override
    public List<GspGroup> gspGroups(PurposeRole role) {
        return current().gspGroups(role);
    }

    @Override
    public AnomalyListing anomalies(PurposeRole role, DateRange range) {
        return current().anomalies(role, range);
    }
}
