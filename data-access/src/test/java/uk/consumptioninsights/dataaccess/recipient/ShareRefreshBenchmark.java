package uk.consumptioninsights.dataaccess.recipient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import uk.consumptioninsights.dataaccess.sharing.DeltaSharingClient;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChanges;
import uk.consumptioninsights.dataaccess.sharing.DownloadedTable;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingClientSettings;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaSharingServerFixture;
import uk.consumptioninsights.dataaccess.sharing.fixture.FixtureDuckDb;
import uk.consumptioninsights.dataaccess.sharing.fixture.SharingFixtureData;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLayout;
import uk.consumptioninsights.model.work.Progress;

/**
 * Benchmark harness (not a test), issue 14: a shared table of about 10 million half-hourly rows with change data feed,
 * loaded whole over loopback into a recipient workspace; the provider then changes about 1 % of its rows in three
 * commits (corrections, withdrawn readings, late readings for new meters), and Refresh brings the copy up to date
 * through the change data feed. Prints both
 * loads' bytes and seconds and their ratios, then the same refresh taken as a snapshot (what a table without change
 * data feed costs, cached files reused).
 * {@code mvn -q install -DskipTests && mvn -q -pl data-access exec:java@share-refresh-benchmark
 * [-Dexec.args="10000000 [scattered]"]}.
 */
public final class ShareRefreshBenchmark {

    private static final String TOKEN = "benchmark-token-not-a-secret";
    private static final SharedTable TABLE = new SharedTable(SharingFixtureData.SHARE, SharingFixtureData.SCHEMA,
            SharingFixtureData.CONSUMPTION);

