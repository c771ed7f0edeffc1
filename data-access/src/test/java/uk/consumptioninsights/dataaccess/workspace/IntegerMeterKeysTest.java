package uk.consumptioninsights.dataaccess.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.pipeline.MedallionPipeline;
import uk.consumptioninsights.model.meter.Mpan;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

/**
 * A workspace built before integer meter keys (silver readings and the meter-day rollup keyed by MPAN, in the layout
 * of commit ad60980) is re-keyed when opened, every row kept: the purpose views answer exactly as before, and the
 * pipeline goes on from it.
 */
class IntegerMeterKeysTest {

    /** The tables keyed by MPAN as that layout created them. */
    private static final String OLD_LAYOUT = """
            CREATE TABLE silver.meters_old (mpan VARCHAR PRIMARY KEY, mpan_pseudonym VARCHAR NOT NULL,
                gsp_group VARCHAR NOT NULL, customer_class VARCHAR NOT NULL, source_meter_id VARCHAR);
            INSERT INTO silver.meters_old SELECT s.mpan, g.mpan_pseudonym, s.gsp_group, s.customer_class, s.source_meter_id
                FROM silver.meters s JOIN gold.meters g USING (mpan);
            CREATE TABLE silver.hh_readings_old (mpan VARCHAR NOT NULL, settlement_date DATE NOT NULL,
                settlement_period SMALLINT NOT NULL, interval_start_utc TIMESTAMP NOT NULL, kwh DOUBLE NOT NULL,
                version INTEGER NOT NULL, delivery_id BIGINT NOT NULL, received_at_utc TIMESTAMP NOT NULL, quality VARCHAR);
            INSERT INTO silver.hh_readings_old SELECT m.mpan, r.settlement_date, r.settlement_period, r.interval_start_utc,
                r.kwh, r.version, r.delivery_id, r.received_at_utc, r.quality
                FROM silver.hh_readings r JOIN silver.meters m USING (meter_id);
            CREATE TABLE gold.meters_old AS SELECT mpan, mpan_pseudonym, gsp_group, region, customer_class FROM gold.meters;
            CREATE TABLE gold.consumption_daily_old (mpan VARCHAR NOT NULL, gsp_group VARCHAR NOT NULL,
                settlement_date DATE NOT NULL, periods_expected SMALLINT NOT NULL, periods_read SMALLINT NOT NULL,
                kwh_total DOUBLE NOT NULL, periods_flagged SMALLINT DEFAULT 0);
            INSERT INTO gold.consumption_daily_old SELECT m.mpan, d.gsp_group, d.settlement_date, d.periods_expected,
                d.periods_read, d.kwh_total, d.periods_flagged FROM gold.consumption_daily d JOIN gold.meters m USING (meter_id);
            DROP TABLE silver.hh_readings; DROP TABLE gold.consumption_daily; DROP VIEW gold.meters; DROP TABLE silver.meters;
            ALTER TABLE silver.meters_old RENAME TO meters;
            ALTER TABLE silver.hh_readings_old RENAME TO hh_readings;
            ALTER TABLE gold.meters_old RENAME TO meters;
            ALTER TABLE gold.consumption_daily_old RENAME TO consumption_daily;
            """;

    private static final String[] QUESTIONS = {
        "SELECT * FROM gold.v_settlement_half_hourly ORDER BY mpan, interval_start_utc",
        "SELECT * FROM gold.v_market_monitoring_meter_daily ORDER BY mpan_pseudonym, settlement_date",
        "SELECT * FROM gold.v_settlement_meter_daily ORDER BY mpan, settlement_date",
        "SELECT * FROM gold.v_recipient_half_hourly ORDER BY mpan_pseudonym, interval_start_utc"
    };

    @TempDir
    Path dir;

    @Test
    void aWorkspaceKeyedByMpanIsReKeyedOnOpenWithEveryRowKept() throws SQLException {
        Path file = dir.resolve("old.duckdb");
        LocalDate last = LocalDate.of(2026, 10, 26);
        List<List<String>> before = new ArrayList<>();
        try (LocalWorkspace workspace = LocalWorkspace.open(file)) {
            new SyntheticWorkspaceBuilder(new FleetSettings(3L, 30, last.minusDays(6), last, 0.1), InjectionRates.defaults())
                    .build(workspace, Progress.NONE);
            for (String question : QUESTIONS) {
                before.add(rows(workspace, question));
            }
            try (Connection c = workspace.newConnection(); Statement st = c.createStatement()) {
                st.execute(OLD_LAYOUT);
            }
            assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM information_schema.columns "
                    + "WHERE table_schema = 'silver' AND table_name = 'hh_readings' AND column_name = 'mpan'")).isEqualTo(1);
        }
        try (LocalWorkspace reopened = LocalWorkspace.open(file)) {
            assertThat(WorkspaceSql.longOf(reopened, "SELECT count(*) FROM information_schema.columns "
                    + "WHERE table_schema = 'silver' AND table_name = 'hh_readings' AND column_name = 'mpan'")).isZero();
            assertThat(WorkspaceSql.longOf(reopened, "SELECT count(*) FROM information_schema.tables "
                    + "WHERE table_name LIKE '%_by_mpan'")).isZero();
            for (int q = 0; q < QUESTIONS.length; q++) {
                assertThat(before.get(q)).as(QUESTIONS[q]).isNotEmpty();
                assertThat(rows(reopened, QUESTIONS[q])).as(QUESTIONS[q]).containsExactlyElementsOf(before.get(q));
            }
            assertThat(WorkspaceSql.longOf(reopened, "SELECT count(DISTINCT meter_id) FROM silver.meters"))
                    .isEqualTo(WorkspaceSql.longOf(reopened, "SELECT count(*) FROM silver.meters"));
            // The pipeline goes on from the re-keyed tables: a meter registered now gets the next key.
            String added = "199999999999" + Mpan.checkDigit("199999999999");
            try (Connection c = reopened.newConnection(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO bronze.meter_registrations VALUES ('" + added + "', '_A', 'domestic', NULL, 'test', "
                        + "TIMESTAMP '2026-10-27 00:00:00')");
                new MedallionPipeline(c, reopened.pseudonyms()).run(Progress.NONE);
            }
            assertThat(WorkspaceSql.longOf(reopened, "SELECT meter_id FROM silver.meters WHERE mpan = '" + added + "'"))
                    .isEqualTo(31);
        }
    }

    private static List<String> rows(LocalWorkspace workspace, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getString(i)).append(';');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
