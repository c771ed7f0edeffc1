package uk.consumptioninsights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * {@code ciw} against a real DuckDB workspace it generated itself (200 meters over the four settlement days around the
 * October 2026 clock change, so one day has 50 periods), rescored by {@code ciw rescore}: each command's output and
 * exit code, masking per purpose in every export, Parquet read back by DuckDB, data quality against direct SQL.
 */
class CiwWorkspaceCommandsTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 26);
    private static final LocalDate LONG_DAY = LocalDate.of(2026, 10, 25);

    @TempDir
    static Path home;
    @TempDir
    static Path exports;

    private static CiwRun generated;
    private static CiwRun rescored;
    private static Set<String> mpans;

    @BeforeAll
    static void generateAndRescore() throws Exception {
        generated = CiwRun.of("generate", "--workspace", home.toString(), "--json", "--meters", "200", "--days", "4",
                "--last-day", LAST_DAY.toString());
        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        rescored = CiwRun.of("--workspace", home.toString(), "rescore", "--json");
        assertThat(rescored.exitCode()).as(rescored.toString()).isZero();
        mpans = new TreeSet<>(column("SELECT mpan FROM silver.meters"));
        assertThat(mpans).hasSize(200);
    }

    @Test
    void generateBuildsTheWorkspaceOnceAndSaysSoInJson() throws Exception {
        JsonNode first = generated.json();
        assertThat(first.get("ok").asBoolean()).isTrue();
        assertThat(first.get("built").asBoolean()).isTrue();
        assertThat(first.get("meters").asInt()).isEqualTo(200);
        assertThat(first.get("days").asInt()).isEqualTo(4);
        assertThat(first.get("workspace").asText()).isEqualTo(workspaceFile().toString());
        // Every reading the generator delivered, plausible or flagged, is in silver (one per meter and half-hour).
        assertThat(first.get("readings").asLong()).isPositive();
        assertThat(Long.parseLong(column("SELECT count(*) FROM silver.hh_readings").get(0))).isPositive()
                .isLessThanOrEqualTo(200L * (48 + 48 + 50 + 48));

        CiwRun again = CiwRun.of("generate", "--workspace", home.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).startsWith("Already complete: ").contains("200 meters");
        assertThat(again.err()).isEmpty();
    }

    @Test
    void rescoreWritesTheDetectionsItCounts() throws Exception {
        JsonNode answer = rescored.json();
        long written = Long.parseLong(column("SELECT count(*) FROM gold.anomalies WHERE detector = 'local-rules'").get(0));
        assertThat(answer.get("detections").asLong()).isEqualTo(written).isPositive();
        long byType = 0;
        for (JsonNode n : answer.get("byType")) {
            byType += n.asLong();
        }
        assertThat(byType).isEqualTo(written);
        assertThat(answer.get("readings").asLong()).isPositive();
    }

    @Test
    void versionComesFromThePom() {
        CiwRun version = CiwRun.of("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out().trim()).matches("ciw \\(Consumption Insights Workbench\\) \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void helpListsTheExitCodes() {
        CiwRun help = CiwRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Exit codes:").contains("130").contains("Bad usage").contains("generate")
                .contains("share");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--no-such-option", "export|overview", "export|bogus|--purpose|settlement",
        "export|overview|--purpose|owner", "export|meters|--purpose|research", "import|/no/such/file.csv",
        "quality|--purpose|research|--meters|-1", "export|consumption|--purpose|settlement|--gsp-group|_Z",
        "frobnicate", "generate|--meters|0", "share|list|/no/such/profile.share", "export|overview|--purpose|settlement|--from|2026-13-01"})
    void aBadArgumentGivesOneLineAndExitCodeTwo(String line) {
        List<String> args = new ArrayList<>(List.of("--workspace", home.toString()));
        args.addAll(List.of(line.split("\\|")));
        CiwRun run = CiwRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).as(run.toString()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("ciw: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).as("nothing on stdout").isEmpty();
    }

    @Test
    void aMissingWorkspaceIsADataProblemWithJsonSayingSo(@TempDir Path empty) {
        CiwRun run = CiwRun.of("--workspace", empty.toString(), "--json", "quality", "--purpose", "settlement");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.DATA);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).contains("ciw generate");
        JsonNode answer = run.json();
        assertThat(answer.get("ok").asBoolean()).isFalse();
        assertThat(answer.get("exitCode").asInt()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"market-monitoring", "research"})
    void noExportOutsideSettlementHoldsARawMpan(String purpose) throws Exception {
        List<String> tables = purpose.equals("research")
                ? List.of("overview", "consumption", "anomalies", "grants", "column-masks", "row-filters", "audit", "quality")
                : List.of("overview", "consumption", "meters", "anomalies", "grants", "column-masks", "row-filters", "audit",
                        "quality");
        for (String table : tables) {
            for (String format : List.of("csv", "parquet")) {
                Path file = exports.resolve(purpose + "-" + table + "." + format);
                CiwRun run = CiwRun.of("--workspace", home.toString(), "export", table, "--purpose", purpose, "-o",
                        file.toString(), "--json");
                assertThat(run.exitCode()).as(run.toString()).isZero();
                assertThat(run.json().get("rows").asLong()).as(table).isGreaterThanOrEqualTo(0);
                String text = contentOf(file, format);
                for (String mpan : mpans) {
                    assertThat(text).as(purpose + " " + table + " " + format).doesNotContain(mpan);
                }
            }
        }
        // What the purpose does see: pseudonyms for market monitoring, no meter column at all for research.
        String anomalies = contentOf(exports.resolve(purpose + "-anomalies.csv"), "csv");
        if (purpose.equals("research")) {
            assertThat(anomalies.lines().findFirst().orElseThrow()).doesNotContain("mpan");
        } else {
            assertThat(anomalies.lines().findFirst().orElseThrow()).contains("mpan_pseudonym");
            assertThat(anomalies).containsPattern("P[0-9a-f]{16}");
        }
    }

    @Test
    void settlementExportsCarryTheRawMpans() throws Exception {
        Path meters = exports.resolve("settlement-meters.csv");
        CiwRun run = CiwRun.of("--workspace", home.toString(), "export", "meters", "--purpose", "settlement", "-o",
                meters.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Exported 200 rows of meters for Settlement");
        List<String> lines = Files.readAllLines(meters);
        assertThat(lines.get(0)).isEqualTo("mpan,gsp_group,region");
        assertThat(lines.stream().skip(1).map(l -> l.split(",")[0]).toList()).containsExactlyInAnyOrderElementsOf(mpans);

        Path anomalies = exports.resolve("settlement-anomalies.parquet");
        assertThat(CiwRun.of("--workspace", home.toString(), "export", "anomalies", "--purpose", "settlement", "-o",
                anomalies.toString()).exitCode()).isZero();
        List<String> exported = parquetColumn(anomalies, "mpan");
        assertThat(exported).isNotEmpty();
        assertThat(mpans).containsAll(exported);
    }

    @Test
    void parquetExportIsReadBackByDuckDbWithTheCsvsValues() throws Exception {
        Path parquet = exports.resolve("consumption.parquet");
        Path csv = exports.resolve("consumption.csv");
        CiwRun asParquet = CiwRun.of("--workspace", home.toString(), "export", "consumption", "--purpose",
                "market-monitoring", "--gsp-group", "_C", "-o", parquet.toString(), "--json");
        CiwRun asCsv = CiwRun.of("--workspace", home.toString(), "export", "consumption", "--purpose", "market-monitoring",
                "--gsp-group", "_C", "--format", "csv", "-o", csv.toString());
        assertThat(asParquet.exitCode()).as(asParquet.toString()).isZero();
        assertThat(asCsv.exitCode()).as(asCsv.toString()).isZero();
        assertThat(asParquet.json().get("format").asText()).isEqualTo("parquet");
        long rows = asParquet.json().get("rows").asLong();
        // Every half-hour of the four days: 48 + 48 + 50 + 48.
        assertThat(rows).isEqualTo(194);
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            String parquetPath = parquet.toString().replace("'", "''");
            String csvPath = csv.toString().replace("'", "''");
            try (ResultSet rs = st.executeQuery("SELECT count(*), round(sum(kwh), 6), count(DISTINCT settlement_date), "
                    + "max(settlement_period) FILTER (WHERE settlement_date = DATE '" + LONG_DAY + "'), "
                    + "typeof(any_value(interval_start_utc)) FROM read_parquet('" + parquetPath + "')")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(rows);
                assertThat(rs.getLong(3)).isEqualTo(4);
                assertThat(rs.getInt(4)).isEqualTo(50);
                assertThat(rs.getString(5)).isEqualTo("TIMESTAMP");
                double parquetKwh = rs.getDouble(2);
                try (ResultSet fromCsv = st.executeQuery("SELECT round(sum(kwh), 6) FROM read_csv('" + csvPath + "', header = true)")) {
                    fromCsv.next();
                    assertThat(fromCsv.getDouble(1)).isEqualTo(parquetKwh);
                }
                double direct = Double.parseDouble(column("SELECT round(sum(kwh), 6) FROM gold.consumption_half_hourly "
                        + "WHERE gsp_group = '_C'").get(0));
                assertThat(parquetKwh).isEqualTo(direct);
            }
        }
    }

    @Test
    void exportsAreRecordedInTheAuditLog() throws Exception {
        Path file = exports.resolve("audited.csv");
        assertThat(CiwRun.of("--workspace", home.toString(), "export", "overview", "--purpose", "research", "-o",
                file.toString()).exitCode()).isZero();
        assertThat(column("SELECT object FROM meta.audit_log WHERE action = 'export' AND purpose = 'RESEARCH'"))
                .contains("ciw export overview as csv to audited.csv");
    }

    @Test
    void qualityEqualsDirectSqlPerSettlementDay() throws Exception {
        CiwRun run = CiwRun.of("--workspace", home.toString(), "quality", "--purpose", "market-monitoring", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode answer = run.json();
        Map<String, Long> present = counts("SELECT CAST(settlement_date AS VARCHAR), count(*) FROM silver.hh_readings "
                + "WHERE quality IS NULL GROUP BY 1");
        Map<String, Long> flagged = counts("SELECT CAST(settlement_date AS VARCHAR), count(*) FROM silver.hh_readings "
                + "WHERE quality IS NOT NULL GROUP BY 1");
        Map<String, Long> deliveries = counts("SELECT CAST(settlement_date AS VARCHAR), count(*) FROM bronze.hh_deliveries GROUP BY 1");
        assertThat(answer.get("days")).hasSize(4);
        for (JsonNode day : answer.get("days")) {
            String date = day.get("settlementDate").asText();
            int periods = SettlementCalendar.periodsIn(LocalDate.parse(date));
            assertThat(day.get("periodsInDay").asInt()).as(date).isEqualTo(periods);
            assertThat(day.get("readingsPresent").asLong()).as(date).isEqualTo(present.getOrDefault(date, 0L));
            assertThat(day.get("readingsFlagged").asLong()).as(date).isEqualTo(flagged.getOrDefault(date, 0L));
            assertThat(day.get("deliveries").asLong()).as(date).isEqualTo(deliveries.getOrDefault(date, 0L));
            assertThat(day.get("readingsExpected").asLong()).isEqualTo(day.get("metersExpected").asLong() * periods);
            assertThat(day.get("readingsMissing").asLong()).isEqualTo(day.get("readingsExpected").asLong()
                    - day.get("readingsPresent").asLong() - day.get("readingsFlagged").asLong());
        }
        assertThat(answer.get("days").findValuesAsText("settlementDate")).contains(LONG_DAY.toString());
        for (JsonNode gap : answer.get("meterGaps")) {
            assertThat(gap.has("mpan")).isFalse();
            assertThat(gap.get("mpanPseudonym").asText()).matches("P[0-9a-f]{16}");
        }

        CiwRun text = CiwRun.of("--workspace", home.toString(), "quality", "--purpose", "research");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).contains("4 settlement days").contains(LONG_DAY + "      50");
        for (String mpan : mpans) {
            assertThat(text.out()).doesNotContain(mpan);
        }
    }

    private static Path workspaceFile() {
        return home.resolve("workspaces").resolve("local.duckdb").toAbsolutePath();
    }

    private static String contentOf(Path file, String format) throws SQLException, IOException {
        if (format.equals("csv")) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder();
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + file.toString().replace("'", "''") + "')")) {
            int columns = rs.getMetaData().getColumnCount();
            for (int i = 1; i <= columns; i++) {
                text.append(rs.getMetaData().getColumnName(i)).append(',');
            }
            while (rs.next()) {
                text.append('\n');
                for (int i = 1; i <= columns; i++) {
                    text.append(rs.getString(i)).append(',');
                }
            }
        }
        return text.toString();
    }

    private static List<String> parquetColumn(Path file, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + column + " FROM read_parquet('" + file.toString().replace("'", "''") + "')")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** The first column of a query on the workspace, opened while no command holds it. */
    private static List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (LocalWorkspace workspace = LocalWorkspace.open(workspaceFile()); Connection c = workspace.newConnection();
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static Map<String, Long> counts(String sql) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (LocalWorkspace workspace = LocalWorkspace.open(workspaceFile()); Connection c = workspace.newConnection();
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }
}
