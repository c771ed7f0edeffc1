package uk.consumptioninsights.dataaccess.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.SCHEMA;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.SHARE;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.TOKEN;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.fixture.Fault;
import uk.consumptioninsights.dataaccess.sharing.fixture.Fault.Kind;
import uk.consumptioninsights.dataaccess.sharing.fixture.Fault.Target;
import uk.consumptioninsights.dataaccess.sharing.fixture.RecordedRequest;
import uk.consumptioninsights.model.work.Progress;

/**
 * Every fault the fixture can inject, each ending with the right data or a clear {@link SharingException}, never a
 * {@link DownloadedTable} missing files.
 */
class FaultsEndToEndTest {

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
        bed.server.setPageSizeCap(500);
        bed.waits.clear();
    }

    private static void inject(Kind kind, Target target, int times) {
        bed.server.inject(new Fault(kind, target, times, null));
    }

    private static SharingException failure(ThrowingCallable call, Category category) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(SharingException.class);
        SharingException e = (SharingException) thrown;
        assertThat(e.category()).as(e.getMessage()).isEqualTo(category);
        assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("X-Signature").doesNotContain("Exception");
        return e;
    }

    /** Downloads the anomalies table and checks it is complete, as a table shown to the user must be. */
    private static DownloadedTable downloadComplete(DeltaSharingClient client) throws Exception {
        DownloadedTable table = client.download(client.query(bed.anomaliesTable(), QueryOptions.latest()),
                Progress.NONE);
        assertThat(table.files()).hasSize(table.snapshot().files().size());
        assertThat(SharingTestBed.rows(table)).isEqualTo(12);
        return table;
    }

    private static void assertNothingCached(DeltaSharingClient client) {
        assertThat(client.openCached(bed.anomaliesTable(), QueryOptions.latest())).isEmpty();
    }

    @Test
    void unauthorizedIsNotRetriedAndExplainsAnExpiredToken() throws Exception {
        inject(Kind.UNAUTHORIZED_401, Target.LIST, 1);
        DeltaSharingClient client = new DeltaSharingClient(bed.profile(Instant.parse("2021-11-12T00:12:29.0Z")),
                bed.settings());
        long before = bed.count("sharing", "/shares");

        SharingException e = failure(client::listShares, Category.AUTH);

        assertThat(e.httpStatus()).hasValue(401);
        assertThat(e.getMessage()).contains("expired on 2021-11-12 00:12 UTC").contains("new profile file");
        assertThat(bed.count("sharing", "/shares") - before).isEqualTo(1);
        assertThat(bed.waits).isEmpty();
    }

    @Test
    void unauthorizedOnAQueryWithAValidProfile() throws Exception {
        inject(Kind.UNAUTHORIZED_401, Target.QUERY, 1);

        SharingException e = failure(() -> bed.client().query(bed.anomaliesTable(), QueryOptions.latest()),
                Category.AUTH);

        assertThat(e.getMessage()).contains("revoked or replaced");
    }

    @Test
    void forbiddenFromTheSharingServerAsksForAccess() throws Exception {
        inject(Kind.FORBIDDEN_403, Target.METADATA, 1);

        SharingException e = failure(() -> bed.client().metadata(bed.anomaliesTable()), Category.AUTH);

        assertThat(e.httpStatus()).hasValue(403);
        assertThat(e.getMessage()).contains("grant you access");
    }

    @Test
    void forbiddenFromStorageRefreshesTheUrlsFromTheLatestSnapshotWhenHistoryIsNotShared() throws Exception {
        // A server without refresh tokens: pinning the version is tried, refused, and the latest snapshot used.
        bed.server.setRefreshTokens(false);
        DeltaSharingClient client = bed.client();
        inject(Kind.FORBIDDEN_403, Target.FILE, 1);
        int from = bed.server.requests().size();

        downloadComplete(client);

        List<String> queryBodies = bed.server.requests().subList(from, bed.server.requests().size()).stream()
                .filter(r -> r.pathAndQuery().endsWith("/query")).map(RecordedRequest::body).toList();
        assertThat(queryBodies).hasSize(3);
        assertThat(queryBodies.get(1)).contains("\"version\":0");
        assertThat(queryBodies.get(2)).doesNotContain("version");
    }

    @Test
    void forbiddenFromStorageEveryTimeEndsWithAClearErrorAndNothingCached() throws Exception {
        DeltaSharingClient client = bed.client();
        inject(Kind.FORBIDDEN_403, Target.FILE, 1000);

        SharingException e = failure(() -> downloadComplete(client), Category.STORAGE);

        assertThat(e.getMessage()).contains("kept expiring or being refused");
        assertNothingCached(client);
    }

    @Test
    void notFoundForAllTablesFallsBackToSchemasAndTables() throws Exception {
        inject(Kind.NOT_FOUND_404, Target.LIST, 1);

        assertThat(bed.client().listAllTables(SHARE)).hasSize(3);
    }

    @Test
    void notFoundOnAQueryIsClear() throws Exception {
        inject(Kind.NOT_FOUND_404, Target.QUERY, 1);

        SharingException e = failure(() -> bed.client().query(bed.anomaliesTable(), QueryOptions.latest()),
                Category.NOT_FOUND);

        assertThat(e.getMessage()).contains(bed.anomaliesTable().qualifiedName());
    }

    @Test
    void notFoundFromStorageRefreshesTheUrlsAndCompletes() throws Exception {
        inject(Kind.NOT_FOUND_404, Target.FILE, 1);

        downloadComplete(bed.client());
    }

    @Test
    void tooManyRequestsWaitsAsToldThenSucceeds() throws Exception {
        bed.server.inject(new Fault(Kind.TOO_MANY_REQUESTS_429, Target.QUERY, 2, Duration.ofSeconds(3)));

        downloadComplete(bed.client());

        assertThat(bed.waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void tooManyRequestsForTooLongGivesUpClearly() throws Exception {
        bed.server.inject(new Fault(Kind.TOO_MANY_REQUESTS_429, Target.VERSION, 100, Duration.ofSeconds(1)));

        SharingException e = failure(() -> bed.client().tableVersion(bed.anomaliesTable()), Category.RATE_LIMITED);

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("busy").contains("tried 4 times");
    }

    @Test
    void tooManyRequestsFromStorageIsRetried() throws Exception {
        bed.server.inject(new Fault(Kind.TOO_MANY_REQUESTS_429, Target.FILE, 2, Duration.ofSeconds(2)));

        downloadComplete(bed.client());

        assertThat(bed.waits).contains(Duration.ofSeconds(2));
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() throws Exception {
        inject(Kind.SERVER_ERROR_500, Target.VERSION, 2);

        assertThat(bed.client().tableVersion(bed.anomaliesTable())).isEqualTo(0);

        assertThat(bed.waits).hasSize(2);
        assertThat(bed.waits.get(1)).isGreaterThan(bed.waits.get(0).dividedBy(2));
    }

    @Test
    void serverErrorsThatPersistEndWithAClearRetryableError() throws Exception {
        inject(Kind.SERVER_ERROR_500, Target.METADATA, 100);

        SharingException e = failure(() -> bed.client().metadata(bed.anomaliesTable()), Category.SERVER);

        assertThat(e.retryable()).isTrue();
        assertThat(e.httpStatus()).hasValue(500);
        assertThat(e.getMessage()).contains("tried 4 times").contains("Try again later");
    }

    @Test
    void storageErrorsThatPersistFailTheDownloadWithNothingCached() throws Exception {
        DeltaSharingClient client = bed.client();
        inject(Kind.SERVER_ERROR_500, Target.FILE, 1000);

        failure(() -> downloadComplete(client), Category.STORAGE);

        assertNothingCached(client);
    }

    @Test
    void aSlowServerTimesOutAndIsAskedAgain() throws Exception {
        bed.server.inject(Fault.slow(Target.METADATA, Duration.ofMillis(3500)));

        assertThat(bed.client().metadata(bed.anomaliesTable()).partitionColumns()).containsExactly("settlement_date");

        assertThat(bed.waits).hasSize(1);
    }

    /**
     * The recipient's network drops out mid-session: the call fails after its tries with a message naming the problem,
     * and once the servers answer again the next call is answered at its first try and a download completes; nothing
     * from the unanswered requests (a kept-alive connection, say) is reused.
     */
    @Test
    void aServerThatStopsAnsweringFailsTheCallAndTheFirstCallAfterItIsBackSucceeds() throws Exception {
        DeltaSharingClient client = bed.client();
        assertThat(client.metadata(bed.anomaliesTable()).partitionColumns()).containsExactly("settlement_date");

        bed.server.stopAnswering();
        try {
            SharingException e = failure(() -> client.metadata(bed.anomaliesTable()), Category.NETWORK);
            assertThat(e.getMessage()).contains("did not answer in time");
        } finally {
            bed.server.resumeAnswering();
        }
        assertThat(bed.server.unansweredCount()).as("every try was left unanswered").isEqualTo(4);

        bed.waits.clear();
        assertThat(client.metadata(bed.anomaliesTable()).partitionColumns()).containsExactly("settlement_date");
        assertThat(bed.waits).as("no retry after the server is back").isEmpty();
        downloadComplete(client);
    }

    @Test
    void aSlowStorageDownloadTimesOutAndIsFetchedAgain() throws Exception {
        bed.server.inject(Fault.slow(Target.FILE, Duration.ofMillis(3500)));

        downloadComplete(bed.client());
    }

    @Test
    void truncatedFilesAreDownloadedAgain() throws Exception {
        inject(Kind.TRUNCATED_FILE, Target.FILE, 2);

        downloadComplete(bed.client());

        assertThat(bed.waits).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void filesThatAreAlwaysTruncatedFailWithNothingCached() throws Exception {
        DeltaSharingClient client = bed.client();
        inject(Kind.TRUNCATED_FILE, Target.FILE, 1000);

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> downloadComplete(client));

        assertThat(thrown).isInstanceOf(SharingException.class);
        assertThat(((SharingException) thrown).category()).isIn(Category.STORAGE, Category.NETWORK);
        assertThat(thrown.getMessage()).contains("tried 4 times");
        assertNothingCached(client);
    }

    @Test
    void urlsIssuedAlreadyExpiredAreRenewedThroughTheRefreshTokenBeforeDownloading() throws Exception {
        DeltaSharingClient client = bed.client();
        inject(Kind.EXPIRED_URL, Target.QUERY, 1);
        TableSnapshot snapshot = client.query(bed.consumptionTable(), QueryOptions.latest());
        int from = bed.server.requests().size();

        DownloadedTable table = client.download(snapshot, Progress.NONE);

        List<RecordedRequest> requests = bed.server.requests().subList(from, bed.server.requests().size());
        assertThat(snapshot.refreshToken()).isNotBlank();
        assertThat(snapshot.toString()).doesNotContain(snapshot.refreshToken());
        assertThat(requests).filteredOn(r -> r.pathAndQuery().endsWith("/query")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"refreshToken\":\"" + snapshot.refreshToken() + "\"")
                        .doesNotContain("\"version\""));
        assertThat(requests).filteredOn(r -> r.server().equals("storage")).hasSize(table.files().size());
        assertThat(SharingTestBed.rows(table)).isEqualTo((long) bed.consumptionRowCount());
        assertThat(bed.cacheContents()).doesNotContain(snapshot.refreshToken());
    }

    @Test
    void withoutARefreshTokenExpiredUrlsAreRefreshedByAskingAgainAtTheSameVersion() throws Exception {
        bed.server.setRefreshTokens(false);
        DeltaSharingClient client = bed.client();
        inject(Kind.EXPIRED_URL, Target.QUERY, 1);
        TableSnapshot snapshot = client.query(bed.consumptionTable(), QueryOptions.latest());
        assertThat(snapshot.refreshToken()).isNull();
        int from = bed.server.requests().size();

        DownloadedTable table = client.download(snapshot, Progress.NONE);

        List<RecordedRequest> requests = bed.server.requests().subList(from, bed.server.requests().size());
        assertThat(requests).filteredOn(r -> r.pathAndQuery().endsWith("/query")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"version\":" + snapshot.version()));
        assertThat(requests).filteredOn(r -> r.server().equals("storage")).hasSize(table.files().size())
                .noneMatch(r -> r.body().contains("expired"));
        assertThat(SharingTestBed.rows(table)).isEqualTo((long) bed.consumptionRowCount());
    }

    @Test
    void expiredUrlsRefusedByStorageAreRefreshedMidLoad() throws Exception {
        // A clock far in the past never sees a URL as expiring, so only storage's 403 can trigger the refresh.
        DeltaSharingClient client = new DeltaSharingClient(bed.profile(),
                bed.settings().withUrlRefresh(3, Duration.ZERO).withClock(
                        java.time.Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), java.time.ZoneOffset.UTC)));
        inject(Kind.EXPIRED_URL, Target.QUERY, 2);
        CapturedLogs.clear();
        int from = bed.server.requests().size();

        DownloadedTable table = downloadComplete(client);

        List<RecordedRequest> requests = bed.server.requests().subList(from, bed.server.requests().size());
        assertThat(requests).filteredOn(r -> r.server().equals("storage")).hasSize(table.files().size() + 2);
        // The query, then one renewal through its refresh token gives both refused files fresh links.
        assertThat(requests).filteredOn(r -> r.pathAndQuery().endsWith("/query")).hasSize(2);
        assertThat(CapturedLogs.all()).contains("Storage answered 403").contains("Refreshed download links");
    }

    @Test
    void urlsThatKeepExpiringEndWithAClearErrorAndNothingCached() throws Exception {
        DeltaSharingClient client = bed.client();
        inject(Kind.EXPIRED_URL, Target.QUERY, 1000);

        SharingException e = failure(() -> downloadComplete(client), Category.STORAGE);

        assertThat(e.getMessage()).contains("kept expiring");
        assertNothingCached(client);
    }

    @Test
    void aMalformedMetadataLineNamesTheLine() throws Exception {
        inject(Kind.MALFORMED_NDJSON_LINE, Target.METADATA, 1);

        SharingException e = failure(() -> bed.client().metadata(bed.anomaliesTable()), Category.PROTOCOL);

        assertThat(e.getMessage()).containsPattern("[Ll]ine \\d");
    }

    @Test
    void aMalformedQueryLineFailsTheQuery() throws Exception {
        inject(Kind.MALFORMED_NDJSON_LINE, Target.QUERY, 1);

        SharingException e = failure(() -> bed.client().query(bed.anomaliesTable(), QueryOptions.latest()),
                Category.PROTOCOL);

        assertThat(e.getMessage()).containsPattern("[Ll]ine \\d");
    }

    @Test
    void anErrorAtTheEndOfAnOkStreamFailsTheQuery() throws Exception {
        inject(Kind.ERROR_IN_STREAM, Target.QUERY, 1);

        SharingException e = failure(() -> bed.client().query(bed.anomaliesTable(), QueryOptions.latest()),
                Category.SERVER);

        assertThat(e.getMessage()).contains("reported an error");
    }

    @Test
    void anEndlessPageTokenIsStopped() throws Exception {
        inject(Kind.ENDLESS_PAGE_TOKEN, Target.LIST, 1000);

        SharingException e = failure(() -> bed.client().listShares(), Category.PROTOCOL);

        assertThat(e.getMessage()).contains("same page token twice");
    }

    @Test
    void faultsOnAnyRequestStillEndCleanly() throws Exception {
        inject(Kind.SERVER_ERROR_500, Target.ANY, 2);

        downloadComplete(bed.client());
    }

    /** A client with the test bed's fast settings and these limits. */
    private static DeltaSharingClient limitedClient(SharingLimits limits) throws Exception {
        return new DeltaSharingClient(bed.profile(), bed.settings().withLimits(limits));
    }

    /**
     * Two file actions with the same id would lose one file's rows and count another's twice (silently when the
     * files carry no stats): the query fails naming the line, is not asked again, and the copy already downloaded
     * stays the one that opens.
     */
    @Test
    void twoFilesWithTheSameIdFailTheQueryAndKeepTheCopyAlreadyLoaded() throws Exception {
        DeltaSharingClient client = bed.client();
        DownloadedTable earlier = downloadComplete(client);
        inject(Kind.DUPLICATE_FILE_ID, Target.QUERY, 1000);
        long before = bed.count("sharing", "/query");

        SharingException e = failure(() -> client.query(bed.anomaliesTable(), QueryOptions.latest()),
                Category.PROTOCOL);

        assertThat(e.getMessage()).contains("Line 4").contains("repeats the file id")
                .contains("of line 3").contains("Tell your data provider");
        assertThat(bed.count("sharing", "/query") - before).isEqualTo(1);
        assertThat(bed.waits).isEmpty();
        assertThat(client.openCached(bed.anomaliesTable(), QueryOptions.latest())).hasValueSatisfying(kept -> {
            assertThat(kept.snapshot().version()).isEqualTo(earlier.snapshot().version());
            assertThat(kept.files()).extracting(f -> f.file().id())
                    .containsExactlyElementsOf(earlier.files().stream().map(f -> f.file().id()).toList());
        });
    }

    /**
     * A server sending a byte every 50 ms never stalls long enough for the idle timeout (5 s here), so only the
     * call deadline ends the call; the message names the limit, and the call is not tried again.
     */
    @Test
    void anAnswerSentByteByByteEndsAtTheCallDeadlineAndIsNotAskedAgain() throws Exception {
        inject(Kind.TRICKLED_BODY, Target.METADATA, 1);
        DeltaSharingClient client = new DeltaSharingClient(bed.profile(), bed.settings()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withLimits(SharingLimits.defaults().withCallDeadline(Duration.ofSeconds(1), 1_000_000)));
        long before = bed.count("sharing", "/metadata");

        SharingException e = failure(() -> client.metadata(bed.anomaliesTable()), Category.NETWORK);

        assertThat(e.getMessage()).contains("did not finish sending its answer within 1 s")
                .contains("read the metadata of table").contains("little by little").contains("Try again later");
        assertThat(e.retryable()).isFalse();
        assertThat(bed.count("sharing", "/metadata") - before).isEqualTo(1);
        assertThat(bed.waits).isEmpty();
    }

    /** File downloads get the call deadline plus their size at the slowest rate allowed: 1 s + 1 s here. */
    @Test
    void aFileSentByteByByteEndsAtItsDownloadDeadlineWithNothingCached() throws Exception {
        DeltaSharingClient client = new DeltaSharingClient(bed.profile(), bed.settings()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withLimits(SharingLimits.defaults().withCallDeadline(Duration.ofSeconds(1), 1_000_000)));
        TableSnapshot snapshot = client.query(bed.anomaliesTable(), QueryOptions.latest());
        inject(Kind.TRICKLED_BODY, Target.FILE, 1000);

        SharingException e = failure(() -> client.download(snapshot, Progress.NONE), Category.NETWORK);

        assertThat(e.getMessage()).startsWith("Cloud storage at").contains("within 2 s").contains("download file");
        assertNothingCached(client);
    }

    /**
     * A line over the line limit is refused once, naming the limit, as soon as the limit is passed: not buffered
     * whole, not taken for a cut-off answer and fetched again. The default limit reads the same line.
     */
    @Test
    void aLineOverTheLineLimitIsRefusedOnceNamingTheLimit() throws Exception {
        inject(Kind.OVERSIZED_LINE, Target.QUERY, 1000);
        DeltaSharingClient client = limitedClient(SharingLimits.defaults().withAnswerSizes(100_000, 250_000_000));
        long before = bed.count("sharing", "/query");

        SharingException e = failure(() -> client.query(bed.anomaliesTable(), QueryOptions.latest()),
                Category.PROTOCOL);

        assertThat(e.getMessage()).contains("Line 3").contains("longer than 100000 bytes")
                .contains("trying again will not help").doesNotContain("cut off");
        assertThat(e.retryable()).isFalse();
        assertThat(bed.count("sharing", "/query") - before).isEqualTo(1);
        assertThat(bed.waits).isEmpty();
        assertThat(bed.client().query(bed.anomaliesTable(), QueryOptions.latest()).files()).hasSize(4);
    }

    @Test
    void anAnswerOverTheResponseLimitIsRefusedOnceNamingTheLimit() throws Exception {
        DeltaSharingClient client = limitedClient(SharingLimits.defaults().withAnswerSizes(10_000_000, 1_000));
        long before = bed.count("sharing", "/query");

        SharingException e = failure(() -> client.query(bed.anomaliesTable(), QueryOptions.latest()),
                Category.PROTOCOL);

        assertThat(e.getMessage()).contains("sent more than 1000 bytes").contains("list the files of table")
                .contains("trying again will not help");
        assertThat(bed.count("sharing", "/query") - before).isEqualTo(1);
        assertThat(bed.waits).isEmpty();
    }

    @Test
    void fileIdsWithBytesThatAreNotUtf8AreAProtocolErrorNotReplacementCharacters() throws Exception {
        inject(Kind.NON_UTF8_FILE_IDS, Target.QUERY, 1000);

        SharingException e = failure(() -> bed.client().query(bed.anomaliesTable(), QueryOptions.latest()),
                Category.PROTOCOL);

        assertThat(e.getMessage()).contains("Line 3").contains("not UTF-8");
        assertThat(bed.waits).isEmpty();
    }

    /** A listing is bounded across its pages: here one table a page, at most two tables. */
    @Test
    void aListingLongerThanTheItemLimitStopsNamingTheLimit() throws Exception {
        bed.server.setPageSizeCap(1);
        DeltaSharingClient client = limitedClient(SharingLimits.defaults().withListSizes(20_000_000, 2));
        long before = bed.count("sharing", "/all-tables");

        SharingException e = failure(() -> client.listAllTables(SHARE), Category.PROTOCOL);

        assertThat(e.getMessage()).contains("lists more than 2 tables in share " + SHARE)
                .contains("does not run out of memory");
        assertThat(bed.count("sharing", "/all-tables") - before).isEqualTo(3);
        assertThat(limitedClient(SharingLimits.defaults().withListSizes(20_000_000, 3)).listAllTables(SHARE))
                .hasSize(3);
    }

    /** Listed schema by schema (no all-tables call), the bound holds across the schemas too. */
    @Test
    void theItemLimitHoldsAcrossSchemasWhenTablesAreListedSchemaBySchema() throws Exception {
        inject(Kind.NOT_FOUND_404, Target.LIST, 1);
        DeltaSharingClient client = limitedClient(SharingLimits.defaults().withListSizes(20_000_000, 2));

        SharingException e = failure(() -> client.listAllTables(SHARE), Category.PROTOCOL);

        assertThat(e.getMessage()).contains("lists more than 2 tables in share " + SHARE);
        assertThat(client.listTables(SHARE, SCHEMA)).hasSize(2);
    }

    @Test
    void aListPageOverThePageLimitIsRefusedOnceNamingTheLimit() throws Exception {
        DeltaSharingClient client = limitedClient(SharingLimits.defaults().withListSizes(300, 100_000));
        long before = bed.count("sharing", "/all-tables");

        SharingException e = failure(() -> client.listAllTables(SHARE), Category.PROTOCOL);

        assertThat(e.getMessage()).contains("sent more than 300 bytes").contains("list the tables of share");
        assertThat(bed.count("sharing", "/all-tables") - before).isEqualTo(1);
        assertThat(bed.waits).isEmpty();
    }
}
