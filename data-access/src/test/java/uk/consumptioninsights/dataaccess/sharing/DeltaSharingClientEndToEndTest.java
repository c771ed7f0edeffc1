package uk.consumptioninsights.dataaccess.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.ANOMALIES;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.CONSUMPTION;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.FIRST_DAYS;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.GSP_GROUPS;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.OTHER_SHARE;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.REFERENCE_SCHEMA;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.ROWS_PER_DAY;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.SCHEMA;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.SHARE;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.TOKEN;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.fixture.RecordedRequest;
import uk.consumptioninsights.dataaccess.sharing.schema.PartitionValue;
import uk.consumptioninsights.model.work.Progress;

/** Every endpoint driven against the protocol server fixture, ending with the right data. */
class DeltaSharingClientEndToEndTest {

    @TempDir
    static Path root;
    static SharingTestBed bed;

    @BeforeAll
    static void startServer() throws Exception {
        bed = SharingTestBed.start(root);
    }

    @AfterAll
    static void stopServer() {
        bed.close();
    }

    @BeforeEach
    void noFaults() {
        bed.server.clearFaults();
        bed.server.setPageSizeCap(500);
    }

    @Test
    void listsSharesSchemasAndTables() throws Exception {
        DeltaSharingClient client = bed.client();

        assertThat(client.listShares()).containsExactlyInAnyOrder(SHARE, OTHER_SHARE);
        assertThat(client.listSchemas(SHARE)).containsExactlyInAnyOrder(SCHEMA, REFERENCE_SCHEMA);
        assertThat(client.listTables(SHARE, SCHEMA)).extracting(SharedTable::name)
                .containsExactlyInAnyOrder(CONSUMPTION, ANOMALIES);
        assertThat(client.listTables(SHARE, SCHEMA)).allSatisfy(t -> {
            assertThat(t.share()).isEqualTo(SHARE);
            assertThat(t.readableByUrl()).isTrue();
        });
        assertThat(client.listAllTables(SHARE)).extracting(SharedTable::qualifiedName).containsExactlyInAnyOrder(
                SHARE + "." + SCHEMA + "." + CONSUMPTION, SHARE + "." + SCHEMA + "." + ANOMALIES,
                SHARE + "." + REFERENCE_SCHEMA + "." + GSP_GROUPS);
    }

    @Test
    void followsPagesWhenTheServerSendsOneItemAtATime() throws Exception {
        bed.server.setPageSizeCap(1);
        DeltaSharingClient client = bed.client();
        long before = bed.count("sharing", "/all-tables");

        assertThat(client.listShares()).containsExactlyInAnyOrder(SHARE, OTHER_SHARE);
        assertThat(client.listAllTables(SHARE)).hasSize(3);
        assertThat(bed.count("sharing", "/all-tables") - before).isGreaterThanOrEqualTo(3);
        assertThat(bed.requests("sharing")).filteredOn(r -> r.pathAndQuery().contains("pageToken="))
                .allSatisfy(r -> assertThat(r.pathAndQuery()).contains("maxResults=500"));
    }

    @Test
    void unknownNamesAreNotFound() throws Exception {
        DeltaSharingClient client = bed.client();

        assertThatThrownBy(() -> client.listSchemas("no_such_share"))
                .isInstanceOf(SharingException.class)
                .satisfies(e -> assertThat(((SharingException) e).category()).isEqualTo(Category.NOT_FOUND))
                .hasMessageContaining("no_such_share");
        assertThatThrownBy(() -> client.metadata(new SharedTable(SHARE, SCHEMA, "no_such_table")))
                .isInstanceOf(SharingException.class).hasMessageContaining("no_such_table")
                .satisfies(e -> assertThat(((SharingException) e).category()).isEqualTo(Category.NOT_FOUND));
    }

