package uk.consumptioninsights.dataaccess.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;
import uk.consumptioninsights.dataaccess.workspace.MeterPseudonyms;
import uk.consumptioninsights.model.series.ReadingFlag;
import uk.consumptioninsights.model.settlement.SettlementRun;
import uk.consumptioninsights.model.work.Progress;

/**
 * Bronze → silver → gold as SQL. Silver is maintained by an upsert (MERGE) for meter-days it already holds and an
 * ordered append for new ones: each new delivery batch is checked
 * against an event-time watermark of 48 hours behind the latest interval seen before that batch; on-time readings
 * replace older versions of the same (MPAN, interval), late ones are recorded in {@code silver.late_rejections}. A
 * reconciliation run's delivery (R1 to DF) restates a settled day and is exempt from the watermark; each reading keeps
 * its delivery's read type (actual, estimated, NULL for unknown) and settlement run.
 * Gold aggregates are then refreshed, in the same transaction, for the settlement dates silver marked as pending;
 * gold half-hourly is a view over silver. A reading that is not physically plausible ({@link ReadingFlag}) is kept in
 * silver with its flag and left out of every gold sum and count of consumption.
 */
public final class MedallionPipeline {

    public static final Duration WATERMARK = Duration.ofHours(48);

    /** The reconciliation runs' codes as a SQL list: 'R1', 'R2', ... (from the enum, never from input). */
    private static final String RESTATING_RUNS = Arrays.stream(SettlementRun.values())
            .filter(SettlementRun::isReconciliation)
            .map(run -> "'" + run.code() + "'")
            .collect(Collectors.joining(", "));

    /**
     * The new deliveries' readings: a view, unnested afresh by each statement that reads it (materialising it cost
     * more, 18 s at 20,000 meters, than the scans of bronze it saves).
     */
    private static final String INCOMING = "CREATE OR REPLACE TEMP VIEW incoming AS %s";

    /**
     * The readings of new deliveries (joined to {@code %2$s}, e.g. to narrow them to some meter-days), one row per
     * non-missing period, with the meter's integer key looked up once per delivery (a delivery of an MPAN never
     * registered has no meter to belong to). The numbers are formatted from typed values, never from input; the run
     * codes from {@link SettlementRun}. {@code restated}: the delivery is a reconciliation run's restatement of the day,
     * which the watermark does not apply to (it arrives weeks or months after the day by design).
     */
    private static final String READINGS_OF = """
            SELECT delivery_id, ingest_batch, mpan, meter_id, settlement_date, CAST(i AS SMALLINT) AS settlement_period,
                   first_interval_utc + to_minutes(CAST(30 * (i - 1) AS BIGINT)) AS interval_start_utc,
                   kwh, version, received_at_utc,
                   CASE WHEN kwh < 0 THEN 'negative' WHEN kwh > %1$s THEN 'above_ceiling' END AS quality,
                   read_type, settlement_run, coalesce(settlement_run IN (%4$s), false) AS restated
            FROM (SELECT d.*, k.meter_id, unnest(d.period_kwh) AS kwh, generate_subscripts(d.period_kwh, 1) AS i
                  FROM bronze.hh_deliveries d JOIN silver.meters k ON k.mpan = d.mpan %2$s WHERE d.ingest_batch > %3$d)
            WHERE kwh IS NOT NULL
            """;

    /** The meter-days of the new deliveries, straight from bronze (a delivery is one MPAN's settlement day). */
    private static final String NEW_DAYS = """
            CREATE OR REPLACE TEMP TABLE new_days AS
            SELECT DISTINCT k.meter_id, d.settlement_date
            FROM bronze.hh_deliveries d JOIN silver.meters k ON k.mpan = d.mpan WHERE d.ingest_batch > ?
            """;

    /**
     * The new deliveries of registered meters that hold at least one reading, with their count of readings and the
     * start of their last non-missing period: read from the delivery's list itself, so that counting and the
     * watermarks do not unnest millions of readings.
     */
    private static final String NEW_DELIVERIES = """
            SELECT d.ingest_batch, d.first_interval_utc, list_count(d.period_kwh) AS readings,
                   d.first_interval_utc + to_minutes(CAST(30 * (len(d.period_kwh) - list_position(list_reverse(
                       list_transform(d.period_kwh, v -> v IS NOT NULL)), true)) AS BIGINT)) AS last_event
            FROM bronze.hh_deliveries d JOIN silver.meters k ON k.mpan = d.mpan
            WHERE d.ingest_batch > %d AND list_count(d.period_kwh) > 0
            """;