    private ShareRefreshBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        boolean scattered = args.length > 1 && args[1].equals("scattered");
        Path dir = Files.createTempDirectory("ciw-refresh-bench");
        try {
            run(rows, scattered, dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(long rows, boolean scattered, Path dir) throws Exception {
        long t0 = System.nanoTime();
        SharingFixtureData.Size size = SharingFixtureData.Size.ofRows(rows, 30);
        SharingFixtureData.SharedTables tables = SharingFixtureData.generatedWithChangeDataFeed(dir.resolve("share"), size);
        System.out.printf(Locale.UK, "Shared table with change data feed: %,d rows (built in %.1f s), %d cores%n",
                tables.consumptionRows(), (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors());
        try (DeltaSharingServerFixture server = DeltaSharingServerFixture.start(TOKEN, Duration.ofHours(1))) {
            tables.shareOn(server, true);
            SharingProfile profile = SharingProfile.parse(server.profileV1Json(null));
            try (DeltaSharingClient client = new DeltaSharingClient(profile,
                    SharingClientSettings.defaults().withCacheDir(dir.resolve("cache")));
                 LocalWorkspace copy = LocalWorkspace.open(dir.resolve("copy.duckdb"), WorkspaceLayout.RECIPIENT);
                 LocalWorkspace whole = LocalWorkspace.open(dir.resolve("whole.duckdb"), WorkspaceLayout.RECIPIENT)) {
                long a = System.nanoTime();
                DownloadedTable downloaded = client.download(client.query(TABLE, QueryOptions.latest()), Progress.NONE);
                RecipientLoad.Loaded loaded = RecipientLoad.load(copy, SharingFixtureData.SHARE, "loopback",
                        SharedTableFiles.from(TABLE.qualifiedName(), downloaded), Optional.empty(), Progress.NONE);
                double fullSeconds = (System.nanoTime() - a) / 1e9;
                long fullBytes = downloaded.bytesDownloaded();
                System.out.printf(Locale.UK, "full load of version %d: %.2f s, %,d files, %.1f MB downloaded, %,d rows%n",
                        loaded.consumptionVersion(), fullSeconds, downloaded.files().size(), fullBytes / 1e6,
                        loaded.consumptionRows());
                RecipientLoad.load(whole, SharingFixtureData.SHARE, "loopback",
                        SharedTableFiles.from(TABLE.qualifiedName(), downloaded), Optional.empty(), Progress.NONE);

                long b = System.nanoTime();
                changeAboutOnePercent(tables, dir.resolve("share").resolve("generator.duckdb"), size, scattered);
                System.out.printf(Locale.UK, "provider changed the table to version %d in %.1f s%n",
                        tables.consumption().version(), (System.nanoTime() - b) / 1e9);

                long c = System.nanoTime();
                TimedFeed feed = new TimedFeed(new DeltaSharingChangeFeed(client));
                RefreshOutcome outcome = new RecipientRefresh(copy, feed, Clock.systemUTC())
                        .refresh(RecipientTable.CONSUMPTION, Progress.NONE);
                double refreshSeconds = (System.nanoTime() - c) / 1e9;
                System.out.printf(Locale.UK, "refresh by step: %s; applying in the workspace %.2f s%n", feed,
                        refreshSeconds - feed.seconds());
                if (!(outcome instanceof RefreshOutcome.ChangesApplied applied)) {
                    throw new IllegalStateException("Expected the changes to be applied, got: " + outcome.summary());
                }
                long changed = applied.changedRows();
                System.out.printf(Locale.UK, "refresh through change data feed: %.2f s, %.2f MB downloaded; %s%n",
                        refreshSeconds, applied.bytesDownloaded() / 1e6, outcome.summary());
                System.out.printf(Locale.UK, "rows changed: %,d = %.2f %% of the table; refresh/full load: bytes %.2f %%, "
                                + "time %.2f %%%n", changed, 100.0 * changed / loaded.consumptionRows(),
                        100.0 * applied.bytesDownloaded() / fullBytes, 100.0 * refreshSeconds / fullSeconds);

                long d = System.nanoTime();
                DownloadedTable again = client.download(client.query(TABLE, QueryOptions.latest()), Progress.NONE);
                RecipientLoad.replace(whole, RecipientTable.CONSUMPTION, SharedTableFiles.from(TABLE.qualifiedName(), again),
                        OptionalLong.of(again.bytesDownloaded()), "benchmark", Clock.systemUTC(), Progress.NONE);
                System.out.printf(Locale.UK, "the same refresh as a snapshot (cached files reused): %.2f s, %.1f MB "
                                + "downloaded, %,d of %,d files from the cache%n", (System.nanoTime() - d) / 1e9,
                        again.bytesDownloaded() / 1e6, again.filesFromCache(), again.files().size());
            }
        }
    }

    /**
     * About 1 % of the rows in three commits, by meter-day, as settlement data change (a delivery is one meter's day):
     * corrections restate every reading of 1/32 of the meters on the last six days (0.5 %), 1/64 of them withdraw
     * their first day's readings (0.04 %), and a day of late readings arrives for meters the share did not have
     * (0.4 %). With {@code scattered}: one half-hour of a quarter of the meters corrected and of an eighth withdrawn on
     * every day instead, the worst case for compressing the change files.
     */
    private static void changeAboutOnePercent(SharingFixtureData.SharedTables tables, Path generator,
                                              SharingFixtureData.Size size, boolean scattered) throws Exception {
        try (Connection provider = FixtureDuckDb.file(generator)) {
            if (scattered) {
                tables.consumption().update(provider, Map.of("kwh", "round(kwh * 1.05, 3)"),
                        "settlement_period = 1 AND mpan_pseudonym < 'P4'");
                tables.consumption().deleteWhere(provider, "settlement_period = 2 AND mpan_pseudonym < 'P2'");
            } else {
                tables.consumption().update(provider, Map.of("kwh", "round(kwh * 1.05, 3)"),
                        "settlement_date > DATE '%s' AND mpan_pseudonym < 'P08'".formatted(size.lastDay().minusDays(6)));
                tables.consumption().deleteWhere(provider,
                        "settlement_date = DATE '%s' AND mpan_pseudonym < 'P04'".formatted(size.firstDay()));
            }
            tables.consumption().append(provider, """
                    SELECT 'N' || substr(mpan_pseudonym, 2) AS mpan_pseudonym, gsp_group, settlement_date,
                           CAST(settlement_period AS INTEGER) AS settlement_period,
                           CAST(interval_start_utc AS TIMESTAMPTZ) AS interval_start_utc, kwh
                    FROM generated_consumption WHERE settlement_date = DATE '%s' AND mpan_pseudonym < '%s'"""
                    .formatted(size.lastDay(), "P2"));
        }
    }

    /** The benchmark's view of the share: how long each call of the refresh took. */
    private static final class TimedFeed implements ChangeFeed {

        private final ChangeFeed feed;
        private final Map<String, Double> seconds = new java.util.LinkedHashMap<>();

        TimedFeed(ChangeFeed feed) {
            this.feed = feed;
        }

        double seconds() {
            return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        private <T> T timed(String step, java.util.function.Supplier<T> call) {
            long a = System.nanoTime();
            try {
                return call.get();
            } finally {
                seconds.merge(step, (System.nanoTime() - a) / 1e9, Double::sum);
            }
        }

        @Override
        public long currentVersion(SharedTable table, Progress progress) {
            return timed("version", () -> feed.currentVersion(table, progress));
        }

        @Override
        public boolean hasChangeDataFeed(SharedTable table, Progress progress) {
            return timed("metadata", () -> feed.hasChangeDataFeed(table, progress));
        }

        @Override
        public DownloadedChanges changes(SharedTable table, long startingVersion, long endingVersion, Progress progress)
                throws ChangeHistoryUnavailable {
            long a = System.nanoTime();
            try {
                return feed.changes(table, startingVersion, endingVersion, progress);
            } finally {
                seconds.merge("changes and their download", (System.nanoTime() - a) / 1e9, Double::sum);
            }
        }

        @Override
        public OptionalLong expectedRows(SharedTable table, long version, Progress progress) {
            return timed("row count", () -> feed.expectedRows(table, version, progress));
        }

        @Override
        public DownloadedTable snapshot(SharedTable table, Progress progress) {
            return timed("snapshot", () -> feed.snapshot(table, progress));
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            seconds.forEach((step, s) -> out.append(out.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.UK, "%s %.2f s", step, s)));
            return out.toString();
        }
    }
}