    @Test
    void readsTheVersionAndMetadataWithFaithfulTypes() throws Exception {
        DeltaSharingClient client = bed.client();

        long version = client.tableVersion(bed.consumptionTable());
        TableMetadata metadata = client.metadata(bed.consumptionTable());

        assertThat(version).isEqualTo(bed.consumption.version());
        assertThat(metadata.version()).isEqualTo(version);
        assertThat(metadata.partitionColumns()).containsExactly("settlement_date");
        assertThat(metadata.columns()).extracting(DeltaColumn::name).containsExactly("mpan_pseudonym", "gsp_group",
                "settlement_date", "settlement_period", "interval_start_utc", "kwh");
        assertThat(metadata.column("SETTLEMENT_DATE")).hasValueSatisfying(c -> assertThat(c.duckdbType())
                .isEqualTo("DATE"));
        assertThat(metadata.column("interval_start_utc")).hasValueSatisfying(c -> {
            assertThat(c.deltaType()).isEqualTo("timestamp");
            assertThat(c.duckdbType()).isEqualTo("TIMESTAMPTZ");
        });
        assertThat(metadata.column("settlement_period").orElseThrow().duckdbType()).isEqualTo("INTEGER");
        assertThat(metadata.column("kwh").orElseThrow().duckdbType()).isEqualTo("DOUBLE");
        assertThat(metadata.tableId()).isNotBlank();
    }

    @Test
    void queriesEveryFileWithTypedPartitionValues() throws Exception {
        TableSnapshot snapshot = bed.client().query(bed.consumptionTable(), QueryOptions.latest());

        assertThat(snapshot.version()).isEqualTo(bed.consumption.version());
        assertThat(snapshot.files()).hasSizeGreaterThanOrEqualTo(FIRST_DAYS);
        assertThat(snapshot.files()).allSatisfy(f -> {
            assertThat(f.size()).isPositive();
            assertThat(f.url()).startsWith("http://127.0.0.1:" + bed.server.storagePort() + "/");
            assertThat(f.toString()).doesNotContain("X-Signature");
        });
        assertThat(snapshot.files()).extracting(f -> PartitionValue.forFile(snapshot.metadata(), f).get(0).value())
                .containsOnly(LocalDate.of(2024, 3, 29), LocalDate.of(2024, 3, 30), LocalDate.of(2024, 3, 31),
                        LocalDate.of(2024, 4, 1));
    }