    /** The highest interval seen before each batch (silver's, then earlier batches'), minus the watermark. */
    private static final String WATERMARKS = """
            CREATE OR REPLACE TEMP TABLE batch_watermarks AS
            WITH per_batch AS (
                SELECT ingest_batch, max(last_event) AS max_event FROM (%s) GROUP BY ingest_batch
            ), seen AS (
                SELECT ingest_batch,
                       greatest(coalesce(max(max_event) OVER (ORDER BY ingest_batch
                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), TIMESTAMP '0001-01-01'),
                                (SELECT coalesce(max(interval_start_utc), TIMESTAMP '0001-01-01') FROM silver.hh_readings))
                           AS seen_before
                FROM per_batch
            )
            SELECT ingest_batch, seen_before - INTERVAL 48 HOUR AS watermark_utc FROM seen
            """;

    /**
     * Readings before their batch's watermark. Only deliveries whose day starts before it can hold one, so only those
     * are unnested.
     */
    private static final String LATE = """
            INSERT INTO silver.late_rejections
            SELECT i.mpan, i.settlement_date, i.settlement_period, i.interval_start_utc, i.kwh, i.version, i.delivery_id,
                   i.ingest_batch, i.received_at_utc, w.watermark_utc
            FROM (%s) i JOIN batch_watermarks w USING (ingest_batch)
            WHERE i.interval_start_utc < w.watermark_utc AND NOT i.restated
            """;

    private static final String STARTS_BEFORE_WATERMARK =
            "JOIN batch_watermarks bw ON bw.ingest_batch = d.ingest_batch AND d.first_interval_utc < bw.watermark_utc";

    /** On-time readings: at or after their batch's watermark, or restated by a reconciliation run. */
    private static final String ON_TIME = """
            CREATE OR REPLACE TEMP VIEW on_time AS
            SELECT i.* FROM incoming i JOIN batch_watermarks w USING (ingest_batch)
            WHERE i.interval_start_utc >= w.watermark_utc OR i.restated
            """;

    /**
     * Settlement days delivered more than once in this increment, and the winning reading of each of their intervals:
     * the highest version, then the latest arrival. Only these need the window; every other day passes straight
     * through, which keeps a first load of millions of readings fast.
     */
    private static final String REPEATED = """
            CREATE OR REPLACE TEMP TABLE repeated_days AS
            SELECT mpan, settlement_date FROM bronze.hh_deliveries WHERE ingest_batch > ?
            GROUP BY ALL HAVING count(*) > 1
            """;

    /** Only the repeated days' deliveries are unnested (at 100,000 meters, 1 s against 23 s for all of them). */
    private static final String REPEATED_WINNERS = """
            CREATE OR REPLACE TEMP TABLE repeated_winners AS
            SELECT i.* FROM (%s) i JOIN batch_watermarks w USING (ingest_batch)
            WHERE i.interval_start_utc >= w.watermark_utc OR i.restated
            QUALIFY row_number() OVER (PARTITION BY meter_id, interval_start_utc
                                       ORDER BY version DESC, received_at_utc DESC, delivery_id DESC) = 1
            """;

    /** The one winning reading of each (MPAN, interval) in this increment. */
    private static final String WINNERS = """
            CREATE OR REPLACE TEMP VIEW winners AS
            SELECT o.* FROM on_time o ANTI JOIN repeated_days r USING (mpan, settlement_date)
            UNION ALL
            SELECT * FROM repeated_winners
            """;

    /** Meter-days of this increment that silver already holds readings of: only these need the upsert. */
    private static final String KNOWN_DAYS = """
            CREATE OR REPLACE TEMP TABLE known_days AS
            SELECT DISTINCT s.meter_id, s.settlement_date
            FROM silver.hh_readings s
            SEMI JOIN new_days n USING (meter_id, settlement_date)
            WHERE s.settlement_date >= (SELECT min(settlement_date) FROM new_days)
            """;

