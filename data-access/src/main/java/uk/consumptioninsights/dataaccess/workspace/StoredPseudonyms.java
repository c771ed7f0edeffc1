package uk.consumptioninsights.dataaccess.workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Takes the pseudonyms out of a workspace built when they were stored beside the MPANs (silver.meters and a gold.meters
 * table), on open: silver.meters is renamed aside before the schema runs and copied back without them after it, and
 * the old gold.meters table is dropped (the schema makes it a view over the in-memory pseudonyms). Same transaction
 * as the schema.
 */
final class StoredPseudonyms {

    private StoredPseudonyms() {
    }

    /** True when silver.meters still stores pseudonyms and was renamed aside for {@link #copyAcross}. */
    static boolean setAside(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            if (count(st, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'gold' "
                    + "AND table_name = 'meters' AND table_type = 'BASE TABLE'") > 0) {
                st.execute("DROP TABLE gold.meters");
            }
            if (count(st, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'silver' "
                    + "AND table_name = 'meters' AND column_name = 'mpan_pseudonym'") == 0) {
                return false;
            }
            st.execute("ALTER TABLE silver.meters RENAME TO meters_with_pseudonyms");
            return true;
        }
    }

    static void copyAcross(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("""
                    INSERT INTO silver.meters (mpan, gsp_group, customer_class, source_meter_id, meter_id)
                    SELECT mpan, gsp_group, customer_class, source_meter_id, meter_id FROM silver.meters_with_pseudonyms;
                    DROP TABLE silver.meters_with_pseudonyms;
                    """);
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
