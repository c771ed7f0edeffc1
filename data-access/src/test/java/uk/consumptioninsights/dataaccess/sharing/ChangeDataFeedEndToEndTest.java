package uk.consumptioninsights.dataaccess.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static uk.consumptioninsights.dataaccess.sharing.fixture.ChangeDataFeedTables.PLAIN;
import static uk.consumptioninsights.dataaccess.sharing.fixture.ChangeDataFeedTables.READINGS;
import static uk.consumptioninsights.dataaccess.sharing.fixture.ChangeDataFeedTables.SCHEMA;
import static uk.consumptioninsights.dataaccess.sharing.fixture.ChangeDataFeedTables.SHARE;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.fixture.ChangeDataFeedTables;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaCommit;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaLog;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaSharingServerFixture;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaTableReader;
import uk.consumptioninsights.dataaccess.sharing.fixture.Fault;
import uk.consumptioninsights.dataaccess.sharing.fixture.FixtureDuckDb;
import uk.consumptioninsights.dataaccess.sharing.fixture.RecordedRequest;
import uk.consumptioninsights.dataaccess.sharing.http.RetryPolicy;
import uk.consumptioninsights.model.work.Progress;

/** The change data feed, version at a time and get share, against the protocol server fixture over real HTTP. */
class ChangeDataFeedEndToEndTest {

    private static final String TOKEN = "ciw-cdf-bearer-2b7e151628aed2a6";

    @TempDir
    static Path root;
    static DeltaSharingServerFixture server;
    static ChangeDataFeedTables tables;
    static List<DeltaCommit> commits;
    private static int caches;

