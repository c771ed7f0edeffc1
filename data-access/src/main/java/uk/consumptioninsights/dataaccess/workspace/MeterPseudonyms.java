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
 * Moves the latest registration of each MPAN into silver.meters with its keyed pseudonym. The HMAC runs here, in
 * Java, because the key must never appear in SQL text or the database.
 */
public final class MeterPseudonyms {

    private final MpanPseudonymiser pseudonymiser;

    public MeterPseudonyms(MpanPseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    public String pseudonym(String mpan) {
        return pseudonymiser.pseudonym(Mpan.parse(mpan));
    }

    public void registerNewMeters(Connection connection) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT DISTINCT r.mpan FROM bronze.meter_registrations r
                     WHERE NOT EXISTS (SELECT 1 FROM silver.meters m WHERE m.mpan = r.mpan)""")) {
            while (rs.next()) {
                missing.add(rs.getString(1));
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE new_pseudonyms (mpan VARCHAR, mpan_pseudonym VARCHAR)");
            try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
                    .createAppender("temp", "main", "new_pseudonyms")) {
                for (String mpan : missing) {
                    appender.beginRow();
                    appender.append(mpan);
                    appender.append(pseudonym(mpan));
                    appender.endRow();
                }
            }
            // A meter keeps its integer key for good; new meters are numbered on from the highest, in MPAN order.
            st.execute("""
                    INSERT OR REPLACE INTO silver.meters
                        (mpan, mpan_pseudonym, gsp_group, customer_class, source_meter_id, meter_id)
                    SELECT r.mpan, coalesce(p.mpan_pseudonym, m.mpan_pseudonym), r.gsp_group, r.customer_class,
                           r.source_meter_id,
                           coalesce(m.meter_id, (SELECT coalesce(max(meter_id), 0) FROM silver.meters)
                                    + row_number() OVER (PARTITION BY m.meter_id IS NULL ORDER BY r.mpan))::INTEGER
                    FROM (SELECT * FROM bronze.meter_registrations
                          QUALIFY row_number() OVER (PARTITION BY mpan ORDER BY received_at_utc DESC) = 1) r
                    LEFT JOIN new_pseudonyms p USING (mpan)
                    LEFT JOIN silver.meters m USING (mpan)""");
            st.execute("DROP TABLE new_pseudonyms");
        }
    }
}