    /**
     * Meter-days new to silver are appended in the order bronze holds them: a first load of millions of readings skips
     * the upsert, and rows kept in delivery order compress to about half the bytes (times, dates, periods and meters
     * in runs).
     */
    private static final String APPEND = """
            INSERT INTO silver.hh_readings (meter_id, settlement_date, settlement_period, interval_start_utc, kwh, version,
                                            delivery_id, received_at_utc, quality, read_type, settlement_run)
            SELECT meter_id, settlement_date, settlement_period, interval_start_utc, kwh, version, delivery_id,
                   received_at_utc, quality, read_type, settlement_run
            FROM winners ANTI JOIN known_days USING (meter_id, settlement_date)
            """;

    private static final String UPSERT = """
            MERGE INTO silver.hh_readings s
            USING (SELECT * FROM winners SEMI JOIN known_days USING (meter_id, settlement_date)) a
            ON s.meter_id = a.meter_id AND s.interval_start_utc = a.interval_start_utc
            WHEN MATCHED AND (a.version > s.version OR (a.version = s.version AND a.received_at_utc > s.received_at_utc))
                THEN UPDATE SET kwh = a.kwh, version = a.version, delivery_id = a.delivery_id,
                                received_at_utc = a.received_at_utc, quality = a.quality, read_type = a.read_type,
                                settlement_run = a.settlement_run
            WHEN NOT MATCHED THEN
                INSERT (meter_id, settlement_date, settlement_period, interval_start_utc, kwh, version, delivery_id,
                        received_at_utc, quality, read_type, settlement_run)
                VALUES (a.meter_id, a.settlement_date, a.settlement_period, a.interval_start_utc, a.kwh, a.version,
                        a.delivery_id, a.received_at_utc, a.quality, a.read_type, a.settlement_run)
            """;

    private static final String[] GOLD_REFRESH = {
        "DELETE FROM gold.consumption_daily WHERE settlement_date IN (SELECT settlement_date FROM silver.gold_pending_dates)",
        // Aggregated straight from silver: gathering the refreshed dates' readings into a temporary table first cost
        // three times the two scans at 20,000 meters. The meter-day rollup (one row per meter-day, not per reading)
        // also holds the version silver keeps, which the data quality rollup below compares deliveries with.
        """
        CREATE OR REPLACE TEMP TABLE meter_day_rollup AS
        SELECT r.meter_id, m.gsp_group, r.settlement_date, d.periods,
               CAST(count(*) FILTER (WHERE r.quality IS NULL) AS SMALLINT) AS periods_read,
               coalesce(sum(r.kwh) FILTER (WHERE r.quality IS NULL), 0) AS kwh_total,
               CAST(count(*) FILTER (WHERE r.quality IS NOT NULL) AS SMALLINT) AS periods_flagged,
               CAST(count(*) FILTER (WHERE r.quality IS NULL AND r.read_type = 'estimated') AS SMALLINT) AS periods_estimated,
               coalesce(sum(r.kwh) FILTER (WHERE r.quality IS NULL AND r.read_type = 'actual'), 0) AS kwh_actual,
               max(r.version) AS version_held
        FROM silver.hh_readings r JOIN silver.meters m USING (meter_id) JOIN silver.settlement_days d USING (settlement_date)
        WHERE r.settlement_date IN (SELECT settlement_date FROM silver.gold_pending_dates)
        GROUP BY r.meter_id, m.gsp_group, r.settlement_date, d.periods
        """,
        """
        INSERT INTO gold.consumption_daily
            (meter_id, gsp_group, settlement_date, periods_expected, periods_read, kwh_total, periods_flagged,
             periods_estimated, kwh_actual)
        SELECT meter_id, gsp_group, settlement_date, periods, periods_read, kwh_total, periods_flagged, periods_estimated,
               kwh_actual
        FROM meter_day_rollup
        """,
        "DELETE FROM gold.data_quality_daily WHERE settlement_date IN (SELECT settlement_date FROM silver.gold_pending_dates)",
        // Bronze is read per delivery (never unnested), counted per version first so that no distinct count runs over
        // millions of meter-days: a meter-day's deliveries, its repeated versions, and the versions below the one
        // silver holds.
        """
        INSERT INTO gold.data_quality_daily
        WITH versions AS (
            SELECT mpan, settlement_date, version, count(*) AS copies
            FROM bronze.hh_deliveries
            WHERE settlement_date IN (SELECT settlement_date FROM silver.gold_pending_dates)
            GROUP BY mpan, settlement_date, version
        ), delivered AS (
            SELECT k.meter_id, k.gsp_group, b.settlement_date, sum(b.copies) AS deliveries,
                   sum(b.copies - 1) AS duplicate_deliveries,
                   count(*) FILTER (WHERE b.version < r.version_held) AS superseded_versions
            FROM versions b JOIN silver.meters k ON k.mpan = b.mpan
            LEFT JOIN meter_day_rollup r ON r.meter_id = k.meter_id AND r.settlement_date = b.settlement_date
            GROUP BY k.meter_id, k.gsp_group, b.settlement_date
        ), late AS (
            SELECT l.settlement_date, m.gsp_group, count(*) AS readings_late
            FROM silver.late_rejections l JOIN silver.meters m USING (mpan)
            WHERE l.settlement_date IN (SELECT settlement_date FROM silver.gold_pending_dates)
            GROUP BY l.settlement_date, m.gsp_group
        )
        SELECT v.settlement_date, v.gsp_group, d.periods, CAST(count(*) AS INTEGER), count(*) * d.periods,
               coalesce(sum(r.periods_read + r.periods_flagged), 0), coalesce(sum(r.periods_flagged), 0),
               coalesce(sum(r.periods_estimated), 0), CAST(count(*) FILTER (WHERE r.periods_estimated > 0) AS INTEGER),
               coalesce(sum(r.kwh_total), 0), coalesce(sum(r.kwh_actual), 0), sum(v.deliveries),
               sum(v.duplicate_deliveries), sum(v.superseded_versions), coalesce(any_value(l.readings_late), 0)
        FROM delivered v JOIN silver.settlement_days d USING (settlement_date)
        LEFT JOIN meter_day_rollup r ON r.meter_id = v.meter_id AND r.settlement_date = v.settlement_date
        LEFT JOIN late l ON l.settlement_date = v.settlement_date AND l.gsp_group = v.gsp_group
        GROUP BY v.settlement_date, v.gsp_group, d.periods
        """,
        "DROP TABLE meter_day_rollup",
        "DELETE FROM gold.consumption_gsp_half_hourly WHERE settlement_date IN (SELECT settlement_date FROM silver.gold_pending_dates)",
        """
        INSERT INTO gold.consumption_gsp_half_hourly
        SELECT m.gsp_group, r.settlement_date, r.settlement_period, r.interval_start_utc, count(*)::INTEGER, sum(r.kwh)
        FROM silver.hh_readings r JOIN silver.meters m USING (meter_id)
        WHERE r.quality IS NULL AND r.settlement_date IN (SELECT settlement_date FROM silver.gold_pending_dates)
        GROUP BY ALL
        """,
        "DELETE FROM silver.gold_pending_dates"
    };

