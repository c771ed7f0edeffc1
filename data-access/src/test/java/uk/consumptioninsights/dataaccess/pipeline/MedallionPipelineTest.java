package uk.consumptioninsights.dataaccess.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.meter.Mpan;
import uk.consumptioninsights.model.work.Progress;

class MedallionPipelineTest {

    private static final String MPAN_A = Mpan.of(10, 1_234_567L).core();
    private static final String MPAN_B = Mpan.of(12, 7_654_321L).core();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 10);

    @TempDir
    Path dir;

    private LocalWorkspace workspace;
    private Connection connection;
    private BronzeFixture bronze;

    @BeforeEach
    void open() throws SQLException {
        workspace = LocalWorkspace.open(dir.resolve("p.duckdb"));
        connection = workspace.newConnection();
        bronze = new BronzeFixture(connection);
        bronze.register(MPAN_A, "_A");
        bronze.register(MPAN_B, "_C");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        workspace.close();
    }

    private PipelineRun run() throws SQLException {
        try (Connection c = workspace.newConnection()) {
            return new MedallionPipeline(c, workspace.pseudonyms()).run(Progress.NONE);
        }
    }

    private static LocalDateTime received(LocalDate day, int hour) {
        return day.atTime(hour, 0);
    }

    @Test
    void duplicateDeliveriesLandOnceAndALaterVersionReplacesTheFirst() throws SQLException {
        bronze.deliver(1, MPAN_A, DAY, BronzeFixture.day(DAY, 0.1), 1, received(DAY.plusDays(1), 6));
        bronze.deliver(1, MPAN_A, DAY, BronzeFixture.day(DAY, 0.1), 1, received(DAY.plusDays(1), 7));
        PipelineRun first = run();
        assertThat(first.readingsIn()).isEqualTo(96);
        assertThat(first.readingsUpserted()).isEqualTo(48);
        assertThat(first.readingsSuperseded()).isEqualTo(48);
        assertThat(silverCount(MPAN_A)).isEqualTo(48);
        assertThat(goldKwh(MPAN_A, DAY, 10)).isCloseTo(0.110, within(1e-9));

        // A corrected version arrives the next day: a real upsert updates the rows silver already holds.
        bronze.deliver(2, MPAN_A, DAY, BronzeFixture.day(DAY, 0.5), 2, received(DAY.plusDays(2), 6));
        PipelineRun second = run();
        assertThat(second.readingsUpserted()).isEqualTo(48);
        assertThat(silverCount(MPAN_A)).isEqualTo(48);
        assertThat(silverVersions(MPAN_A)).containsExactly(2);
        assertThat(goldKwh(MPAN_A, DAY, 10)).isCloseTo(0.510, within(1e-9));
        assertThat(dailyTotal(MPAN_A, DAY)).isCloseTo(48 * 0.5 + (48 * 49 / 2) / 1000.0, within(1e-9));
    }

    @Test
    void anOlderVersionArrivingLaterDoesNotOverwriteANewerOne() throws SQLException {
        bronze.deliver(1, MPAN_A, DAY, BronzeFixture.day(DAY, 0.7), 2, received(DAY.plusDays(1), 6));
        run();
        bronze.deliver(2, MPAN_A, DAY, BronzeFixture.day(DAY, 0.2), 1, received(DAY.plusDays(1), 9));
        PipelineRun run = run();
        assertThat(run.readingsUpserted()).isZero();
        assertThat(run.readingsSuperseded()).isEqualTo(48);
        assertThat(goldKwh(MPAN_A, DAY, 1)).isCloseTo(0.701, within(1e-9));
    }

    @Test
    void lateDataInsideTheWatermarkIsMergedAndBeyondItIsRejectedAndRecorded() throws SQLException {
        bronze.deliver(1, MPAN_A, DAY, BronzeFixture.day(DAY, 0.1), 1, received(DAY.plusDays(1), 6));
        run();
        // The day before arrives now: its intervals are within 48 hours of the latest interval seen.
        bronze.deliver(2, MPAN_B, DAY.minusDays(1), BronzeFixture.day(DAY.minusDays(1), 0.3), 1, received(DAY.plusDays(2), 6));
        PipelineRun inside = run();
        assertThat(inside.readingsLate()).isZero();
        assertThat(silverCount(MPAN_B)).isEqualTo(48);

        // Three days later the stream has moved on; a correction for DAY is now beyond the watermark.
        bronze.deliver(3, MPAN_A, DAY.plusDays(3), BronzeFixture.day(DAY.plusDays(3), 0.1), 1, received(DAY.plusDays(4), 6));
        bronze.deliver(4, MPAN_A, DAY, BronzeFixture.day(DAY, 0.9), 2, received(DAY.plusDays(5), 6));
        PipelineRun beyond = run();
        assertThat(beyond.readingsLate()).isEqualTo(48);
        assertThat(goldKwh(MPAN_A, DAY, 1)).isCloseTo(0.101, within(1e-9));
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), min(watermark_utc), max(version) FROM silver.late_rejections")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(48);
            // Watermark = last interval of DAY+3 (23:30 GMT) minus 48 hours.
            assertThat(rs.getObject(2, LocalDateTime.class)).isEqualTo(DAY.plusDays(1).atTime(23, 30));
            assertThat(rs.getInt(3)).isEqualTo(2);
        }
    }

    @Test
    void aBatchPartlyBehindTheWatermarkKeepsOnlyItsOnTimeReadings() throws SQLException {
        bronze.deliver(1, MPAN_A, DAY.plusDays(2), BronzeFixture.day(DAY.plusDays(2), 0.1), 1, received(DAY.plusDays(3), 6));
        // Watermark = DAY+2 23:30 - 48h = DAY 23:30: only the last period of DAY is on time.
        bronze.deliver(2, MPAN_B, DAY, BronzeFixture.day(DAY, 0.4), 1, received(DAY.plusDays(3), 8));
        PipelineRun run = run();
        assertThat(run.readingsLate()).isEqualTo(47);
        assertThat(silverCount(MPAN_B)).isEqualTo(1);
        assertThat(goldKwh(MPAN_B, DAY, 48)).isCloseTo(0.448, within(1e-9));
    }

    @Test
    void aRunWithNothingNewChangesNothing() throws SQLException {
        bronze.deliver(1, MPAN_A, DAY, BronzeFixture.day(DAY, 0.1), 1, received(DAY.plusDays(1), 6));
        run();
        PipelineRun again = run();
        assertThat(again.batches()).isZero();
        assertThat(again.readingsIn()).isZero();
        assertThat(silverCount(MPAN_A)).isEqualTo(48);
        assertThat(goldCount()).isEqualTo(48);
    }

    @Test
    void missingPeriodsAreAbsentNotZero() throws SQLException {
        double[] values = BronzeFixture.day(DAY, 0.1);
        values[4] = Double.NaN;
        values[5] = Double.NaN;
        bronze.deliver(1, MPAN_A, DAY, values, 1, received(DAY.plusDays(1), 6));
        run();
        assertThat(silverCount(MPAN_A)).isEqualTo(46);
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT periods_expected, periods_read FROM gold.consumption_daily")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(48);
            assertThat(rs.getInt(2)).isEqualTo(46);
        }
    }

    @Test
    void clockChangeDaysCarryTheirOwnPeriodsAndUtcInstants() throws SQLException {
        LocalDate spring = LocalDate.of(2026, 3, 29);
        LocalDate autumn = LocalDate.of(2026, 10, 25);
        bronze.deliver(1, MPAN_A, spring, BronzeFixture.day(spring, 0.1), 1, received(spring.plusDays(1), 6));
        bronze.deliver(1, MPAN_B, autumn, BronzeFixture.day(autumn, 0.2), 1, received(autumn.plusDays(1), 6));
        run();
        assertThat(periodStarts(MPAN_A, spring)).hasSize(46)
                .startsWith(Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T00:30:00Z"),
                        Instant.parse("2026-03-29T01:00:00Z"))
                .endsWith(Instant.parse("2026-03-29T22:30:00Z"));
        assertThat(periodStarts(MPAN_B, autumn)).hasSize(50)
                .startsWith(Instant.parse("2026-10-24T23:00:00Z"), Instant.parse("2026-10-24T23:30:00Z"),
                        Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T00:30:00Z"),
                        Instant.parse("2026-10-25T01:00:00Z"))
                .endsWith(Instant.parse("2026-10-25T23:30:00Z"));
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT settlement_date, periods_expected, periods_read FROM gold.consumption_daily ORDER BY 1")) {
            rs.next();
            assertThat(rs.getInt(2)).isEqualTo(46);
            assertThat(rs.getInt(3)).isEqualTo(46);
            rs.next();
            assertThat(rs.getInt(2)).isEqualTo(50);
            assertThat(rs.getInt(3)).isEqualTo(50);
        }
    }

    @Test
    void goldMetersCarryKeyedPseudonymsNotRawOrUnsaltedHashes() throws SQLException {
        bronze.deliver(1, MPAN_A, DAY, BronzeFixture.day(DAY, 0.1), 1, received(DAY.plusDays(1), 6));
        run();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT mpan, mpan_pseudonym, sha256(mpan), region FROM gold.meters ORDER BY mpan")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(MPAN_A);
            assertThat(rs.getString(2)).isEqualTo(workspace.pseudonyms().pseudonym(MPAN_A)).doesNotContain(MPAN_A)
                    .isNotEqualTo("P" + rs.getString(3).substring(0, 16));
            assertThat(rs.getString(4)).isEqualTo("Eastern England");
        }
    }

    private long silverCount(String mpan) throws SQLException {
        return single("SELECT count(*) FROM silver.hh_readings JOIN silver.meters USING (meter_id) WHERE mpan = ?", mpan);
    }

    private long goldCount() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM gold.consumption_half_hourly")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Integer> silverVersions(String mpan) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT version FROM silver.hh_readings JOIN silver.meters USING (meter_id) WHERE mpan = ?")) {
            ps.setString(1, mpan);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getInt(1));
                }
            }
        }
        return versions;
    }

    private double goldKwh(String mpan, LocalDate date, int period) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT kwh FROM gold.consumption_half_hourly WHERE mpan = ? AND settlement_date = ? AND settlement_period = ?")) {
            ps.setString(1, mpan);
            ps.setObject(2, date);
            ps.setInt(3, period);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("gold reading for %s %s SP%d", mpan, date, period).isTrue();
                double kwh = rs.getDouble(1);
                assertThat(rs.next()).as("exactly one gold reading").isFalse();
                return kwh;
            }
        }
    }

    private double dailyTotal(String mpan, LocalDate date) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT kwh_total FROM gold.consumption_daily JOIN gold.meters USING (meter_id) WHERE mpan = ? AND settlement_date = ?")) {
            ps.setString(1, mpan);
            ps.setObject(2, date);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    private List<Instant> periodStarts(String mpan, LocalDate date) throws SQLException {
        List<Instant> starts = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT settlement_period, epoch_ms(interval_start_utc) "
                + "FROM gold.consumption_half_hourly WHERE mpan = ? AND settlement_date = ? ORDER BY settlement_period")) {
            ps.setString(1, mpan);
            ps.setObject(2, date);
            try (ResultSet rs = ps.executeQuery()) {
                int expected = 1;
                while (rs.next()) {
                    assertThat(rs.getInt(1)).isEqualTo(expected++);
                    starts.add(Instant.ofEpochMilli(rs.getLong(2)));
                }
            }
        }
        return starts;
    }

    private long single(String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
