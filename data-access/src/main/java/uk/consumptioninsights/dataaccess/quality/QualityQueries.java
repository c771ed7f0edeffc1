package uk.consumptioninsights.dataaccess.quality;

import java.time.LocalDate;
import java.util.List;
import uk.consumptioninsights.dataaccess.query.SqlDialect;
import uk.consumptioninsights.dataaccess.query.SqlQuery;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;

/**
 * The data quality catalog: per settlement day and GSP group from the rollup the pipeline keeps (14 groups a day,
 * whatever the number of meters), and the drill-down to the meter-days of one day and group that fall short. Written
 * once for either engine through its {@link SqlDialect}, reading only the role's {@link QualityViews}; dates go in and
 * come out as ISO text.
 */
public final class QualityQueries {

    /** The drill-down lists at most this many meter-days, worst first. */
    public static final int METER_DAY_LIMIT = 1_000;

    private final SqlDialect dialect;
    private final String namespace;

    /** @param namespace the quoted schema (or catalog.schema) holding the purpose views */
    public QualityQueries(SqlDialect dialect, String namespace) {
        this.dialect = dialect;
        this.namespace = namespace;
    }

    /** The catalog over the local workspace's {@code gold} schema. */
    public static QualityQueries localWorkspace() {
        return new QualityQueries(new SqlDialect.DuckDb(), "gold");
    }

    public QualityViews views(PurposeRole role) {
        return QualityViews.of(role, namespace);
    }

    /**
     * Columns: settlement date (ISO), GSP group, periods in the day, meter-days, periods expected, received, flagged,
     * estimated, meter-days estimated, kWh, kWh on actual reads, deliveries, duplicate deliveries, superseded versions,
     * readings late. One row per day and group, in date then group order.
     */
    public SqlQuery byDayAndGroup(PurposeRole role, DateRange range) {
        QualityViews v = views(role);
        String sql = "SELECT " + dialect.isoDate("settlement_date") + ", gsp_group, periods_in_day, meter_days, "
                + "periods_expected, periods_received, periods_flagged, periods_estimated, meter_days_estimated, "
                + "kwh_total, kwh_actual, deliveries, duplicate_deliveries, superseded_versions, readings_late FROM "
                + v.dayAndGroup() + " WHERE settlement_date BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)"
                + " ORDER BY settlement_date, gsp_group";
        return new SqlQuery("quality-by-day-and-group", "load the data quality", v.dayAndGroup(), sql,
                List.of(range.from().toString(), range.to().toString()));
    }

    /**
     * Columns: meter key, GSP group, settlement date (ISO), periods expected, read, flagged, estimated, kWh, kWh on
     * actual reads. The meter-days of one day and group with a missing, flagged or estimated period (or energy not on
     * actual reads), the most energy off actual reads first. Only for roles that see meters.
     */
    public SqlQuery meterDays(PurposeRole role, LocalDate day, GspGroup group) {
        QualityViews v = views(role);
        if (v.groupsOnly()) {
            throw new SourceException("The " + role.displayName() + " purpose sees data quality per GSP group only, so "
                    + "it cannot drill down to meters.");
        }
        String sql = "SELECT " + v.meterColumn() + ", gsp_group, " + dialect.isoDate("settlement_date")
                + ", periods_expected, periods_read, periods_flagged, periods_estimated, kwh_total, kwh_actual FROM "
                + v.meterDays() + " WHERE settlement_date = CAST(? AS DATE) AND gsp_group = ?"
                + " AND (periods_read + periods_flagged < periods_expected OR periods_flagged > 0"
                + " OR periods_estimated > 0 OR kwh_actual < kwh_total)"
                + " ORDER BY kwh_total - kwh_actual DESC, periods_read + periods_flagged, " + v.meterColumn()
                + " LIMIT " + METER_DAY_LIMIT;
        return new SqlQuery("quality-meter-days", "load the meter-days of the data quality", v.meterDays(), sql,
                List.of(day.toString(), group.code()));
    }
}