    private final Connection connection;
    private final MeterPseudonyms pseudonyms;

    public MedallionPipeline(Connection connection, MeterPseudonyms pseudonyms) {
        this.connection = connection;
        this.pseudonyms = pseudonyms;
    }

    /** Processes every delivery batch not yet processed, in one transaction. */
    public PipelineRun run(Progress progress) throws SQLException {
        Instant started = Instant.now();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            // New readings are appended in bronze's order, each delivery (one MPAN's settlement day) in period order:
            // such runs compress to about 12 bytes a reading on disk against 22 in the order a parallel write gives.
            st.execute("SET preserve_insertion_order = true");
            int lastBatch = queryInt(st, "SELECT coalesce(max(last_batch), -1) FROM silver.pipeline_runs");
            progress.report(0.05, "Registering meters");
            pseudonyms.registerNewMeters(connection);
            progress.checkCancelled();
            progress.report(0.15, "Reading new deliveries");
            String ceiling = Double.toString(ReadingFlag.CEILING_KWH);
            String restating = RESTATING_RUNS;
            st.execute(INCOMING.formatted(READINGS_OF.formatted(ceiling, "", lastBatch, restating)));
            executeWithBatch(NEW_DAYS, lastBatch);
            long readingsIn;
            int[] batchRange;
            int batches;
            String newDeliveries = NEW_DELIVERIES.formatted(lastBatch);
            try (ResultSet rs = st.executeQuery("SELECT coalesce(sum(readings), 0), coalesce(min(ingest_batch), -1), "
                    + "coalesce(max(ingest_batch), -1), count(DISTINCT ingest_batch) FROM (" + newDeliveries + ")")) {
                rs.next();
                readingsIn = rs.getLong(1);
                batchRange = new int[] {rs.getInt(2), rs.getInt(3)};
                batches = rs.getInt(4);
            }
            progress.checkCancelled();
            progress.report(0.35, "Applying the 48-hour watermark");
            st.execute(WATERMARKS.formatted(newDeliveries));
            long late = st.executeUpdate(LATE.formatted(READINGS_OF.formatted(ceiling, STARTS_BEFORE_WATERMARK, lastBatch, restating)));
            progress.checkCancelled();
            progress.report(0.45, "Keeping the latest version of each reading");
            st.execute(ON_TIME);
            executeWithBatch(REPEATED, lastBatch);
            st.execute(REPEATED_WINNERS.formatted(READINGS_OF.formatted(ceiling,
                    "SEMI JOIN repeated_days r ON r.mpan = d.mpan AND r.settlement_date = d.settlement_date", lastBatch,
                    restating)));
            progress.checkCancelled();
            progress.report(0.55, "Upserting into silver");
            st.execute(WINNERS);
            st.execute(KNOWN_DAYS);
            long upserted = st.executeUpdate(APPEND);
            if (queryLong(st, "SELECT count(*) FROM known_days") > 0) {
                // Order means nothing to the upsert of corrections; writing it in parallel is faster.
                st.execute("SET preserve_insertion_order = false");
                upserted += st.executeUpdate(UPSERT);
                st.execute("SET preserve_insertion_order = true");
            }
            st.execute("INSERT OR IGNORE INTO silver.gold_pending_dates SELECT DISTINCT settlement_date FROM new_days");
            PipelineRun run = new PipelineRun(batches, readingsIn, upserted, late, readingsIn - late - upserted,
                    Duration.between(started, Instant.now()));
            recordRun(st, started, batchRange, run);
            progress.checkCancelled();
            // Gold's rollups commit with the silver rows they sum: no tab ever sees the two disagree.
            progress.report(0.7, "Refreshing gold");
            refreshGold(st, progress);
            connection.commit();
            // New meters' pseudonyms, computed in memory once their registration is committed.
            pseudonyms.computeMissing(connection);
            connection.commit();
            progress.report(1, "Pipeline finished");
            return new PipelineRun(run.batches(), run.readingsIn(), run.readingsUpserted(), run.readingsLate(),
                    run.readingsSuperseded(), Duration.between(started, Instant.now()));
        } catch (SQLException | RuntimeException e) {
            // A rollback that fails too (the disk is still full) must not hide why the run failed.
            try {
                connection.rollback();
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        } finally {
            try (Statement st = connection.createStatement()) {
                st.execute("DROP VIEW IF EXISTS on_time; DROP VIEW IF EXISTS incoming; DROP TABLE IF EXISTS new_days; "
                        + "DROP TABLE IF EXISTS batch_watermarks; "
                        + "DROP TABLE IF EXISTS repeated_days; DROP TABLE IF EXISTS repeated_winners; DROP VIEW IF EXISTS winners; "
                        + "DROP TABLE IF EXISTS known_days; DROP TABLE IF EXISTS meter_day_rollup");
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Rebuilds gold for every pending settlement date; safe to repeat. */
    private void refreshGold(Statement st, Progress progress) throws SQLException {
        SettlementDays.registerPending(connection);
        for (String sql : GOLD_REFRESH) {
            st.execute(sql);
            progress.checkCancelled();
        }
    }

    private void executeWithBatch(String sql, int lastBatch) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, lastBatch);
            ps.execute();
        }
    }

    private void recordRun(Statement st, Instant started, int[] batchRange, PipelineRun run) throws SQLException {
        int runId = queryInt(st, "SELECT coalesce(max(run_id), 0) + 1 FROM silver.pipeline_runs");
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO silver.pipeline_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, runId);
            ps.setObject(2, utc(started));
            ps.setObject(3, utc(Instant.now()));
            if (run.batches() == 0) {
                ps.setNull(4, java.sql.Types.INTEGER);
                ps.setNull(5, java.sql.Types.INTEGER);
            } else {
                ps.setInt(4, batchRange[0]);
                ps.setInt(5, batchRange[1]);
            }
            ps.setLong(6, run.readingsIn());
            ps.setLong(7, run.readingsUpserted());
            ps.setLong(8, run.readingsLate());
            ps.setLong(9, run.readingsSuperseded());
            ps.executeUpdate();
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static int queryInt(Statement st, String sql) throws SQLException {
        return (int) queryLong(st, sql);
    }

    private static long queryLong(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
