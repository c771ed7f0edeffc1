package uk.consumptioninsights.dataaccess.provider.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.consumptioninsights.dataaccess.pipeline.BronzeFixture;
import uk.consumptioninsights.dataaccess.pipeline.BronzeLanding;
import uk.consumptioninsights.dataaccess.pipeline.MedallionPipeline;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.meter.Mpan;
import uk.consumptioninsights.model.work.Progress;

/**
 * The same bronze deliveries through the notebooks' SQL on Spark + Delta and through the workbench's MedallionPipeline
 * on DuckDB give the same silver and gold, cell by cell: two runs of four batches with a duplicate delivery, superseded
 * versions (within a run, and by the upsert into days silver holds, flagged readings becoming plausible), an older
 * version and an earlier-received copy arriving later, readings behind the watermark (whole days and part of one),
 * negative and above-ceiling readings, a missing period, an unregistered MPAN, the 46-period day of 29 March 2026 and
 * the 50-period day of 25 October 2026, estimated and actual reads and a reconciliation run's restatement behind the
 * watermark, which the data quality rollup counts with the duplicates, superseded versions and late readings. The bronze reaches Spark as the landing Parquet files
 * BronzeLanding writes; loading them stands in for Auto Loader (01_ingest_bronze, Databricks only).
 */
