package uk.consumptioninsights.dataaccess.workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import uk.consumptioninsights.model.meter.Mpan;
import uk.consumptioninsights.model.meter.MpanPseudonymiser;

/**
 * Moves the latest registration of each MPAN into silver.meters, and keeps each meter's keyed pseudonym in memory
 * only ({@code keyed.pseudonyms}, an in-memory database attached beside the workspace): the HMAC runs here, in Java,
 * because the key must never appear in SQL text or the database, and the pseudonyms are never written to the file, so
 * that a copy of it without the key cannot pair an MPAN with its pseudonym.
 */
public final class MeterPseudonyms {

    /** The in-memory database holding the pseudonyms while the workspace is open. */
    static final String KEYED = "keyed";

    private final MpanPseudonymiser pseudonymiser;

    public MeterPseudonyms(MpanPseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    public String pseudonym(String mpan) {
        return pseudonymiser.pseudonym(Mpan.parse(mpan));
    }

    /** Creates the in-memory table the views read pseudonyms from; before the schema, which binds views to it. */
    static void attach(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("ATTACH IF NOT EXISTS ':memory:' AS " + KEYED);
            st.execute("CREATE TABLE IF NOT EXISTS " + KEYED
                    + ".pseudonyms (meter_id INTEGER PRIMARY KEY, mpan_pseudonym VARCHAR NOT NULL)");
        }
    }

    /**
     * Computes the pseudonyms of registered meters that have none in memory yet: on open, and after a pipeline run
     * commits new meters (a transaction writes one database only, so this cannot join the run's own).
     */
    public void computeMissing(Connection connection) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        List<String> mpans = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT m.meter_id, m.mpan FROM silver.meters m ANTI JOIN " + KEYED
                     + ".pseudonyms p USING (meter_id)")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
                mpans.add(rs.getString(2));
            }
        }
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
                .createAppender(KEYED, "main", "pseudonyms")) {
            for (int i = 0; i < ids.size(); i++) {
                appender.beginRow();
                appender.append(ids.get(i));
                appender.append(pseudonym(mpans.get(i)));
                appender.endRow();
            }
        }
    }

    public void registerNewMeters(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            // A meter keeps its integer key for good; new meters are numbered on from the highest, in MPAN order.
            st.execute("""
                    INSERT OR REPLACE INTO silver.meters (mpan, gsp_group, customer_class, source_meter_id, meter_id)
                    SELECT r.mpan, r.gsp_group, r.customer_class, r.source_meter_id,
                           coalesce(m.meter_id, (SELECT coalesce(max(meter_id), 0) FROM silver.meters)
                                    + row_number() OVER (PARTITION BY m.meter_id IS NULL ORDER BY r.mpan))::INTEGER
                    FROM (SELECT * FROM bronze.meter_registrations
                          QUALIFY row_number() OVER (PARTITION BY mpan ORDER BY received_at_utc DESC) = 1) r
                    LEFT JOIN silver.meters m USING (mpan)""");
        }
    }
}
