package uk.consumptioninsights.dataaccess.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.meter.Mpan;

class BronzeLandingTest {

    private static final String MPAN = Mpan.of(10, 1_234_567L).core();
    private static final LocalDate SPRING = LocalDate.of(2026, 3, 29);

    @TempDir
    Path dir;

    @Test
    void eachBatchLandsAsOneParquetFileHoldingExactlyItsDeliveriesWithUtcInstants() throws Exception {
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("w.duckdb"));
             Connection c = workspace.newConnection()) {
            BronzeFixture bronze = new BronzeFixture(c);
            double[] missingOne = BronzeFixture.day(SPRING, 0.1);
            missingOne[3] = Double.NaN;
            bronze.deliver(1, MPAN, SPRING, missingOne, 1, SPRING.plusDays(1).atTime(6, 0));
            bronze.deliver(2, MPAN, SPRING, BronzeFixture.day(SPRING, 0.2), 2, SPRING.plusDays(2).atTime(6, 0));
            bronze.deliver(3, MPAN, SPRING.plusDays(1), BronzeFixture.day(SPRING.plusDays(1), 0.3), 1,
                    SPRING.plusDays(2).atTime(7, 0));

            List<Path> files = new BronzeLanding(c).write(dir.resolve("landing"), 2);

            assertThat(files).extracting(f -> f.getFileName().toString())
                    .containsExactly("batch-000002.parquet", "batch-000003.parquet");
            try (Statement st = c.createStatement()) {
                for (int i = 0; i < files.size(); i++) {
                    int batch = i + 2;
                    String file = "'" + files.get(i) + "'";
                    assertThat(count(st, "SELECT count(*) FROM (SELECT delivery_id, ingest_batch, mpan, settlement_date, "
                            + "first_interval_utc, period_kwh, version, received_at_utc, source, read_type, settlement_run FROM bronze.hh_deliveries "
                            + "WHERE ingest_batch = " + batch + " EXCEPT ALL SELECT delivery_id, ingest_batch, mpan, "
                            + "settlement_date, CAST(first_interval_utc AS TIMESTAMP), period_kwh, version, "
                            + "CAST(received_at_utc AS TIMESTAMP), source, read_type, settlement_run FROM read_parquet(" + file + "))")).isZero();
                    assertThat(count(st, "SELECT count(*) FROM read_parquet(" + file + ")")).isEqualTo(1);
                }
                // The spring day starts at midnight GMT and is 46 periods long; Parquet holds the instant, not a
                // local wall-clock time.
                try (ResultSet rs = st.executeQuery("SELECT CAST(epoch(first_interval_utc) AS BIGINT), "
                        + "len(period_kwh) FROM read_parquet('" + files.get(0) + "')")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(SPRING.atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond());
                    assertThat(rs.getInt(2)).isEqualTo(46);
                }
            }
        }
    }

    @Test
    void registrationsLandAsOneFileWithTheirInstants() throws Exception {
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("w.duckdb"));
             Connection c = workspace.newConnection()) {
            new BronzeFixture(c).register(MPAN, "_C");

            Path file = new BronzeLanding(c).writeRegistrations(dir.resolve("landing"), "registrations.parquet");

            try (Statement st = c.createStatement()) {
                assertThat(count(st, "SELECT count(*) FROM (SELECT * FROM bronze.meter_registrations EXCEPT ALL "
                        + "SELECT mpan, gsp_group, customer_class, source_meter_id, source, CAST(received_at_utc AS TIMESTAMP) "
                        + "FROM read_parquet('" + file + "'))")).isZero();
                assertThat(count(st, "SELECT count(*) FROM read_parquet('" + file + "')")).isEqualTo(1);
            }
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