@Tag("provider-peer")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookParityIT {

    private static final String A = Mpan.of(10, 1_234_567L).core();
    private static final String B = Mpan.of(12, 7_654_321L).core();
    private static final String C = Mpan.of(14, 2_222_333L).core();
    private static final String D = Mpan.of(16, 4_444_555L).core();
    private static final String UNREGISTERED = Mpan.of(18, 9_999_111L).core();
    private static final LocalDate SPRING = LocalDate.of(2026, 3, 29);
    private static final LocalDate AUTUMN = LocalDate.of(2026, 10, 25);
    private static final String PREFIX = "nbp_";
    private static final Map<String, String> PARAMETERS = Map.of("catalog", PeerRuntime.CATALOG,
            "bronze_schema", PREFIX + "bronze", "silver_schema", PREFIX + "silver", "schema", PREFIX + "gold",
            "evaluation_schema", PREFIX + "evaluation", "secret_scope", "consumption-insights", "share", "consumption_share",
            "recipient", "example_recipient");

    /** What is compared, with an order that makes every row's place unique. */
    private record Compared(String relation, String columns, String orderBy) {
    }

    private static final List<Compared> COMPARED = List.of(
            new Compared("silver.meters", "mpan, gsp_group, customer_class, source_meter_id, meter_id", "meter_id"),
            new Compared("silver.hh_readings", "meter_id, settlement_date, settlement_period, interval_start_utc, kwh, "
                    + "version, delivery_id, received_at_utc, quality, read_type, settlement_run", "meter_id, interval_start_utc"),
            new Compared("silver.late_rejections", "mpan, settlement_date, settlement_period, interval_start_utc, kwh, "
                    + "version, delivery_id, ingest_batch, received_at_utc, watermark_utc", "delivery_id, interval_start_utc"),
            new Compared("silver.settlement_days", "settlement_date, periods, first_interval_utc", "settlement_date"),
            new Compared("silver.gold_pending_dates", "settlement_date", "settlement_date"),
            new Compared("silver.pipeline_runs", "run_id, first_batch, last_batch, readings_in, readings_upserted, "
                    + "readings_late, readings_superseded", "run_id"),
            new Compared("gold.consumption_half_hourly", "mpan, gsp_group, settlement_date, settlement_period, "
                    + "interval_start_utc, kwh", "mpan, interval_start_utc"),
            new Compared("gold.flagged_readings", "mpan, gsp_group, settlement_date, settlement_period, "
                    + "interval_start_utc, recorded_kwh, quality", "mpan, interval_start_utc"),
            new Compared("gold.consumption_daily", "meter_id, gsp_group, settlement_date, periods_expected, periods_read, "
                    + "kwh_total, periods_flagged, periods_estimated, kwh_actual", "meter_id, settlement_date"),
            new Compared("gold.data_quality_daily", "settlement_date, gsp_group, periods_in_day, meter_days, "
                    + "periods_expected, periods_received, periods_flagged, periods_estimated, meter_days_estimated, "
                    + "kwh_total, kwh_actual, deliveries, duplicate_deliveries, superseded_versions, readings_late",
                    "settlement_date, gsp_group"),
            new Compared("gold.consumption_gsp_half_hourly", "gsp_group, settlement_date, settlement_period, "
                    + "interval_start_utc, meter_count, kwh_total", "gsp_group, interval_start_utc"));

    private LocalWorkspace workspace;
    private Connection local;
    private Connection peer;
    private NotebookRun notebooks;
    private Path landing;

    @BeforeAll
    void bothEnginesProcessTheSameDeliveries() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("provider-peer.work"),
                "notebook-parity-" + ProcessHandle.current().pid()));
        landing = dir.resolve("landing");
        workspace = LocalWorkspace.open(dir.resolve("parity.duckdb"));
        local = workspace.newConnection();
        peer = PeerRuntime.shared().goldConnector().open();
        notebooks = new NotebookRun(peer, PARAMETERS, DatabricksOnlyStatements.read());
        try (Statement spark = peer.createStatement()) {
            for (String schema : List.of("bronze", "silver", "gold", "evaluation")) {
                spark.execute("DROP SCHEMA IF EXISTS " + PeerRuntime.CATALOG + "." + PREFIX + schema + " CASCADE");
            }
        }
        notebooks.run("00_setup.sql");

        BronzeFixture bronze = new BronzeFixture(local);
        bronze.register(A, "_A");
        bronze.register(B, "_A");
        bronze.register(C, "_B");
        bronze.register(D, "_B");
        loadRegistrations();

        firstRun(bronze);
        pipelineOnBoth(1);
        secondRun(bronze);
        pipelineOnBoth(3);
        notebooks.run("sql/gold_purpose_views.sql");
        notebooks.run("04_unity_catalog_governance.sql");
        notebooks.run("06_delta_sharing.sql");
    }

    /** Spring: duplicates, a superseding version, implausible and missing readings, late whole and partial days. */
    private static void firstRun(BronzeFixture bronze) throws SQLException {
        bronze.deliver(1, A, SPRING.minusDays(1), BronzeFixture.day(SPRING.minusDays(1), 0.1), 1, at(SPRING, 6),
                "actual", "SF");
        bronze.deliver(1, A, SPRING, BronzeFixture.day(SPRING, 0.2), 1, at(SPRING.plusDays(1), 6), "estimated", "SF");
        // The same version again, arriving later: it wins (a duplicate delivery of the meter-day).
        bronze.deliver(1, A, SPRING, BronzeFixture.day(SPRING, 0.25), 1, at(SPRING.plusDays(1), 7), "estimated", "SF");
        double[] implausible = BronzeFixture.day(SPRING, 0.3);
        implausible[0] = -0.5;
        implausible[1] = 75.0;
        implausible[2] = Double.NaN;
        bronze.deliver(1, B, SPRING, implausible, 1, at(SPRING.plusDays(1), 6));
        bronze.deliver(1, UNREGISTERED, SPRING, BronzeFixture.day(SPRING, 0.9), 1, at(SPRING.plusDays(1), 6));
        // Batch 2's watermark: the last interval of batch 1 (29 March 22:30 UTC) minus 48 hours.
        bronze.deliver(2, A, SPRING, BronzeFixture.day(SPRING, 0.4), 2, at(SPRING.plusDays(2), 6), "estimated", "SF");
        bronze.deliver(2, B, SPRING.minusDays(1), BronzeFixture.day(SPRING.minusDays(1), 0.5), 1, at(SPRING.plusDays(2), 6));
        bronze.deliver(2, C, SPRING.minusDays(3), BronzeFixture.day(SPRING.minusDays(3), 0.6), 1, at(SPRING.plusDays(2), 6));
        bronze.deliver(2, C, SPRING.minusDays(2), BronzeFixture.day(SPRING.minusDays(2), 0.7), 1, at(SPRING.plusDays(2), 6));
    }

    /**
     * Autumn, plus corrections of spring days silver already holds (the upsert): batch 3's watermark is still
     * spring's, batch 4's is autumn's, so its correction of spring is late.
     */
    private static void secondRun(BronzeFixture bronze) throws SQLException {
        // Upserts: a newer version replaces silver's readings, flagged ones included, and fills the missing period;
        // the same version received earlier than silver's changes nothing.
        bronze.deliver(3, B, SPRING, BronzeFixture.day(SPRING, 0.6), 2, at(SPRING.plusDays(3), 6));
        bronze.deliver(3, A, SPRING.minusDays(1), BronzeFixture.day(SPRING.minusDays(1), 0.95), 1, at(SPRING, 5));
        bronze.deliver(3, A, AUTUMN, BronzeFixture.day(AUTUMN, 0.7), 2, at(AUTUMN.plusDays(1), 6));
        bronze.deliver(3, B, AUTUMN, BronzeFixture.day(AUTUMN, 0.8), 1, at(AUTUMN.plusDays(1), 6), "estimated", "SF");
        double[] ceiling = BronzeFixture.day(AUTUMN.minusDays(1), 0.9);
        ceiling[9] = 60.0;
        bronze.deliver(3, C, AUTUMN.minusDays(1), ceiling, 1, at(AUTUMN, 6));
        double[] replaced = BronzeFixture.day(AUTUMN, 0.2);
        replaced[49] = 51.0;
        bronze.deliver(3, D, AUTUMN, replaced, 1, at(AUTUMN.plusDays(1), 6), "estimated", "SF");
        bronze.deliver(4, A, AUTUMN, BronzeFixture.day(AUTUMN, 0.1), 1, at(AUTUMN.plusDays(2), 6));
        bronze.deliver(4, B, AUTUMN, BronzeFixture.day(AUTUMN, 1.0), 2, at(AUTUMN.plusDays(2), 6), "actual", "SF");
        double[] negative = BronzeFixture.day(AUTUMN, 0.35);
        negative[0] = -0.2;
        bronze.deliver(4, D, AUTUMN, negative, 1, at(AUTUMN.plusDays(2), 7), "estimated", "SF");
        bronze.deliver(4, A, SPRING, BronzeFixture.day(SPRING, 0.8), 3, at(AUTUMN.plusDays(2), 6));
        // A reconciliation run restates B's 28 March with actual reads months later: behind the watermark, accepted.
        bronze.deliver(4, B, SPRING.minusDays(1), BronzeFixture.day(SPRING.minusDays(1), 0.55), 3, at(AUTUMN.plusDays(2), 6),
                "actual", "R1");
    }

    private static LocalDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0);
    }

    private void loadRegistrations() throws Exception {
        Path file = new BronzeLanding(local).writeRegistrations(landing.resolve("meter_registrations"), "registrations.parquet");
        try (Statement spark = peer.createStatement()) {
            spark.execute("INSERT INTO " + sparkName("bronze.meter_registrations") + " SELECT * FROM parquet.`"
                    + file.toUri() + "`");
        }
    }

    /** The landing files of the new batches into Spark's bronze, then silver and gold on both engines. */
    private void pipelineOnBoth(int fromBatch) throws Exception {
        try (Statement spark = peer.createStatement()) {
            for (Path file : new BronzeLanding(local).write(landing.resolve("hh_deliveries"), fromBatch)) {
                spark.execute("INSERT INTO " + sparkName("bronze.hh_deliveries") + " SELECT * FROM parquet.`"
                        + file.toUri() + "`");
            }
        }
        try (Connection c = workspace.newConnection()) {
            new MedallionPipeline(c, workspace.pseudonyms()).run(Progress.NONE);
        }
        notebooks.run("02_transform_silver.sql");
        notebooks.run("03_curate_gold.sql");
    }

    @AfterAll
    void close() throws SQLException {
        if (peer != null) {
            peer.close();
        }
        if (local != null) {
            local.close();
        }
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void silverAndGoldAreTheSameCellByCellOnBothEngines() throws SQLException {
        for (Compared compared : COMPARED) {
            List<List<Object>> expected = rows(local, compared, compared.relation());
            List<List<Object>> actual = rows(peer, compared, sparkName(compared.relation()));
            assertThat(actual).as(compared.relation() + " row count").hasSameSizeAs(expected);
            for (int r = 0; r < expected.size(); r++) {
                for (int c = 0; c < expected.get(r).size(); c++) {
                    Object want = expected.get(r).get(c);
                    Object got = actual.get(r).get(c);
                    String where = compared.relation() + " row " + r + " column " + c + " " + expected.get(r);
                    if (want instanceof Double w && compared.columns().contains("kwh_total") && got instanceof Double g) {
                        // Sums of doubles: the engines add in different orders.
                        assertThat(g).as(where).isCloseTo(w, within(1e-9));
                    } else {
                        assertThat(got).as(where).isEqualTo(want);
                    }
                }
            }
        }
    }

    /** The comparison above is not vacuous: the data holds every case it claims to. */
    @Test
    void theDeliveriesExerciseEveryRule() throws SQLException {
        assertThat(single(local, "SELECT count(*) FROM silver.late_rejections WHERE settlement_date = DATE '2026-03-26'"))
                .isEqualTo(48L);
        assertThat(single(local, "SELECT count(*) FROM silver.late_rejections WHERE settlement_date = DATE '2026-03-27'"))
                .isEqualTo(45L);
        assertThat(single(local, "SELECT count(*) FROM silver.late_rejections WHERE version = 3")).isEqualTo(46L);
        assertThat(single(local, "SELECT count(DISTINCT quality) FROM silver.hh_readings")).isEqualTo(2L);
        // A's and B's spring day and A's and B's autumn day at version 2.
        assertThat(single(local, "SELECT count(*) FROM silver.hh_readings WHERE version = 2")).isEqualTo(46L + 46 + 50 + 50);
        // The earlier-received copy of A's 28 March did not replace the reading silver held.
        assertThat(single(local, "SELECT count(*) FROM silver.hh_readings r JOIN silver.meters m USING (meter_id) "
                + "WHERE m.mpan = '" + A + "' AND r.settlement_date = DATE '2026-03-28' AND r.kwh > 0.9")).isEqualTo(0L);
        // The second run's upsert changed days silver held: B's flagged spring readings are plausible now.
        assertThat(single(local, "SELECT readings_upserted FROM silver.pipeline_runs WHERE run_id = 2"))
                .isEqualTo(46L + 50 + 50 + 48 + 50 + 48);
        // The reconciliation run's restatement passed the watermark that rejected A's spring correction.
        assertThat(single(local, "SELECT count(*) FROM silver.hh_readings WHERE settlement_run = 'R1' AND read_type = 'actual' "
                + "AND version = 3")).isEqualTo(48L);
        // Estimates on the 46- and the 50-period day, duplicates, superseded versions and late readings in the rollup.
        assertThat(single(local, "SELECT sum(periods_estimated) FROM gold.data_quality_daily "
                + "WHERE settlement_date IN (DATE '2026-03-29', DATE '2026-10-25')")).isEqualTo(46L + 49);
        assertThat(single(local, "SELECT sum(duplicate_deliveries) FROM gold.data_quality_daily")).isEqualTo(single(local,
                "SELECT count(*) - count(DISTINCT (mpan, settlement_date, version)) FROM bronze.hh_deliveries "
                + "SEMI JOIN silver.meters USING (mpan)")).isNotEqualTo(0L);
        assertThat(single(local, "SELECT sum(superseded_versions) FROM gold.data_quality_daily")).isNotEqualTo(0L);
        assertThat(single(local, "SELECT sum(readings_late) FROM gold.data_quality_daily"))
                .isEqualTo(single(local, "SELECT count(*) FROM silver.late_rejections l JOIN silver.meters USING (mpan)"));
        assertThat(single(local, "SELECT string_agg(p, ',' ORDER BY p) FROM (SELECT DISTINCT CAST(periods AS VARCHAR) AS p "
                + "FROM silver.settlement_days)")).isEqualTo("46,48,50");
        assertThat(single(local, "SELECT count(*) FROM silver.pipeline_runs")).isEqualTo(2L);
    }

    /**
     * Every SQL statement of every notebook, and of the SQL files the job runs, either ran on the peer above or is
     * listed in databricks-only.md; and every entry of that list names a statement (none is stale).
     */
    @Test
    void everyNotebookStatementRanOnThePeerOrIsListedAsDatabricksOnly() throws Exception {
        DatabricksOnlyStatements listed = DatabricksOnlyStatements.read();
        Path folder = Path.of(System.getProperty("provider-peer.notebooks"));
        List<String> sources = new ArrayList<>();
        try (var files = Files.list(folder)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().forEach(sources::add);
        }
        try (var files = Files.list(folder.resolve("sql"))) {
            files.map(f -> "sql/" + f.getFileName()).filter(n -> n.endsWith(".sql")).sorted().forEach(sources::add);
        }
        assertThat(sources).contains("00_setup.sql", "02_transform_silver.sql", "03_curate_gold.sql",
                "04_unity_catalog_governance.sql", "06_delta_sharing.sql", "sql/gold_purpose_views.sql");
        int statements = 0;
        for (String source : sources) {
            for (String statement : NotebookSql.notebook(source).statements()) {
                String first = source + ": " + statement.lines().findFirst().orElse("");
                assertThat(notebooks.executed().contains(first) || listed.listing(source, statement) != null)
                        .as("neither run on the peer nor listed as Databricks-only: " + first).isTrue();
                statements++;
            }
        }
        assertThat(notebooks.skipped()).as("entries of databricks-only.md that name no statement")
                .containsExactlyInAnyOrderElementsOf(listed.entries());
        assertThat(notebooks.executed()).hasSizeGreaterThan(40);
        System.out.printf("%d notebook statements: %d ran on the peer, %d Databricks-only%n", statements,
                notebooks.executed().size(), statements - notebooks.executed().size());
    }

    private static String sparkName(String relation) {
        return PeerRuntime.CATALOG + "." + PREFIX + relation;
    }

    /** Dates and times as text ('2026-03-29 23:00:00' on both engines, whose sessions are in UTC); numbers as such. */
    private static List<List<Object>> rows(Connection connection, Compared compared, String relation) throws SQLException {
        String select = java.util.Arrays.stream(compared.columns().split(","))
                .map(String::strip)
                .map(c -> c.endsWith("_utc") || c.equals("settlement_date") ? "CAST(" + c + " AS STRING) AS " + c : c)
                .collect(Collectors.joining(", "));
        List<List<Object>> rows = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + select + " FROM " + relation + " ORDER BY " + compared.orderBy())) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object value = rs.getObject(c);
                    row.add(value instanceof Number n && !(value instanceof Double) ? (Object) n.longValue()
                            : value instanceof Float f ? (Object) f.doubleValue() : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object single(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            Object value = rs.getObject(1);
            return value instanceof Number n ? (Object) n.longValue() : value;
        }
    }
}
