package uk.consumptioninsights.app.ui;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;

/** Wraps the real source; while a fault is set, every query throws it, as a broken workspace file would. */
final class FaultySource implements ConsumptionSource {

    private final ConsumptionSource real;
    private final AtomicReference<RuntimeException> fault;

    FaultySource(ConsumptionSource real, AtomicReference<RuntimeException> fault) {
        this.real = real;
        this.fault = fault;
    }

    private void check() {
        RuntimeException error = fault.get();
        if (error != null) {
            throw error;
        }
    }

    @Override
    public SourceDescriptor descriptor() {
        return real.descriptor();
    }

    @Override
    public List<PurposeRole> roles() {
        return real.roles();
    }

    @Override
    public DateRange availableRange(PurposeRole role) {
        // Left working so that F5 re-publishes and every tab's own query meets the fault.
        return real.availableRange(role);
    }

    @Override
    public OverviewKpis overview(PurposeRole role, DateRange range) {
        check();
        return real.overview(role, range);
    }

    @Override
    public ConsumptionSeries consumption(PurposeRole role, SeriesScope scope, DateRange range) {
        check();
        return real.consumption(role, scope, range);
    }

    @Override
    public ConsumptionSeries consumption(PurposeRole role, SeriesScope scope, DateRange range, SeriesResolution resolution) {
        check();
        return real.consumption(role, scope, range, resolution);
    }

    @Override
    public List<MeterChoice> meters(PurposeRole role) {
        check();
        return real.meters(role);
    }

    @Override
    public List<GspGroup> gspGroups(PurposeRole role) {
        check();
        return real.gspGroups(role);
    }

    @Override
    public AnomalyListing anomalies(PurposeRole role, DateRange range) {
        check();
        return real.anomalies(role, range);
    }
}
