package uk.consumptioninsights.dataaccess.query;

import java.util.ArrayList;
import java.util.List;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterSearch;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * The catalog: every logical query the tabs make, written once, for any engine through its {@link SqlDialect}. Each
 * reads only the role's {@link PurposeViews}; dates go in as ISO text and come out as ISO text, instants as epoch
 * milliseconds, so the engines' answers can be compared value for value.
 */
public final class ConsumptionQueries {

    public static final int ANOMALY_ROW_LIMIT = 10_000;

    private final SqlDialect dialect;
    private final String namespace;

    /** @param namespace the quoted schema (or catalog.schema) holding the purpose views */
    public ConsumptionQueries(SqlDialect dialect, String namespace) {
        this.dialect = dialect;
        this.namespace = namespace;
    }

    /** The catalog over the local workspace's {@code gold} schema. */
    public static ConsumptionQueries localWorkspace() {
        return new ConsumptionQueries(new SqlDialect.DuckDb(), "gold");
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public PurposeViews views(PurposeRole role) {
        return PurposeViews.of(role, namespace);
    }

    /** Columns: first date, last date (ISO text, both null when empty). Read from the GSP-group rollup: the same dates. */
    public SqlQuery availableRange(PurposeRole role) {
        PurposeViews v = views(role);
        return new SqlQuery("available-range", "find the dates with data", v.groupHalfHourly(),
                "SELECT " + dialect.isoDate("min(settlement_date)") + ", " + dialect.isoDate("max(settlement_date)")
                        + " FROM " + v.groupHalfHourly(), List.of());
    }

    /**
     * Columns: distinct meters, total kWh, readings, latest interval start (epoch ms), rows read. From the rollups:
     * the GSP-group one for totals (its meter counts are the readings summed), the meter-day one for distinct meters.
     */
    public SqlQuery overview(PurposeRole role, DateRange range) {
        PurposeViews v = views(role);
        String latest = dialect.epochMillis("max(interval_start_utc)");
        List<Object> parameters = new ArrayList<>();
        String meters;
        if (v.aggregatesOnly()) {
            meters = "(SELECT coalesce(sum(meter_count), 0) FROM " + v.population() + ")";
        } else {
            meters = "(SELECT count(DISTINCT " + v.meterColumn() + ") FROM " + v.meterDaily() + " WHERE " + inRange() + ")";
            parameters.addAll(dates(range));
        }
        parameters.addAll(dates(range));
        String sql = "SELECT " + meters + ", coalesce(sum(kwh_total), 0), coalesce(sum(meter_count), 0), " + latest
                + ", count(*) FROM " + v.groupHalfHourly() + " WHERE " + inRange();
        return new SqlQuery("overview", "compute the overview", v.groupHalfHourly(), sql, parameters);
    }

    /**
     * Columns: point start (epoch ms), kWh summed over the point, rows read. Points are {@code resolution} half-hours
     * wide from the start of the range's first settlement day, so the engine returns what the chart draws. All meters
     * and one GSP group are summed from the GSP-group rollup; only one meter reads the per-meter view.
     */
    public SqlQuery consumption(PurposeRole role, SeriesScope scope, DateRange range, SeriesResolution resolution) {
        PurposeViews v = views(role);
        boolean oneMeter = scope instanceof SeriesScope.OneMeter;
        if (oneMeter && v.aggregatesOnly()) {
            throw new SourceException("The " + role.displayName() + " purpose sees aggregates only, so a single "
                    + "meter cannot be charted. Choose all meters or a GSP group.");
        }
        String relation = oneMeter ? v.halfHourly() : v.groupHalfHourly();
        String kwh = oneMeter ? "kwh" : "kwh_total";
        List<Object> parameters = new ArrayList<>();
        String start = dialect.epochMillis("interval_start_utc");
        String point;
        if (resolution.halfHourly()) {
            point = start;
        } else {
            long origin = SettlementCalendar.dayStart(range.from()).toEpochMilli();
            long width = resolution.bucketSeconds() * 1000;
            point = "CAST(? AS BIGINT) + CAST(floor((" + start + " - CAST(? AS BIGINT)) / CAST(? AS BIGINT)) AS BIGINT)"
                    + " * CAST(? AS BIGINT)";
            parameters.addAll(List.of(origin, origin, width, width));
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(point).append(", sum(").append(kwh)
                .append("), count(*) FROM ").append(relation).append(" WHERE ").append(inRange());
        parameters.addAll(dates(range));
        if (scope instanceof SeriesScope.OneGspGroup group) {
            sql.append(" AND gsp_group = ?");
            parameters.add(group.group().code());
        } else if (scope instanceof SeriesScope.OneMeter meter) {
            sql.append(" AND ").append(v.meterColumn()).append(" = ?");
            parameters.add(meter.meterKey());
        }
        sql.append(" GROUP BY 1 ORDER BY 1");
        return new SqlQuery("consumption", "load the consumption series", relation, sql.toString(), parameters);
    }

    /** Columns: meter key, GSP group. Only for roles that see meters; from the meter-day rollup. */
    public SqlQuery meters(PurposeRole role) {
        PurposeViews v = views(role);
        return new SqlQuery("meters", "list the meters", v.meterDaily(), "SELECT DISTINCT " + v.meterColumn()
                + ", gsp_group FROM " + v.meterDaily() + " ORDER BY gsp_group, 1", List.of());
    }

    /** Columns: meter key, GSP group: the first {@code limit} meters the search finds. Only for roles that see meters. */
    public SqlQuery findMeters(PurposeRole role, MeterSearch search, int limit) {
        PurposeViews v = views(role);
        List<Object> parameters = new ArrayList<>();
        String where = "";
        if (!search.isBlank()) {
            where = " WHERE upper(" + v.meterColumn() + ") LIKE ? ESCAPE '!'";
            parameters.add(search.likePattern());
            if (search.group().isPresent()) {
                where += " OR gsp_group = ?";
                parameters.add(search.group().get().code());
            }
        }
        return new SqlQuery("find-meters", "find meters", v.meterDaily(), "SELECT DISTINCT " + v.meterColumn()
                + ", gsp_group FROM " + v.meterDaily() + where + " ORDER BY gsp_group, 1 LIMIT " + Math.max(1, limit),
                parameters);
    }

    /** One row, one column: the meters the role sees one by one. Only for roles that see meters. */
    public SqlQuery meterCount(PurposeRole role) {
        PurposeViews v = views(role);
        return new SqlQuery("meter-count", "count the meters", v.meterDaily(),
                "SELECT count(DISTINCT " + v.meterColumn() + ") FROM " + v.meterDaily(), List.of());
    }

    /** Columns: GSP group code. */
    public SqlQuery gspGroups(PurposeRole role) {
        PurposeViews v = views(role);
        return new SqlQuery("gsp-groups", "list the GSP groups", v.groupHalfHourly(),
                "SELECT DISTINCT gsp_group FROM " + v.groupHalfHourly() + " ORDER BY 1", List.of());
    }

    /** The role's anomalies: detections for roles that see meters, counts for aggregate-only roles. */
    public SqlQuery anomalies(PurposeRole role, DateRange range) {
        return views(role).aggregatesOnly() ? anomalyCounts(role, range) : detections(role, range);
    }

    /**
     * Columns: id, meter key, GSP group, type, severity, score, start ms, end ms, expected kWh, actual kWh, reason,
     * detector, learned score. Only for roles that see meters.
     */
    public SqlQuery detections(PurposeRole role, DateRange range) {
        PurposeViews v = views(role);
        return new SqlQuery("detections", "load the anomalies", v.anomalies(),
                "SELECT anomaly_id, " + v.meterColumn() + ", gsp_group, anomaly_type, severity, score, "
                        + dialect.epochMillis("interval_start_utc") + ", " + dialect.epochMillis("interval_end_utc")
                        + ", expected_kwh, actual_kwh, reason, detector, learned_score FROM " + v.anomalies()
                        + " WHERE " + inRange()
                        + " ORDER BY learned_score DESC NULLS LAST, score DESC, interval_start_utc, anomaly_id LIMIT "
                        + ANOMALY_ROW_LIMIT, dates(range));
    }

    /** Columns: GSP group, type, severity, settlement date (ISO), detector, count. For aggregate-only roles. */
    public SqlQuery anomalyCounts(PurposeRole role, DateRange range) {
        PurposeViews v = views(role);
        return new SqlQuery("anomaly-counts", "load the anomalies", v.anomalies(),
                "SELECT gsp_group, anomaly_type, severity, " + dialect.isoDate("settlement_date")
                        + ", detector, anomaly_count FROM " + v.anomalies() + " WHERE " + inRange()
                        + " ORDER BY settlement_date, gsp_group, anomaly_type, detector", dates(range));
    }

    private static String inRange() {
        return "settlement_date BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)";
    }

    private static List<Object> dates(DateRange range) {
        return List.of(range.from().toString(), range.to().toString());
    }
}
