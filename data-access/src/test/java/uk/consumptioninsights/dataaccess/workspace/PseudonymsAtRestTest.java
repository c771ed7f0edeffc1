package uk.consumptioninsights.dataaccess.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

/**
 * Issue 13: a copied workspace file does not pair MPANs with their pseudonyms without the owner's key. The pseudonyms
 * live in memory while the workbench has the workspace open; the file holds MPANs and readings but no pseudonym, and
 * the same file opened with another key gives other pseudonyms.
 */
class PseudonymsAtRestTest {

    private static final LocalDate LAST = LocalDate.of(2026, 10, 26);

    @TempDir
    Path dir;

    @Test
    void aCopiedFileHoldsNoPseudonymAndAnotherKeyGivesOtherOnes() throws Exception {
        Path file = dir.resolve("owner").resolve("w.duckdb");
        Set<String> pseudonyms;
        List<String> marketView;
        try (LocalWorkspace workspace = build(file)) {
            pseudonyms = new HashSet<>(WorkspaceSql.strings(workspace, "SELECT mpan_pseudonym FROM gold.meters"));
            marketView = WorkspaceSql.strings(workspace, "SELECT DISTINCT mpan_pseudonym FROM gold.v_market_monitoring_half_hourly");
            assertThat(pseudonyms).hasSize(25).containsAll(marketView);
        }
        Path copy = Files.createDirectories(dir.resolve("elsewhere")).resolve("w.duckdb");
        Files.copy(file, copy);

        // Read as anyone could, with DuckDB alone: every text value in every table, and no pseudonym among them.
        List<String> everyText = everyTextValue(copy);
        assertThat(everyText).isNotEmpty().anyMatch(v -> v.matches("\\d{13}"));
        assertThat(everyText).doesNotContainAnyElementsOf(pseudonyms);
        try (Connection plain = plainDuckDb(copy); Statement st = plain.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery("SELECT mpan, mpan_pseudonym FROM gold.meters"))
                    .isInstanceOf(SQLException.class);
        }

        // Through the workbench, but without the owner's key (a new one is made beside the copy): other pseudonyms.
        try (LocalWorkspace stranger = LocalWorkspace.open(copy)) {
            Set<String> theirs = new HashSet<>(WorkspaceSql.strings(stranger, "SELECT mpan_pseudonym FROM gold.meters"));
            assertThat(theirs).hasSize(25).doesNotContainAnyElementsOf(pseudonyms);
        }
        try (LocalWorkspace owner = LocalWorkspace.open(file)) {
            assertThat(WorkspaceSql.strings(owner, "SELECT DISTINCT mpan_pseudonym FROM gold.v_market_monitoring_half_hourly"))
                    .containsExactlyInAnyOrderElementsOf(marketView);
        }
    }

    @Test
    void aWorkspaceThatStoredItsPseudonymsLosesThemOnOpenAndAnswersAsBefore() throws Exception {
        Path file = dir.resolve("stored.duckdb");
        List<String> before;
        Set<String> pseudonyms;
        try (LocalWorkspace workspace = build(file)) {
            before = WorkspaceSql.strings(workspace, "SELECT mpan_pseudonym || ' ' || settlement_date || ' ' || kwh_total "
                    + "FROM gold.v_market_monitoring_meter_daily ORDER BY 1");
            pseudonyms = new HashSet<>(WorkspaceSql.strings(workspace, "SELECT mpan_pseudonym FROM gold.meters"));
            try (Connection c = workspace.newConnection(); Statement st = c.createStatement()) {
                // The layout of commit fcfcbbf: pseudonyms stored in silver.meters and in a gold.meters table.
                st.execute("""
                        CREATE TABLE silver.meters_stored (mpan VARCHAR PRIMARY KEY, mpan_pseudonym VARCHAR NOT NULL,
                            gsp_group VARCHAR NOT NULL, customer_class VARCHAR NOT NULL, source_meter_id VARCHAR,
                            meter_id INTEGER NOT NULL);
                        INSERT INTO silver.meters_stored SELECT s.mpan, g.mpan_pseudonym, s.gsp_group, s.customer_class,
                            s.source_meter_id, s.meter_id FROM silver.meters s JOIN gold.meters g USING (meter_id);
                        CREATE TABLE gold.meters_stored AS SELECT * FROM gold.meters;
                        DROP VIEW gold.meters;
                        DROP TABLE silver.meters;
                        ALTER TABLE silver.meters_stored RENAME TO meters;
                        ALTER TABLE gold.meters_stored RENAME TO meters;
                        """);
            }
        }
        assertThat(everyTextValue(file)).containsAnyElementsOf(pseudonyms);
        try (LocalWorkspace reopened = LocalWorkspace.open(file)) {
            assertThat(WorkspaceSql.strings(reopened, "SELECT mpan_pseudonym || ' ' || settlement_date || ' ' || kwh_total "
                    + "FROM gold.v_market_monitoring_meter_daily ORDER BY 1")).containsExactlyElementsOf(before);
            assertThat(WorkspaceSql.longOf(reopened, "SELECT count(*) FROM information_schema.columns "
                    + "WHERE table_schema = 'silver' AND column_name = 'mpan_pseudonym'")).isZero();
        }
        assertThat(everyTextValue(file)).doesNotContainAnyElementsOf(pseudonyms);
    }

    private static LocalWorkspace build(Path file) throws SQLException {
        LocalWorkspace workspace = LocalWorkspace.open(file);
        new SyntheticWorkspaceBuilder(new FleetSettings(9L, 25, LAST.minusDays(4), LAST, 0.1), InjectionRates.defaults())
                .build(workspace, Progress.NONE);
        return workspace;
    }

    private static Connection plainDuckDb(Path file) throws SQLException {
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
    }

    /** Every VARCHAR value of every base table in the file, read with DuckDB alone (no workbench, no key). */
    private static List<String> everyTextValue(Path file) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = plainDuckDb(file); Statement st = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT c.table_schema, c.table_name, c.column_name "
                    + "FROM information_schema.columns c JOIN information_schema.tables t "
                    + "USING (table_catalog, table_schema, table_name) "
                    + "WHERE t.table_type = 'BASE TABLE' AND c.data_type = 'VARCHAR'")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            for (String[] col : columns) {
                try (ResultSet rs = st.executeQuery("SELECT DISTINCT \"" + col[2] + "\" FROM \"" + col[0] + "\".\"" + col[1]
                        + "\" WHERE \"" + col[2] + "\" IS NOT NULL")) {
                    while (rs.next()) {
                        values.add(rs.getString(1));
                    }
                }
            }
        }
        return values;
    }
}
