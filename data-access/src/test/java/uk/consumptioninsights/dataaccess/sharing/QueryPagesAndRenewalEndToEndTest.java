package uk.consumptioninsights.dataaccess.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.SCHEMA;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.SHARE;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaTableWriter;
import uk.consumptioninsights.dataaccess.sharing.fixture.Fault;
import uk.consumptioninsights.dataaccess.sharing.fixture.FixtureDuckDb;
import uk.consumptioninsights.dataaccess.sharing.fixture.RecordedRequest;
import uk.consumptioninsights.model.work.Progress;

/** Query answers in pages of maxFiles files, and URL renewal through refresh tokens, against the fixture. */
class QueryPagesAndRenewalEndToEndTest {

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
        bed.server.setRefreshTokens(true);
    }

    private static List<RecordedRequest> queries(int from) {
        List<RecordedRequest> all = bed.server.requests();
        return all.subList(from, all.size()).stream().filter(r -> r.pathAndQuery().endsWith("/query")).toList();
    }

    @Test
    void aQueryAnswerIsReadPageByPageOfMaxFilesFiles() throws Exception {
        TableSnapshot whole = bed.client().query(bed.consumptionTable(), QueryOptions.latest());
        DeltaSharingClient paging = new DeltaSharingClient(bed.profile(), bed.settings().withMaxFilesPerPage(3));
        int from = bed.server.requests().size();

        TableSnapshot paged = paging.query(bed.consumptionTable(), QueryOptions.latest());
        DownloadedTable table = paging.download(paged, Progress.NONE);

        List<RecordedRequest> pages = queries(from);
        int expectedPages = (whole.files().size() + 2) / 3;
        assertThat(whole.files()).hasSizeGreaterThan(6);
        assertThat(pages).hasSize(expectedPages);
        assertThat(pages).allSatisfy(r -> assertThat(r.body()).contains("\"maxFiles\":3"));
        assertThat(pages.get(0).body()).doesNotContain("pageToken");
        assertThat(pages.subList(1, pages.size())).allSatisfy(r -> assertThat(r.body()).contains("\"pageToken\":"));
        assertThat(paged.files()).extracting(SharedFile::id)
                .containsExactlyElementsOf(whole.files().stream().map(SharedFile::id).toList());
        assertThat(paged.version()).isEqualTo(whole.version());
        assertThat(SharingTestBed.rows(table)).isEqualTo((long) bed.consumptionRowCount());
    }

    @Test
    void aRefreshTokenRenewsTheSameFilesAfterTheTableMovedOnWithoutHistorySharing() throws Exception {
        SharedTable table = movingTable("moving_with_token");
        DeltaSharingClient client = bed.client();
        bed.server.inject(Fault.of(Fault.Kind.EXPIRED_URL, Fault.Target.QUERY, 1000));
        TableSnapshot snapshot = client.query(table, QueryOptions.latest());
        bed.server.clearFaults();
        movedOn(table);
        int from = bed.server.requests().size();

        DownloadedTable downloaded = client.download(snapshot, Progress.NONE);

        assertThat(snapshot.refreshToken()).isNotBlank();
        assertThat(queries(from)).singleElement().satisfies(r -> assertThat(r.body()).contains("\"refreshToken\":"));
        assertThat(downloaded.files()).hasSize(snapshot.files().size());
        assertThat(SharingTestBed.rows(downloaded)).isEqualTo(2L * SharingTestBed.ROWS_PER_DAY);
    }

    @Test
    void withoutARefreshTokenATableThatMovedOnWithoutHistorySharingMustBeOpenedAgain() throws Exception {
        bed.server.setRefreshTokens(false);
        SharedTable table = movingTable("moving_without_token");
        DeltaSharingClient client = bed.client();
        bed.server.inject(Fault.of(Fault.Kind.EXPIRED_URL, Fault.Target.QUERY, 1000));
        TableSnapshot snapshot = client.query(table, QueryOptions.latest());
        bed.server.clearFaults();
        movedOn(table);

        Throwable thrown = catchThrowable(() -> client.download(snapshot, Progress.NONE));

        assertThat(snapshot.refreshToken()).isNull();
        assertThat(thrown).isInstanceOf(SharingException.class).hasMessageContaining("changed while it was downloading")
                .hasMessageContaining("Open the table again");
        assertThat(((SharingException) thrown).category()).isEqualTo(Category.STORAGE);
    }

    private static final java.util.Map<String, DeltaTableWriter> WRITERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Two days of readings, shared without history, so the latest snapshot is all a plain query can see. */
    private static SharedTable movingTable(String name) throws Exception {
        try (Connection duckdb = FixtureDuckDb.inMemory()) {
            DeltaTableWriter writer = DeltaTableWriter.create(root.resolve("tables/" + name), duckdb,
                    SharingTestBed.consumptionRows(0, 2), "settlement_date", 100);
            WRITERS.put(name, writer);
            bed.server.share(SHARE, SCHEMA, name, writer.dir(), false);
        }
        return new SharedTable(SHARE, SCHEMA, name);
    }

    /** The table's first day is deleted: its files leave the latest snapshot. */
    private static void movedOn(SharedTable table) throws Exception {
        WRITERS.get(table.name()).deletePartition("2024-03-29");
    }
}