    @BeforeAll
    static void start() throws Exception {
        tables = ChangeDataFeedTables.build(root.resolve("tables"));
        commits = DeltaLog.read(tables.readings().dir()).commits();
        server = DeltaSharingServerFixture.start(TOKEN, Duration.ofMinutes(5));
        tables.shareOn(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void noFaults() {
        server.clearFaults();
    }

    private static DeltaSharingClient client() throws Exception {
        return new DeltaSharingClient(SharingProfile.parse(server.profileV1Json(null)), SharingClientSettings.defaults()
                .withCacheDir(root.resolve("cache-" + (++caches)))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10), 0))
                .withSleeper((d, p) -> { })
                .withDownloadParallelism(3));
    }

    private static SharedTable readings() {
        return new SharedTable(SHARE, SCHEMA, READINGS);
    }

    private static Instant committed(int version) {
        return Instant.ofEpochMilli(commits.get(version).timestamp());
    }

    /** version → the actions of that commit in the answer. */
    private static Map<Long, List<ChangeAction>> actionsByVersion(TableChanges changes) {
        return changes.files().stream().collect(Collectors.groupingBy(ChangeFile::commitVersion, TreeMap::new,
                Collectors.mapping(ChangeFile::action, Collectors.toList())));
    }

    private static List<RecordedRequest> changeRequests() {
        return server.requests().stream().filter(r -> r.pathAndQuery().contains("/changes")).toList();
    }

    @Test
    void readsEveryKindOfChangeWithItsCommitFromAVersionToTheLatest() throws Exception {
        server.clearRequests();
        TableChanges changes = client().changes(readings(), ChangeRange.fromVersion(0), Progress.NONE);

        assertThat(changes.startingVersion()).isZero();
        assertThat(changes.endingVersion()).isEqualTo(5);
        assertThat(changes.metadata().changeDataFeed()).isTrue();
        assertThat(changes.metadata().configuration()).containsEntry("delta.enableChangeDataFeed", "true");
        Map<Long, List<ChangeAction>> byVersion = actionsByVersion(changes);
        assertThat(byVersion.keySet()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(byVersion.get(0L)).containsOnly(ChangeAction.ADD);
        assertThat(byVersion.get(1L)).containsOnly(ChangeAction.ADD);
        assertThat(byVersion.get(2L)).containsOnly(ChangeAction.CDF);
        assertThat(byVersion.get(3L)).containsOnly(ChangeAction.CDF);
        assertThat(byVersion.get(4L)).containsOnly(ChangeAction.REMOVE);
        assertThat(byVersion.get(5L)).containsOnly(ChangeAction.ADD);
        assertThat(changes.files()).allSatisfy(f -> assertThat(f.commitTimestampMillis())
                .isEqualTo(commits.get((int) f.commitVersion()).timestamp()));
        // The open end is pinned to the version latest when asked, so the answer covers known versions only.
        assertThat(changeRequests()).singleElement().satisfies(r -> assertThat(r.pathAndQuery())
                .contains("startingVersion=0").contains("endingVersion=5"));
    }

    @Test
    void versionRangesIncludeBothEnds() throws Exception {
        TableChanges changes = client().changes(readings(), ChangeRange.fromVersion(2).toVersion(3), Progress.NONE);

        assertThat(changes.startingVersion()).isEqualTo(2);
        assertThat(changes.endingVersion()).isEqualTo(3);
        assertThat(actionsByVersion(changes).keySet()).containsExactly(2L, 3L);
    }

    @Test
    void timeRangesCoverTheVersionsCommittedWithinThemBothEndsIncluded() throws Exception {
        server.clearRequests();
        TableChanges exact = client().changes(readings(),
                ChangeRange.fromTimestamp(committed(2)).toTimestamp(committed(4)), Progress.NONE);
        TableChanges between = client().changes(readings(),
                ChangeRange.fromTimestamp(committed(1).plusMillis(1)).toTimestamp(committed(4).minusMillis(1)),
                Progress.NONE);

        assertThat(exact.startingVersion()).isEqualTo(2);
        assertThat(exact.endingVersion()).isEqualTo(4);
        assertThat(actionsByVersion(exact).keySet()).containsExactly(2L, 3L, 4L);
        assertThat(between.startingVersion()).isEqualTo(2);
        assertThat(between.endingVersion()).isEqualTo(3);
        assertThat(actionsByVersion(between).keySet()).containsExactly(2L, 3L);
        assertThat(changeRequests()).allSatisfy(r -> assertThat(r.pathAndQuery())
                .contains("startingTimestamp=").contains("endingTimestamp="));
    }

    @Test
    void theVersionAtATimeIsTheFirstCommittedAtOrAfterIt() throws Exception {
        DeltaSharingClient client = client();

        assertThat(client.tableVersion(readings(), committed(3), Progress.NONE)).isEqualTo(3);
        assertThat(client.tableVersion(readings(), committed(3).plusMillis(1), Progress.NONE)).isEqualTo(4);
        assertThat(client.tableVersion(readings(), committed(0).minusSeconds(3600), Progress.NONE)).isZero();
    }

    @Test
    void downloadedChangeRowsOfUpdatesAndDeletesAreExactlyTheRowsThatDifferBetweenTheTwoSnapshots() throws Exception {
        DeltaSharingClient client = client();
        TableChanges changes = client.changes(readings(), ChangeRange.fromVersion(2).toVersion(4), Progress.NONE);

        DownloadedChanges downloaded = client.download(changes, Progress.NONE);

        assertThat(downloaded.files()).hasSize(changes.files().size());
        assertThat(downloaded.bytesDownloaded()).isPositive();
        try (Connection duckdb = FixtureDuckDb.inMemory(); Statement st = duckdb.createStatement()) {
            loadChanges(st, downloaded);
            loadSnapshots(duckdb, 1, 4);
            assertThat(count(st, "(" + GONE + ") EXCEPT ALL (" + DELETED + ")")).isZero();
            assertThat(count(st, "(" + DELETED + ") EXCEPT ALL (" + GONE + ")")).isZero();
            assertThat(count(st, "(" + COME + ") EXCEPT ALL (" + INSERTED + ")")).isZero();
            assertThat(count(st, "(" + INSERTED + ") EXCEPT ALL (" + COME + ")")).isZero();
            assertThat(changeTypes(st)).isEqualTo(Map.of("update_preimage", 6L, "update_postimage", 6L,
                    "delete", 47L + 144L));
        }
    }

    @Test
    void changesOfRowsChangedMoreThanOnceNetOutToTheSnapshotDifference() throws Exception {
        DeltaSharingClient client = client();
        TableChanges changes = client.changes(readings(), ChangeRange.fromVersion(1), Progress.NONE);

        DownloadedChanges downloaded = client.download(changes, Progress.NONE);

        try (Connection duckdb = FixtureDuckDb.inMemory(); Statement st = duckdb.createStatement()) {
            loadChanges(st, downloaded);
            loadSnapshots(duckdb, 0, 5);
            // Inserted day 03 rows are updated later: what came minus what went is what the changes add up to.
            String plus = "(" + INSERTED + ") UNION ALL (" + GONE + ")";
            String minus = "(" + DELETED + ") UNION ALL (" + COME + ")";
            assertThat(count(st, "(" + plus + ") EXCEPT ALL (" + minus + ")")).isZero();
            assertThat(count(st, "(" + minus + ") EXCEPT ALL (" + plus + ")")).isZero();
            assertThat(changeTypes(st)).containsEntry("insert", 2L * 144);
        }
    }

    @Test
    void aQueryFromAStartingVersionListsTheDataFilesEachCommitAddedAndRemovedPageByPage() throws Exception {
        DeltaSharingClient client = new DeltaSharingClient(SharingProfile.parse(server.profileV1Json(null)),
                SharingClientSettings.defaults().withCacheDir(root.resolve("cache-" + (++caches)))
                        .withMaxFilesPerPage(2));
        server.clearRequests();

        TableChanges changes = client.dataChanges(readings(), 2, java.util.OptionalLong.of(4), Progress.NONE);
        DownloadedChanges downloaded = client.download(changes, Progress.NONE);

        Map<Long, List<ChangeAction>> byVersion = actionsByVersion(changes);
        assertThat(byVersion.keySet()).containsExactly(2L, 3L, 4L);
        assertThat(byVersion.get(2L)).contains(ChangeAction.REMOVE, ChangeAction.ADD).doesNotContain(ChangeAction.CDF);
        assertThat(byVersion.get(4L)).containsOnly(ChangeAction.REMOVE);
        List<RecordedRequest> pages = server.requests().stream().filter(r -> r.pathAndQuery().endsWith("/query")).toList();
        assertThat(pages).hasSizeGreaterThan(1).allSatisfy(r -> assertThat(r.body()).contains("\"startingVersion\":2")
                .contains("\"endingVersion\":4").contains("\"maxFiles\":2"));
        assertThat(pages.subList(1, pages.size())).allSatisfy(r -> assertThat(r.body()).contains("\"pageToken\":"));
        try (Connection duckdb = FixtureDuckDb.inMemory(); Statement st = duckdb.createStatement()) {
            loadChanges(st, downloaded);
            loadSnapshots(duckdb, 1, 4);
            // Rewritten files re-add the rows they kept: what came and went adds up to the snapshots' difference.
            String plus = "(" + INSERTED + ") UNION ALL (" + GONE + ")";
            String minus = "(" + DELETED + ") UNION ALL (" + COME + ")";
            assertThat(count(st, "(" + plus + ") EXCEPT ALL (" + minus + ")")).isZero();
            assertThat(count(st, "(" + minus + ") EXCEPT ALL (" + plus + ")")).isZero();
        }
    }

    @Test
    void aTableWithoutChangeDataFeedStillListsItsDataChangesWhenItsHistoryIsShared() throws Exception {
        TableChanges changes = client().dataChanges(new SharedTable(SHARE, SCHEMA, PLAIN), 1,
                java.util.OptionalLong.empty(), Progress.NONE);

        assertThat(changes.startingVersion()).isEqualTo(1);
        assertThat(changes.endingVersion()).isEqualTo(1);
        assertThat(changes.metadata().changeDataFeed()).isFalse();
        assertThat(changes.files()).extracting(ChangeFile::action).contains(ChangeAction.REMOVE, ChangeAction.ADD);
    }

    @Test
    void expiredChangeLinksAreRenewedByAskingForTheSameVersionsAgain() throws Exception {
        DeltaSharingClient client = client();
        TableChanges first = client.changes(readings(), ChangeRange.fromVersion(2).toVersion(3), Progress.NONE);
        server.inject(Fault.of(Fault.Kind.EXPIRED_URL, Fault.Target.FILE, first.files().size()));
        TableChanges expired = client.changes(readings(), ChangeRange.fromVersion(2).toVersion(3), Progress.NONE);
        server.clearRequests();

        DownloadedChanges downloaded = client.download(expired, Progress.NONE);

        assertThat(expired.files()).allSatisfy(f -> assertThat(f.file().urlExpiresBefore(Instant.now())).isTrue());
        assertThat(downloaded.files()).hasSize(expired.files().size());
        assertThat(changeRequests()).singleElement().satisfies(r -> assertThat(r.pathAndQuery())
                .contains("startingVersion=2").contains("endingVersion=3"));
        // Each link was renewed before its first use: one storage request a file, none refused.
        assertThat(server.requests()).filteredOn(r -> r.server().equals("storage"))
                .hasSize((int) expired.files().stream().map(f -> f.file().id()).distinct().count());
    }

    @Test
    void expiredDataChangeLinksOfATableWithoutChangeDataFeedAreRenewedThroughTheSameQuery() throws Exception {
        DeltaSharingClient client = client();
        SharedTable plain = new SharedTable(SHARE, SCHEMA, PLAIN);
        server.inject(Fault.of(Fault.Kind.EXPIRED_URL, Fault.Target.FILE, 100));
        TableChanges expired = client.dataChanges(plain, 1, java.util.OptionalLong.of(1), Progress.NONE);
        server.clearFaults();
        server.clearRequests();

        DownloadedChanges downloaded = client.download(expired, Progress.NONE);

        assertThat(expired.files()).allSatisfy(f -> assertThat(f.file().urlExpiresBefore(Instant.now())).isTrue());
        assertThat(downloaded.files()).hasSize(expired.files().size());
        // The change data feed is refused for this table, so the data changes are asked again the same way.
        assertThat(server.requests()).filteredOn(r -> r.pathAndQuery().endsWith("/query")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"startingVersion\":1").contains("\"endingVersion\":1"));
    }

    @Test
    void aTableThatDoesNotRecordItsChangesIsRefusedWithWhatToDoInstead() throws Exception {
        DeltaSharingClient client = client();
        SharedTable plain = new SharedTable(SHARE, SCHEMA, PLAIN);

        Throwable thrown = catchThrowable(() -> client.changes(plain, ChangeRange.fromVersion(0), Progress.NONE));

        assertThat(client.metadata(plain).changeDataFeed()).isFalse();
        assertThat(thrown).isInstanceOf(SharingException.class);
        SharingException e = (SharingException) thrown;
        assertThat(e.category()).isEqualTo(Category.UNSUPPORTED);
        assertThat(e.getMessage()).contains(SHARE + "." + SCHEMA + "." + PLAIN).contains("does not record")
                .contains("Download the whole table again").contains("delta.enableChangeDataFeed=true")
                .doesNotContain(TOKEN).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aTimeAfterTheLatestCommitIsRefusedAsTheServerPutIt() throws Exception {
        Throwable thrown = catchThrowable(() -> client().changes(readings(),
                ChangeRange.fromTimestamp(committed(5).plusSeconds(3600)), Progress.NONE));

        assertThat(thrown).isInstanceOf(SharingException.class).hasMessageContaining("after the latest version")
                .hasMessageContaining("400");
        assertThat(((SharingException) thrown).category()).isEqualTo(Category.BAD_REQUEST);
    }

    @Test
    void getShareDescribesAShareAndNamesAMissingOne() throws Exception {
        DeltaSharingClient client = client();

        Share share = client.share(SHARE);
        Throwable missing = catchThrowable(() -> client.share("no_such_share"));

        assertThat(share.name()).isEqualTo(SHARE);
        assertThat(share.id()).isNotBlank();
        assertThat(missing).isInstanceOf(SharingException.class).hasMessageContaining("no_such_share");
        assertThat(((SharingException) missing).category()).isEqualTo(Category.NOT_FOUND);
        assertThat(((SharingException) missing).httpStatus()).hasValue(404);
    }

    private static final String COLUMNS = "mpan_pseudonym, settlement_date, settlement_period, interval_start_utc, kwh";
    private static final String GONE = "SELECT " + COLUMNS + " FROM before EXCEPT ALL SELECT " + COLUMNS + " FROM after";
    private static final String COME = "SELECT " + COLUMNS + " FROM after EXCEPT ALL SELECT " + COLUMNS + " FROM before";
    private static final String DELETED = "SELECT " + COLUMNS + " FROM changes WHERE change_type IN ('delete', 'update_preimage')";
    private static final String INSERTED = "SELECT " + COLUMNS + " FROM changes WHERE change_type IN ('insert', 'update_postimage')";

    /** The table's rows at two versions, read straight from its Delta log as a Delta reader does. */
    private static void loadSnapshots(Connection duckdb, int before, int after) throws Exception {
        DeltaLog log = DeltaLog.read(tables.readings().dir());
        DeltaTableReader.readInto(duckdb, tables.readings().dir(), log.snapshot(before), "before");
        DeltaTableReader.readInto(duckdb, tables.readings().dir(), log.snapshot(after), "after");
    }

    private static Map<String, Long> changeTypes(Statement st) throws Exception {
        Map<String, Long> types = new TreeMap<>();
        try (ResultSet rs = st.executeQuery("SELECT change_type, count(*) FROM changes GROUP BY ALL")) {
            while (rs.next()) {
                types.put(rs.getString(1), rs.getLong(2));
            }
        }
        return types;
    }

    /** Every change row with its partition value from the action and its change type, as a reader builds them. */
    private static void loadChanges(Statement st, DownloadedChanges downloaded) throws Exception {
        st.execute("CREATE TABLE changes (mpan_pseudonym VARCHAR, settlement_date DATE, settlement_period INTEGER, "
                + "interval_start_utc TIMESTAMPTZ, kwh DOUBLE, change_type VARCHAR, commit_version BIGINT)");
        for (DownloadedChange change : downloaded.files()) {
            String type = switch (change.change().action()) {
                case ADD -> "'insert'";
                case REMOVE -> "'delete'";
                case CDF -> "_change_type";
            };
            String date = change.change().file().partitionValues().get("settlement_date");
            st.execute("INSERT INTO changes SELECT mpan_pseudonym, DATE '" + date + "', settlement_period, "
                    + "interval_start_utc, kwh, " + type + ", " + change.change().commitVersion() + " FROM read_parquet('"
                    + change.path().toString().replace("'", "''") + "', hive_partitioning = false)");
        }
    }

    private static long count(Statement st, String query) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + query + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
