package uk.consumptioninsights.dataaccess.sharing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaSharingServerFixture;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaTableWriter;
import uk.consumptioninsights.dataaccess.sharing.fixture.RecordedRequest;
import uk.consumptioninsights.dataaccess.sharing.http.RetryPolicy;

/**
 * A sharing server fixture serving small real Delta tables, and clients set up for fast tests: retries wait for no
 * real time (the waits are recorded instead), timeouts are short, each client gets its own cache folder.
 */
final class SharingTestBed implements AutoCloseable {

    static final String TOKEN = "ciw-e2e-bearer-7f3a9c2e5d1b4a60";
    static final String SHARE = "elexon_consumption";
    static final String SCHEMA = "curated";
    static final String CONSUMPTION = "consumption_half_hourly";
    static final String ANOMALIES = "anomalies";
    static final String REFERENCE_SCHEMA = "reference";
    static final String GSP_GROUPS = "gsp_groups";
    static final String OTHER_SHARE = "elexon_other";
    /** 3 meters × 48 periods per day, 100 rows a file: two files per day. */
    static final int ROWS_PER_DAY = 3 * 48;
    static final int FIRST_DAYS = 4;

    final DeltaSharingServerFixture server;
    final Path root;
    final DeltaTableWriter consumption;
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private int caches;

    private SharingTestBed(DeltaSharingServerFixture server, Path root, DeltaTableWriter consumption) {
        this.server = server;
        this.root = root;
        this.consumption = consumption;
    }

    static SharingTestBed start(Path root) throws Exception {
        DeltaSharingServerFixture server = DeltaSharingServerFixture.start(TOKEN, Duration.ofMinutes(5));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            DeltaTableWriter consumption = DeltaTableWriter.create(root.resolve("tables/consumption"), duckdb,
                    consumptionRows(0, FIRST_DAYS), "settlement_date", 100);
            DeltaTableWriter anomalies = DeltaTableWriter.create(root.resolve("tables/anomalies"), duckdb,
                    "SELECT 'A' || CAST(i AS VARCHAR) AS anomaly_id, 'P000' || CAST(i % 3 AS VARCHAR) AS mpan_pseudonym,"
                            + " DATE '2024-03-29' + CAST(i % 4 AS INTEGER) AS settlement_date,"
                            + " CAST(i AS DOUBLE) / 10 AS score, 'Theft: flat profile' AS reason"
                            + " FROM range(0, 12) t(i)", "settlement_date", 10);
            DeltaTableWriter groups = DeltaTableWriter.create(root.resolve("tables/gsp_groups"), duckdb,
                    "SELECT '_' || chr(65 + CAST(i AS INTEGER)) AS gsp_group, 'Region ' || CAST(i AS VARCHAR) AS name"
                            + " FROM range(0, 14) t(i)", null, 100);
            server.share(SHARE, SCHEMA, CONSUMPTION, consumption.dir(), true);
            server.share(SHARE, SCHEMA, ANOMALIES, anomalies.dir(), false);
            server.share(SHARE, REFERENCE_SCHEMA, GSP_GROUPS, groups.dir(), false);
            server.share(OTHER_SHARE, SCHEMA, GSP_GROUPS, groups.dir(), false);
            return new SharingTestBed(server, root, consumption);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    /** Rows for settlement days {@code firstDay} (0 = 2024-03-29) up to but not including {@code endDay}. */
    static String consumptionRows(int firstDay, int endDay) {
        return "SELECT 'P000' || CAST(m AS VARCHAR) AS mpan_pseudonym, '_A' AS gsp_group,"
                + " DATE '2024-03-29' + CAST(d AS INTEGER) AS settlement_date,"
                + " CAST(p AS INTEGER) AS settlement_period,"
                + " TIMESTAMPTZ '2024-03-29 00:00:00+00' + to_minutes(CAST(d * 1440 + (p - 1) * 30 AS BIGINT))"
                + " AS interval_start_utc,"
                + " CAST((m * 7 + p) % 10 AS DOUBLE) / 10 AS kwh"
                + " FROM range(0, 3) a(m), range(" + firstDay + ", " + endDay + ") b(d), range(1, 49) c(p)";
    }

    /** Rows of the consumption table as first written. */
    int consumptionRowCount() {
        return FIRST_DAYS * ROWS_PER_DAY;
    }

    SharingProfile profile() throws Exception {
        return SharingProfile.parse(server.profileV1Json(null));
    }

    SharingProfile profile(Instant expirationTime) throws Exception {
        return SharingProfile.parse(server.profileV1Json(expirationTime));
    }

    /** Fast settings: no real waiting between retries, short timeouts, a fresh cache folder. */
    SharingClientSettings settings() {
        return SharingClientSettings.defaults()
                .withCacheDir(root.resolve("cache-" + (++caches)))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetryPolicy(new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5),
                        Duration.ofSeconds(30), 0.5))
                .withSleeper((duration, progress) -> waits.add(duration))
                .withDownloadParallelism(3);
    }

    DeltaSharingClient client() throws Exception {
        return new DeltaSharingClient(profile(), settings());
    }

    SharedTable consumptionTable() {
        return new SharedTable(SHARE, SCHEMA, CONSUMPTION);
    }

    SharedTable anomaliesTable() {
        return new SharedTable(SHARE, SCHEMA, ANOMALIES);
    }

    List<RecordedRequest> requests(String serverName) {
        return server.requests().stream().filter(r -> r.server().equals(serverName)).collect(Collectors.toList());
    }

    long count(String serverName, String pathPart) {
        return requests(serverName).stream().filter(r -> r.pathAndQuery().contains(pathPart)).count();
    }

    /** The rows of a downloaded table, read back with DuckDB: proves the files are complete Parquet. */
    static long rows(DownloadedTable table) throws SQLException {
        if (table.files().isEmpty()) {
            return 0;
        }
        String files = table.files().stream().map(f -> "'" + f.localPath().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM read_parquet([" + files + "])")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every file under the cache folders, as text, to search for secrets. */
    String cacheContents() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().contains("/cache-")).collect(Collectors.toList())) {
                all.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
