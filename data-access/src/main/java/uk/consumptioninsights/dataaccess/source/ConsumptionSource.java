package uk.consumptioninsights.dataaccess.source;

import java.util.List;
import uk.consumptioninsights.dataaccess.forest.ChampionCheck;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;

/**
 * Everything the workbench's tabs read, for a purpose role, through that role's view. The local workspace, a recipient's
 * copy of a share and the Databricks provider answer the same catalog of queries. Methods block on
 * IO: call them off the UI thread. Failures are {@link SourceException}s with a user-facing message.
 */
public interface ConsumptionSource {

    SourceDescriptor descriptor();

    /** Roles this source can answer for (a recipient sees only the Recipient role). */
    List<PurposeRole> roles();

    /** First and last settlement date with data visible to the role; null when there is none. */
    DateRange availableRange(PurposeRole role);

    OverviewKpis overview(PurposeRole role, DateRange range);

    /** The half-hourly series, every half-hour of the range. */
    ConsumptionSeries consumption(PurposeRole role, SeriesScope scope, DateRange range);

    /**
     * The series summed into points of {@code resolution}: a chart asks for about as many points as it can draw.
     * Sources backed by a query engine compute the points there; this default sums the half-hourly series here, for
     * sources that hold it in memory anyway.
     */
    default ConsumptionSeries consumption(PurposeRole role, SeriesScope scope, DateRange range, SeriesResolution resolution) {
        ConsumptionSeries halfHourly = consumption(role, scope, range);
        if (resolution.halfHourly()) {
            return halfHourly;
        }
        return new ConsumptionSeries(scope, SeriesPoints.sum(halfHourly.series(), range, resolution), resolution,
                halfHourly.provenance());
    }

    /** Meters the role may chart one by one: empty for aggregate-only roles. */
    List<MeterChoice> meters(PurposeRole role);

    /**
     * The first {@code limit} meters (by GSP group, then key) that {@code search} finds, for a picker that never lists
     * a whole fleet. This default filters {@link #meters}; sources backed by a query engine search there.
     */
    default List<MeterChoice> findMeters(PurposeRole role, MeterSearch search, int limit) {
        return meters(role).stream().filter(search::matches).limit(limit).toList();
    }

    /**
     * How many meters the role may chart one by one (0 for aggregate-only roles), counted where the meters are rather
     * than by listing them. This default counts {@link #meters}; sources backed by a query engine count there.
     */
    default long meterCount(PurposeRole role) {
        return meters(role).size();
    }

    List<GspGroup> gspGroups(PurposeRole role);

    AnomalyListing anomalies(PurposeRole role, DateRange range);

    /**
     * The provider's champion model, scored here for the detections {@link #anomalies} lists for the role and range.
     * Sources that never publish a model say {@link ChampionCheck#NOT_OFFERED}. Blocks on IO.
     */
    default ChampionCheck champion(PurposeRole role, DateRange range) {
        return ChampionCheck.NOT_OFFERED;
    }
}
