package uk.consumptioninsights.dataaccess.workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Brings a workspace built before integer meter keys (issue 12) to the current layout when it is opened, so that an
 * analyst's imported data is kept rather than rebuilt: the three tables keyed by MPAN are renamed aside before the
 * schema runs (which then creates them afresh, with the views bound to the new columns), and copied across after it,
 * numbering the meters in MPAN order. Runs in the same transaction as the schema; a failure leaves the file as it was.
 */
final class IntegerMeterKeys {

    private static final String[] KEYED_BY_MPAN = {
        "silver.meters", "silver.hh_readings", "gold.consumption_daily"
    };

    private static final String SUFFIX = "_by_mpan";

    private static final String COPY = """
            INSERT INTO silver.meters (mpan, gsp_group, customer_class, source_meter_id, meter_id)
            SELECT mpan, gsp_group, customer_class, source_meter_id,
                   row_number() OVER (ORDER BY mpan)::INTEGER
            FROM silver.meters_by_mpan;
            INSERT INTO silver.hh_readings (meter_id, settlement_date, settlement_period, interval_start_utc, kwh, version,
                                            delivery_id, received_at_utc, quality)
            SELECT m.meter_id, r.settlement_date, r.settlement_period, r.interval_start_utc, r.kwh, r.version,
                   r.delivery_id, r.received_at_utc, r.quality
            FROM silver.hh_readings_by_mpan r JOIN silver.meters m USING (mpan)
            ORDER BY r.settlement_date, m.meter_id, r.settlement_period;
            INSERT INTO gold.consumption_daily (meter_id, gsp_group, settlement_date, periods_expected, periods_read,
                                                kwh_total, periods_flagged)
            SELECT m.meter_id, d.gsp_group, d.settlement_date, d.periods_expected, d.periods_read, d.kwh_total,
                   coalesce(d.periods_flagged, 0)
            FROM gold.consumption_daily_by_mpan d JOIN silver.meters m USING (mpan);
            DROP TABLE silver.hh_readings_by_mpan;
            DROP TABLE gold.consumption_daily_by_mpan;
            DROP TABLE silver.meters_by_mpan;
            """;

    private IntegerMeterKeys() {
    }

    /** True when silver's readings are still keyed by MPAN: the tables are then renamed aside for {@link #copyAcross}. */
    static boolean setAsideIfKeyedByMpan(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                    + "'silver' AND table_name = 'hh_readings' AND column_name = 'mpan'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return false;
                }
            }
            // Columns added since those workspaces were built, so that the copy reads the same columns from any of them.
            st.execute("ALTER TABLE silver.hh_readings ADD COLUMN IF NOT EXISTS quality VARCHAR");
            st.execute("ALTER TABLE gold.consumption_daily ADD COLUMN IF NOT EXISTS periods_flagged SMALLINT DEFAULT 0");
            for (String table : KEYED_BY_MPAN) {
                st.execute("ALTER TABLE " + table + " RENAME TO " + table.substring(table.indexOf('.') + 1) + SUFFIX);
            }
            return true;
        }
    }

    /** Copies the set-aside tables into the freshly created ones, keyed by integer, and drops them. */
    static void copyAcross(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(COPY);
        }
    }
}