    @Test
    void aDateRangeKeepsOnlyThoseDaysFiles() throws Exception {
        QueryOptions march30and31 = QueryOptions.latest().withDateRange("settlement_date",
                LocalDate.of(2024, 3, 30), LocalDate.of(2024, 3, 31));
        DeltaSharingClient client = bed.client();

        TableSnapshot snapshot = client.query(bed.consumptionTable(), march30and31);
        DownloadedTable table = client.download(snapshot, Progress.NONE);

        assertThat(snapshot.files()).isNotEmpty().allSatisfy(f -> assertThat(f.partitionValues().get("settlement_date"))
                .isIn("2024-03-30", "2024-03-31"));
        assertThat(SharingTestBed.rows(table)).isEqualTo(2L * ROWS_PER_DAY);
        RecordedRequest query = bed.requests("sharing").stream().filter(r -> r.pathAndQuery().endsWith("/query"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(query.headers().get("delta-sharing-capabilities")).singleElement().asString()
                .contains("responseformat=parquet").contains("includeendstreamaction=true");
    }

    @Test
    void aLimitHintAndAnOldVersionAreSentAndAnsweredWithTheRightFiles() throws Exception {
        DeltaSharingClient client = bed.client();

        TableSnapshot limited = client.query(bed.consumptionTable(), QueryOptions.latest().withLimitHint(10));
        TableSnapshot atZero = client.query(bed.consumptionTable(), QueryOptions.latest().atVersion(0));

        assertThat(limited.files()).isNotEmpty();
        assertThat(atZero.version()).isEqualTo(0);
        assertThat(SharingTestBed.rows(client.download(atZero, Progress.NONE)))
                .isEqualTo((long) FIRST_DAYS * ROWS_PER_DAY);
    }

    @Test
    void timeTravelOnATableWithoutSharedHistoryIsAClearBadRequest() throws Exception {
        assertThatThrownBy(() -> bed.client().query(bed.anomaliesTable(), QueryOptions.latest().atVersion(0)))
                .isInstanceOf(SharingException.class)
                .satisfies(e -> assertThat(((SharingException) e).category()).isEqualTo(Category.BAD_REQUEST));
    }

    @Test
    void downloadsEveryFileThenReusesTheCacheAndOpensOffline() throws Exception {
        DeltaSharingClient client = bed.client();
        TableSnapshot snapshot = client.query(bed.consumptionTable(), QueryOptions.latest());
        long storageBefore = bed.requests("storage").size();

        DownloadedTable first = client.download(snapshot, Progress.NONE);
        long storageAfterFirst = bed.requests("storage").size();
        DownloadedTable second = client.download(client.query(bed.consumptionTable(), QueryOptions.latest()),
                Progress.NONE);

        assertThat(first.files()).hasSize(snapshot.files().size()).noneMatch(DownloadedFile::fromCache);
        assertThat(first.bytesDownloaded()).isEqualTo(snapshot.totalBytes());
        assertThat(SharingTestBed.rows(first)).isEqualTo((long) bed.consumptionRowCount());
        assertThat(storageAfterFirst - storageBefore).isEqualTo(snapshot.files().size());
        assertThat(second.files()).allMatch(DownloadedFile::fromCache);
        assertThat(second.bytesDownloaded()).isZero();
        assertThat(bed.requests("storage")).hasSize((int) storageAfterFirst);
        assertThat(first.files()).allSatisfy(f -> assertThat(f.localPath())
                .hasFileName(f.file().id() + ".parquet")
                .hasParent(client.openCached(bed.consumptionTable(), QueryOptions.latest()).orElseThrow()
                        .files().get(0).localPath().getParent()));

        int sharingBefore = bed.server.requests().size();
        DownloadedTable offline = client.openCached(bed.consumptionTable(), QueryOptions.latest()).orElseThrow();
        assertThat(bed.server.requests()).hasSize(sharingBefore);
        assertThat(offline.snapshot().version()).isEqualTo(snapshot.version());
        assertThat(offline.snapshot().metadata()).isEqualTo(snapshot.metadata());
        assertThat(SharingTestBed.rows(offline)).isEqualTo(SharingTestBed.rows(first));
        assertThat(bed.cacheContents()).doesNotContain(TOKEN).doesNotContain("X-Signature");
    }

    @Test
    void downloadProgressCountsFilesAndBytes() throws Exception {
        DeltaSharingClient client = bed.client();
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        List<Double> fractions = Collections.synchronizedList(new ArrayList<>());
        Progress progress = new Progress() {
            public void report(double fraction, String message) {
                fractions.add(fraction);
                messages.add(message);
            }

            public boolean isCancelled() {
                return false;
            }
        };
        TableSnapshot snapshot = client.query(bed.consumptionTable(), QueryOptions.latest());

        client.download(snapshot, progress);

        int n = snapshot.files().size();
        assertThat(messages.get(0)).startsWith("Downloading 0 of " + n + " files");
        assertThat(messages.get(messages.size() - 1)).startsWith("Downloading " + n + " of " + n + " files");
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void cancellingADownloadLeavesNoCompleteTable() throws Exception {
        DeltaSharingClient client = bed.client();
        TableSnapshot snapshot = client.query(bed.consumptionTable(), QueryOptions.latest());
        AtomicBoolean cancelled = new AtomicBoolean();
        Progress cancelAtFirstReport = new Progress() {
            public void report(double fraction, String message) {
                cancelled.set(true);
            }

            public boolean isCancelled() {
                return cancelled.get();
            }
        };

        assertThatThrownBy(() -> client.download(snapshot, cancelAtFirstReport))
                .isInstanceOf(CancellationException.class);
        assertThat(client.openCached(bed.consumptionTable(), QueryOptions.latest())).isEmpty();
        assertThat(SharingTestBed.rows(client.download(snapshot, Progress.NONE)))
                .isEqualTo((long) bed.consumptionRowCount());
    }

    @Test
    void usesTheConfiguredProxySelectorForServerAndStorage() throws Exception {
        List<URI> asked = Collections.synchronizedList(new ArrayList<>());
        ProxySelector recording = new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                asked.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        };
        DeltaSharingClient client = new DeltaSharingClient(bed.profile(),
                bed.settings().withProxySelector(recording));

        client.download(client.query(bed.anomaliesTable(), QueryOptions.latest()), Progress.NONE);

        assertThat(asked).anyMatch(u -> u.getPort() == bed.server.sharingPort());
        assertThat(asked).anyMatch(u -> u.getPort() == bed.server.storagePort());
        assertThat(SharingClientSettings.defaults().proxySelector()).isSameAs(ProxySelector.getDefault());
    }

    @Test
    void theTokenGoesOnlyToTheSharingServerAndNeverIntoLogsOrMessages() throws Exception {
        assertThat(CapturedLogs.installed()).isTrue();
        CapturedLogs.clear();
        bed.server.inject(new uk.consumptioninsights.dataaccess.sharing.fixture.Fault(
                uk.consumptioninsights.dataaccess.sharing.fixture.Fault.Kind.FORBIDDEN_403,
                uk.consumptioninsights.dataaccess.sharing.fixture.Fault.Target.FILE, 1, null));
        int from = bed.server.requests().size();
        DeltaSharingClient client = new DeltaSharingClient(bed.profile(Instant.parse("2020-01-01T00:00:00Z")),
                bed.settings());

        client.listShares();
        client.listAllTables(SHARE);
        client.tableVersion(bed.anomaliesTable());
        client.metadata(bed.anomaliesTable());
        client.download(client.query(bed.anomaliesTable(), QueryOptions.latest()), Progress.NONE);
        SharingException failure = org.junit.jupiter.api.Assertions.assertThrows(SharingException.class,
                () -> client.listSchemas("no_such_share"));

        List<RecordedRequest> requests = bed.server.requests().subList(from, bed.server.requests().size());
        assertThat(requests).filteredOn(r -> r.server().equals("storage")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.headers()).doesNotContainKey("authorization");
            assertThat(r.pathAndQuery()).doesNotContain(TOKEN);
            assertThat(r.headers().values().toString()).doesNotContain(TOKEN);
        });
        assertThat(requests).filteredOn(r -> r.server().equals("sharing")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.headers().get("authorization")).containsExactly("Bearer " + TOKEN);
            assertThat(r.headers().get("user-agent")).singleElement().asString()
                    .startsWith("ConsumptionInsightsWorkbench/");
        });
        assertThat(failure.getMessage()).doesNotContain(TOKEN);
        String logs = CapturedLogs.all();
        assertThat(logs).contains("Refreshed download links").contains("expired");
        assertThat(logs).doesNotContain(TOKEN).doesNotContain("X-Signature=");
    }

    @Test
    void aRefreshAfterAnAppendDownloadsOnlyTheNewFiles(@TempDir Path own) throws Exception {
        try (SharingTestBed appendBed = SharingTestBed.start(own)) {
            DeltaSharingClient client = appendBed.client();
            DownloadedTable before = client.download(client.query(appendBed.consumptionTable(),
                    QueryOptions.latest()), Progress.NONE);
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
                appendBed.consumption.append(duckdb, SharingTestBed.consumptionRows(FIRST_DAYS, FIRST_DAYS + 1));
            }
            long storageBefore = appendBed.requests("storage").size();

            assertThat(client.tableVersion(appendBed.consumptionTable())).isEqualTo(before.snapshot().version() + 1);
            TableSnapshot after = client.query(appendBed.consumptionTable(), QueryOptions.latest());
            DownloadedTable refreshed = client.download(after, Progress.NONE);

            long newFiles = refreshed.files().stream().filter(f -> !f.fromCache()).count();
            assertThat(newFiles).isPositive().isEqualTo(after.files().size() - before.files().size());
            assertThat(refreshed.filesFromCache()).isEqualTo(before.files().size());
            assertThat(appendBed.requests("storage").size() - storageBefore).isEqualTo(newFiles);
            assertThat(SharingTestBed.rows(refreshed)).isEqualTo((long) (FIRST_DAYS + 1) * ROWS_PER_DAY);

            appendBed.server.close();
            DownloadedTable offline = client.openCached(appendBed.consumptionTable(), QueryOptions.latest())
                    .orElseThrow();
            assertThat(offline.snapshot().version()).isEqualTo(after.version());
            assertThat(SharingTestBed.rows(offline)).isEqualTo((long) (FIRST_DAYS + 1) * ROWS_PER_DAY);
            assertThat(client.openCached(appendBed.consumptionTable(), QueryOptions.latest().atVersion(0)))
                    .as("older versions are pruned once a newer one is complete").isEmpty();
            assertThatThrownBy(() -> client.tableVersion(appendBed.consumptionTable()))
                    .isInstanceOf(SharingException.class).hasMessageContaining("Cannot reach the sharing server");
        }
    }
}
