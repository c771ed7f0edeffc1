package uk.consumptioninsights.dataaccess.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.sql.ResultSet;
import java.sql.SQLException;
import uk.consumptioninsights.dataaccess.source.AnomalyCount;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.dataaccess.source.AnomalyRow;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.MeterSearch;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.dataaccess.source.Provenance;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.series.HalfHourlySeries;

/**
 * A {@link ConsumptionSource} answered by the {@link ConsumptionQueries} catalog on some engine: the local DuckDB
 * workspace or a Databricks SQL warehouse. Reading the results is written once here, so both engines give the same
 * answers from the same data.
 */
public abstract class CatalogConsumptionSource implements ConsumptionSource {

    private final ConsumptionQueries queries;

    protected CatalogConsumptionSource(ConsumptionQueries queries) {
        this.queries = queries;
    }

    /** The engine the catalog runs on. */
    protected abstract QueryEngine engine();

    /** Called after each read of a purpose view; the local workspace keeps these in its audit log. */
    protected void recordRead(PurposeRole role, SqlQuery query, Provenance provenance) {
    }

    public ConsumptionQueries queries() {
        return queries;
    }

    @Override
    public DateRange availableRange(PurposeRole role) {
        return engine().run(queries.availableRange(role), rs -> {
            rs.next();
            String first = rs.getString(1);
            return first == null ? null : new DateRange(LocalDate.parse(first), LocalDate.parse(rs.getString(2)));
        });
    }

    @Override
    public OverviewKpis overview(PurposeRole role, DateRange range) {
        SqlQuery query = queries.overview(role, range);
        Instant started = Instant.now();
        OverviewKpis kpis = engine().run(query, rs -> {
            rs.next();
            long latest = rs.getLong(4);
            Instant latestStart = rs.wasNull() ? null : Instant.ofEpochMilli(latest);
            return new OverviewKpis(rs.getLong(1), rs.getDouble(2), rs.getLong(3), latestStart,
                    provenance(query, started, rs.getLong(5)));
        });
        recordRead(role, query, kpis.provenance());
        return kpis;
    }

    @Override
    public ConsumptionSeries consumption(PurposeRole role, SeriesScope scope, DateRange range) {
        return consumption(role, scope, range, SeriesResolution.HALF_HOURLY);
    }

    @Override
    public ConsumptionSeries consumption(PurposeRole role, SeriesScope scope, DateRange range, SeriesResolution resolution) {
        SqlQuery query = queries.consumption(role, scope, range, resolution);
        Instant started = Instant.now();
        ConsumptionSeries series = engine().run(query, rs -> {
            long[] times = new long[(int) Math.min(1 << 16, Math.max(16, range.days() * 50 / resolution.halfHoursPerPoint()))];
            double[] kwh = new double[times.length];
            int n = 0;
            long rows = 0;
            while (rs.next()) {
                if (n == times.length) {
                    times = Arrays.copyOf(times, n * 2);
                    kwh = Arrays.copyOf(kwh, n * 2);
                }
                times[n] = rs.getLong(1) / 1000;
                kwh[n] = rs.getDouble(2);
                rows += rs.getLong(3);
                n++;
            }
            HalfHourlySeries points = new HalfHourlySeries(Arrays.copyOf(times, n), Arrays.copyOf(kwh, n));
            return new ConsumptionSeries(scope, points, resolution, provenance(query, started, rows));
        });
        recordRead(role, query, series.provenance());
        return series;
    }

    @Override
    public List<MeterChoice> meters(PurposeRole role) {
        return meterList(role, queries.views(role).aggregatesOnly() ? null : queries.meters(role));
    }

    @Override
    public List<MeterChoice> findMeters(PurposeRole role, MeterSearch search, int limit) {
        return meterList(role, queries.views(role).aggregatesOnly() ? null : queries.findMeters(role, search, limit));
    }

    @Override
    public long meterCount(PurposeRole role) {
        if (queries.views(role).aggregatesOnly()) {
            return 0;
        }
        SqlQuery query = queries.meterCount(role);
        Instant started = Instant.now();
        long count = engine().run(query, rs -> rs.next() ? rs.getLong(1) : 0L);
        recordRead(role, query, provenance(query, started, 1));
        return count;
    }

    private List<MeterChoice> meterList(PurposeRole role, SqlQuery query) {
        if (query == null) {
            return List.of();
        }
        Instant started = Instant.now();
        List<MeterChoice> meters = engine().run(query, rs -> {
            List<MeterChoice> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new MeterChoice(rs.getString(1), rs.getString(1), GspGroup.fromCode(rs.getString(2))));
            }
            return list;
        });
        recordRead(role, query, provenance(query, started, meters.size()));
        return meters;
    }

    @Override
    public List<GspGroup> gspGroups(PurposeRole role) {
        return engine().run(queries.gspGroups(role), rs -> {
            List<GspGroup> groups = new ArrayList<>();
            while (rs.next()) {
                groups.add(GspGroup.fromCode(rs.getString(1)));
            }
            return groups;
        });
    }

    @Override
    public AnomalyListing anomalies(PurposeRole role, DateRange range) {
        boolean counts = queries.views(role).aggregatesOnly();
        SqlQuery query = queries.anomalies(role, range);
        Instant started = Instant.now();
        AnomalyListing listing = engine().run(query, rs -> counts ? readCounts(rs, query, started) : readDetections(rs, query, started));
        recordRead(role, query, listing.provenance());
        return listing;
    }

    private AnomalyListing readDetections(ResultSet rs, SqlQuery query, Instant started) throws SQLException {
        List<AnomalyRow> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(new AnomalyRow(rs.getString(1), rs.getString(2), rs.getString(3),
                    AnomalyType.fromCode(rs.getString(4)), severity(rs.getString(5)),
                    rs.getDouble(6), Instant.ofEpochMilli(rs.getLong(7)), Instant.ofEpochMilli(rs.getLong(8)),
                    nullableDouble(rs, 9), nullableDouble(rs, 10), rs.getString(11),
                    AnomalyOrigin.ofDetector(rs.getString(12)), nullableDouble(rs, 13)));
        }
        return new AnomalyListing.Detections(rows, provenance(query, started, rows.size()));
    }

    private AnomalyListing readCounts(ResultSet rs, SqlQuery query, Instant started) throws SQLException {
        List<AnomalyCount> counts = new ArrayList<>();
        while (rs.next()) {
            counts.add(new AnomalyCount(rs.getString(1), AnomalyType.fromCode(rs.getString(2)), severity(rs.getString(3)),
                    LocalDate.parse(rs.getString(4)), AnomalyOrigin.ofDetector(rs.getString(5)), rs.getInt(6)));
        }
        return new AnomalyListing.Counts(counts, provenance(query, started, counts.size()));
    }

    private static Severity severity(String text) {
        return Severity.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private Provenance provenance(SqlQuery query, Instant started, long rows) {
        return new Provenance(descriptor().title(), query.relation(), started, Duration.between(started, Instant.now()), rows);
    }
}
