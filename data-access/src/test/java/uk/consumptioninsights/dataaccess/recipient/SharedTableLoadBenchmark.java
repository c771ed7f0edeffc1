package uk.consumptioninsights.dataaccess.recipient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import uk.consumptioninsights.dataaccess.sharing.DeltaSharingClient;
import uk.consumptioninsights.dataaccess.sharing.DownloadedTable;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingClientSettings;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaSharingServerFixture;
import uk.consumptioninsights.dataaccess.sharing.fixture.SharingFixtureData;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLayout;
import uk.consumptioninsights.model.work.Progress;

/**
 * Benchmark harness (not a test): a shared table of about 10 million half-hourly rows loaded from the protocol fixture
 * over loopback (query, parallel download into an empty cache, copy into a recipient workspace) against the limit:
 * DuckDB reading the same Parquet files straight from disk into a table. Then a second open of the same version, which
 * must download nothing. Prints every figure of one run.
 * {@code mvn -q install -DskipTests && mvn -q -pl data-access exec:java@share-load-benchmark [-Dexec.args="10000000 3"]}.
 */
public final class SharedTableLoadBenchmark {

    private static final String TOKEN = "benchmark-token-not-a-secret";

    private SharedTableLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("ciw-share-bench");
        try {
            long t0 = System.nanoTime();
            SharingFixtureData.SharedTables tables = SharingFixtureData.generated(dir.resolve("share"),
                    SharingFixtureData.Size.ofRows(rows, 30));
            System.out.printf(Locale.UK, "Shared table: %,d rows in %s (built in %.1f s), %d cores%n",
                    tables.consumptionRows(), tables.consumption().dir(), (System.nanoTime() - t0) / 1e9,
                    Runtime.getRuntime().availableProcessors());
            try (DeltaSharingServerFixture server = DeltaSharingServerFixture.start(TOKEN, Duration.ofHours(1))) {
                tables.shareOn(server, false);
                SharingProfile profile = SharingProfile.parse(server.profileV1Json(null));
                SharedTable table = new SharedTable(SharingFixtureData.SHARE, SharingFixtureData.SCHEMA,
                        SharingFixtureData.CONSUMPTION);
                for (int round = 1; round <= rounds; round++) {
                    Path cache = dir.resolve("cache-" + round);
                    double limit = directRead(tables.consumption().dir(), dir.resolve("direct-" + round + ".duckdb"));
                    try (DeltaSharingClient client = new DeltaSharingClient(profile,
                            SharingClientSettings.defaults().withCacheDir(cache));
                         LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("recipient-" + round + ".duckdb"),
                                 WorkspaceLayout.RECIPIENT)) {
                        long a = System.nanoTime();
                        DownloadedTable downloaded = client.download(client.query(table, QueryOptions.latest()), Progress.NONE);
                        long b = System.nanoTime();
                        RecipientLoad.Loaded loaded = RecipientLoad.load(workspace, SharingFixtureData.SHARE, "loopback",
                                SharedTableFiles.from("benchmark", downloaded), Optional.empty(), Progress.NONE);
                        long c = System.nanoTime();
                        double load = (c - a) / 1e9;
                        System.out.printf(Locale.UK, "round %d: share load %.2f s (query + download %.2f s: %,d files, "
                                        + "%.1f MB; copy into DuckDB %.2f s) for %,d rows; direct read from disk %.2f s; "
                                        + "ratio direct/share %.2f%n", round, load, (b - a) / 1e9, downloaded.files().size(),
                                downloaded.bytesDownloaded() / 1e6, (c - b) / 1e9, loaded.consumptionRows(), limit, limit / load);
                        long d = System.nanoTime();
                        DownloadedTable again = client.download(client.query(table, QueryOptions.latest()), Progress.NONE);
                        System.out.printf(Locale.UK, "round %d: second open of version %d: %.2f s, %,d bytes downloaded, "
                                        + "%,d of %,d files from the cache%n", round, again.snapshot().version(),
                                (System.nanoTime() - d) / 1e9, again.bytesDownloaded(), again.filesFromCache(),
                                again.files().size());
                    }
                }
                long storageRequests = server.requests().stream().filter(r -> r.server().equals("storage")).count();
                System.out.printf(Locale.UK, "storage requests in all rounds: %,d%n", storageRequests);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The limit: DuckDB reads the Delta table's Parquet files (hive-partitioned by date) straight into a table. */
    private static double directRead(Path tableDir, Path database) throws Exception {
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database, props); Statement st = c.createStatement()) {
            long a = System.nanoTime();
            st.execute("CREATE TABLE direct AS SELECT mpan_pseudonym, gsp_group, CAST(settlement_date AS DATE) AS settlement_date, "
                    + "settlement_period, CAST(interval_start_utc AS TIMESTAMP) AS interval_start_utc, kwh FROM read_parquet('"
                    + tableDir + "/**/*.parquet', hive_partitioning = true)");
            double seconds = (System.nanoTime() - a) / 1e9;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM direct")) {
                rs.next();
                System.out.printf(Locale.UK, "direct read: %,d rows%n", rs.getLong(1));
            }
            return seconds;
        }
    }
}
