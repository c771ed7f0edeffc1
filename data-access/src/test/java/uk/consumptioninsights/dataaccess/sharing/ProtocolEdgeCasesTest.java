package uk.consumptioninsights.dataaccess.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.sharing.ScriptedServer.Answer;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.auth.StaticBearerToken;
import uk.consumptioninsights.dataaccess.sharing.http.ApiRequest;
import uk.consumptioninsights.dataaccess.sharing.http.ApiTransport;
import uk.consumptioninsights.dataaccess.sharing.http.EndpointAddress;
import uk.consumptioninsights.dataaccess.sharing.http.HttpFailures;
import uk.consumptioninsights.dataaccess.sharing.http.Redaction;
import uk.consumptioninsights.dataaccess.sharing.http.Retrier;
import uk.consumptioninsights.dataaccess.sharing.http.RetryPolicy;
import uk.consumptioninsights.model.work.Progress;

/** Protocol edge cases beyond the fixture's fault kinds, against a scripted loopback server. */
class ProtocolEdgeCasesTest {

    private static final String TOKEN = "edge-case-token-31415926";
    private static final String T = "/ds/shares/s/schemas/c/tables/t";
    private static final String PROTOCOL = "{\"protocol\":{\"minReaderVersion\":1}}";
    private static final String METADATA = "{\"metaData\":{\"id\":\"tbl-1\",\"format\":{\"provider\":\"parquet\"},"
            + "\"schemaString\":\"{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":[{\\\"name\\\":\\\"x\\\","
            + "\\\"type\\\":\\\"long\\\",\\\"nullable\\\":true,\\\"metadata\\\":{}}]}\",\"partitionColumns\":[]}}";
    private static final String END = "{\"endStreamAction\":{}}";
    private static final String CAPS = "responseformat=parquet;includeendstreamaction=true";

    @TempDir
    Path cache;
    private ScriptedServer server;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DeltaSharingClient client() throws Exception {
        SharingProfile profile = SharingProfile.parse("{\"shareCredentialsVersion\":1,\"endpoint\":\""
                + server.uri("/ds/") + "\",\"bearerToken\":\"" + TOKEN + "\"}");
        return new DeltaSharingClient(profile, SharingClientSettings.defaults().withCacheDir(cache)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1),
                        Duration.ofSeconds(10), 0))
                .withSleeper((d, p) -> waits.add(d)));
    }

    private String file(String id, String content) {
        return "{\"file\":{\"id\":\"" + id + "\",\"url\":\"" + server.uri("/storage/" + id) + "?sig=" + id
                + "\",\"partitionValues\":{},\"size\":" + content.length() + "}}";
    }

    private static SharingException failure(Throwable thrown, Category category) {
        assertThat(thrown).isInstanceOf(SharingException.class);
        SharingException e = (SharingException) thrown;
        assertThat(e.category()).as(e.getMessage()).isEqualTo(category);
        assertThat(e.getMessage()).doesNotContain(TOKEN);
        return e;
    }

    private static SharedTable table() {
        return new SharedTable("s", "c", "t");
    }

    @Test
    void aQueryWithoutDeltaTableVersionFails() throws Exception {
        server.on("POST " + T + "/query", r -> Answer.ndjson(-1, CAPS, PROTOCOL, METADATA, END));

        SharingException e = failure(catchThrowable(() -> client().query(table(), QueryOptions.latest())),
                Category.PROTOCOL);

        assertThat(e.getMessage()).contains("no Delta-Table-Version header");
    }

    @Test
    void metadataWithoutDeltaTableVersionOrWithAThirdLineFails() throws Exception {
        server.on("GET " + T + "/metadata", r -> Answer.ndjson(-1, null, PROTOCOL, METADATA));
        failure(catchThrowable(() -> client().metadata(table())), Category.PROTOCOL);

        server.on("GET " + T + "/metadata", r -> Answer.ndjson(2, null, PROTOCOL, METADATA, END));
        assertThat(catchThrowable(() -> client().metadata(table()))).hasMessageContaining("Line 3");
    }

    @Test
    void aDeltaFormatAnswerIsRefusedAsUnsupported() throws Exception {
        server.on("POST " + T + "/query", r -> Answer.ndjson(1, "responseformat=delta", PROTOCOL, METADATA));

        SharingException e = failure(catchThrowable(() -> client().query(table(), QueryOptions.latest())),
                Category.UNSUPPORTED);

        assertThat(e.getMessage()).contains("only the Parquet format");
    }

    @Test
    void aMissingPromisedEndIsRetriedThenReported() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.on("POST " + T + "/query", r -> calls.incrementAndGet() == 1
                ? Answer.ndjson(1, CAPS, PROTOCOL, METADATA, file("f1", "abc"))
                : Answer.ndjson(1, CAPS, PROTOCOL, METADATA, file("f1", "abc"), END));
        assertThat(client().query(table(), QueryOptions.latest()).files()).hasSize(1);
        assertThat(waits).hasSize(1);

        server.on("POST " + T + "/query", r -> Answer.ndjson(1, CAPS, PROTOCOL, METADATA, file("f1", "abc")));
        SharingException e = failure(catchThrowable(() -> client().query(table(), QueryOptions.latest())),
                Category.PROTOCOL);
        assertThat(e.getMessage()).contains("cut off").contains("tried 3 times");
    }

    @Test
    void aPaginatedQueryFollowsItsPagesWithTheSameBody() throws Exception {
        server.on("POST " + T + "/query", r -> r.body().contains("\"pageToken\":\"p/2+=\"")
                ? Answer.ndjson(4, CAPS, PROTOCOL, METADATA, file("f2", "de"), END)
                : Answer.ndjson(4, CAPS, PROTOCOL, METADATA, file("f1", "abc"),
                "{\"endStreamAction\":{\"nextPageToken\":\"p/2+=\"}}"));

        TableSnapshot snapshot = client().query(table(), QueryOptions.latest().withLimitHint(5));

        assertThat(snapshot.files()).extracting(SharedFile::id).containsExactly("f1", "f2");
        assertThat(server.received("/query")).hasSize(2).allSatisfy(r -> assertThat(r.body()).contains("\"limitHint\":5"));
    }

    @Test
    void aQueryWhosePagesNeverEndIsStopped() throws Exception {
        server.on("POST " + T + "/query", r -> Answer.ndjson(4, CAPS, PROTOCOL, METADATA, file("f1", "abc"),
                "{\"endStreamAction\":{\"nextPageToken\":\"again\"}}"));

        SharingException e = failure(catchThrowable(() -> client().query(table(), QueryOptions.latest())),
                Category.PROTOCOL);

        assertThat(e.getMessage()).contains("kept sending more pages");
    }

    @Test
    void anEmptyTableDownloadsToAnEmptyCompleteTable() throws Exception {
        server.on("POST " + T + "/query", r -> Answer.ndjson(0, CAPS, PROTOCOL, METADATA, END));
        DeltaSharingClient client = client();

        DownloadedTable table = client.download(client.query(table(), QueryOptions.latest()), Progress.NONE);

        assertThat(table.files()).isEmpty();
        assertThat(client.openCached(table(), QueryOptions.latest())).isPresent();
    }

    @Test
    void withoutSharedHistoryTheRefreshFallsBackToTheLatestSnapshot() throws Exception {
        AtomicInteger downloads = new AtomicInteger();
        server.on("POST " + T + "/query", r -> r.body().contains("\"version\"")
                ? new Answer(400, Map.of(), "{\"errorCode\":\"INVALID_PARAMETER_VALUE\",\"message\":\"history "
                + "sharing is not enabled\"}")
                : Answer.ndjson(7, CAPS, PROTOCOL, METADATA, file("f1", "abc"), END));
        server.on("GET /storage/f1", r -> downloads.incrementAndGet() == 1
                ? new Answer(403, Map.of(), "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>")
                : new Answer(200, Map.of(), "abc"));
        DeltaSharingClient client = client();

        DownloadedTable table = client.download(client.query(table(), QueryOptions.latest()), Progress.NONE);

        assertThat(table.files()).singleElement().satisfies(f -> assertThat(f.localPath()).hasContent("abc"));
        assertThat(server.received("/query")).extracting(r -> r.body().contains("\"version\":7"))
                .containsExactly(false, true, false);
        assertThat(server.received("/storage/")).hasSize(2).noneMatch(ScriptedServer.Received::hasAuthorization);
    }

    @Test
    void aFileOfTheWrongSizeIsFetchedAgainThenRefused() throws Exception {
        server.on("POST " + T + "/query", r -> Answer.ndjson(1, CAPS, PROTOCOL, METADATA, file("f1", "abcd"), END));
        server.on("GET /storage/f1", r -> new Answer(200, Map.of(), "abc"));
        DeltaSharingClient client = client();
        TableSnapshot snapshot = client.query(table(), QueryOptions.latest());

        SharingException e = failure(catchThrowable(() -> client.download(snapshot, Progress.NONE)), Category.STORAGE);

        assertThat(e.getMessage()).contains("arrived incomplete").contains("expected 4").contains("tried 3 times");
        assertThat(server.received("/storage/")).hasSize(3);
        assertThat(client.openCached(table(), QueryOptions.latest())).isEmpty();
    }

    @Test
    void aTableSharedForDirectAccessOnlyIsRefusedWithoutQuerying() throws Exception {
        server.on("GET /ds/shares/s/schemas/c/tables", r -> Answer.json("{\"items\":[{\"name\":\"t\",\"schema\":"
                + "\"c\",\"share\":\"s\",\"accessModes\":[\"dir\"]}]}"));
        DeltaSharingClient client = client();
        SharedTable listed = client.listTables("s", "c").get(0);

        SharingException e = failure(catchThrowable(() -> client.query(listed, QueryOptions.latest())),
                Category.UNSUPPORTED);

        assertThat(e.getMessage()).contains("direct cloud access only");
        assertThat(server.received("/query")).isEmpty();
    }

    @Test
    void aRedirectIsNotFollowedWithTheToken() throws Exception {
        try (ScriptedServer elsewhere = new ScriptedServer()) {
            server.on("GET /ds/shares", r -> new Answer(302, Map.of("Location",
                    elsewhere.uri("/ds/shares?sig=secret").toString()), ""));

            SharingException e = failure(catchThrowable(() -> client().listShares()), Category.PROTOCOL);

            assertThat(e.getMessage()).contains("redirected").doesNotContain("sig=secret");
            assertThat(elsewhere.received).isEmpty();
        }
    }

    @Test
    void pathSegmentsAndPageTokensAreEncoded() throws Exception {
        server.on("GET /ds/shares/50%25%20off/schemas", r -> r.query().contains("pageToken=")
                ? Answer.json("{\"items\":[{\"name\":\"b\"}]}")
                : Answer.json("{\"items\":[{\"name\":\"a\"}],\"nextPageToken\":\"x/y+z==\"}"));

        assertThat(client().listSchemas("50% off")).containsExactly("a", "b");
        assertThat(server.received("/schemas").get(1).query()).isEqualTo("maxResults=500&pageToken=x%2Fy%2Bz%3D%3D");
    }

    @Test
    void anUnreachableServerNamesTheHost() throws Exception {
        int closedPort;
        // A port just freed on loopback: nothing listens there, and no other interface was ever opened.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SharingProfile profile = SharingProfile.parse("{\"shareCredentialsVersion\":1,\"endpoint\":"
                + "\"http://127.0.0.1:" + closedPort + "/ds\",\"bearerToken\":\"" + TOKEN + "\"}");
        DeltaSharingClient client = new DeltaSharingClient(profile, SharingClientSettings.defaults()
                .withCacheDir(cache).withRetryPolicy(RetryPolicy.none()));

        SharingException e = failure(catchThrowable(client::listShares), Category.NETWORK);

        assertThat(e.getMessage()).contains("Cannot reach the sharing server at 127.0.0.1:" + closedPort);
        assertThat(e.retryable()).isTrue();
    }

    private static String metadata(String type, String partitionColumns) {
        return METADATA.replace("\\\"type\\\":\\\"long\\\"", "\\\"type\\\":\\\"" + type + "\\\"")
                .replace("\"partitionColumns\":[]", "\"partitionColumns\":" + partitionColumns);
    }

    /** Page 1 as given, page 2 (asked for with token "p2") with {@code secondMetadata} and {@code secondFile}. */
    private void twoPages(String secondMetadata, String secondFile) {
        server.on("POST " + T + "/query", r -> r.body().contains("\"pageToken\":\"p2\"")
                ? Answer.ndjson(4, CAPS, PROTOCOL, secondMetadata, secondFile, END)
                : Answer.ndjson(4, CAPS, PROTOCOL, METADATA, file("f1", "abc"),
                "{\"endStreamAction\":{\"nextPageToken\":\"p2\"}}"));
    }

    @Test
    void aPageWithOtherColumnsThanTheFirstIsRefusedNamingTheTableAndTheColumn() throws Exception {
        twoPages(metadata("string", "[]"), file("f2", "de"));

        SharingException e = failure(catchThrowable(() -> client().query(table(), QueryOptions.latest())),
                Category.PROTOCOL);

        assertThat(e.getMessage()).contains("Page 2").contains("s.c.t")
                .contains("column 'x' is string here and long on page 1").contains("cannot be put together");
        assertThat(e.retryable()).isFalse();
        assertThat(server.received("/query")).hasSize(2);
    }

    @Test
    void aPageWithOtherPartitionColumnsThanTheFirstIsRefused() throws Exception {
        twoPages(metadata("long", "[\"x\"]"), file("f2", "de"));

        SharingException e = failure(catchThrowable(() -> client().query(table(), QueryOptions.latest())),
                Category.PROTOCOL);

        assertThat(e.getMessage()).contains("Page 2").contains("s.c.t")
                .contains("is partitioned by 'x', page 1 by nothing");
    }

    @Test
    void aFileIdRepeatedOnALaterPageIsRefused() throws Exception {
        twoPages(METADATA, file("f1", "abc"));

        SharingException e = failure(catchThrowable(() -> client().query(table(), QueryOptions.latest())),
                Category.PROTOCOL);

        assertThat(e.getMessage()).contains("Page 2").contains("repeats the file id 'f1' of page 1");
    }

    @Test
    void dotSegmentNamesAreRefusedBeforeAnyRequest() throws Exception {
        DeltaSharingClient client = client();

        SharingException share = failure(catchThrowable(() -> client.listSchemas("..")), Category.BAD_REQUEST);
        SharingException schema = failure(catchThrowable(() -> client.listTables("s", ".")), Category.BAD_REQUEST);
        failure(catchThrowable(() -> client.listAllTables(".")), Category.BAD_REQUEST);

        assertThat(share.getMessage()).contains("share name '..' cannot be asked for").contains("Check the share name");
        assertThat(schema.getMessage()).contains("schema name '.'");
        assertThat(catchThrowable(() -> new SharedTable("s", "..", "t"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema name cannot be '..'");
        assertThat(server.received).isEmpty();
    }

    @Test
    void listedNamesThatAreDotSegmentsAreSkipped() throws Exception {
        server.on("GET /ds/shares", r -> Answer.json("{\"items\":[{\"name\":\"..\"},{\"name\":\"sales\"},"
                + "{\"name\":\".\"}]}"));
        server.on("GET /ds/shares/s/all-tables", r -> Answer.json("{\"items\":[{\"name\":\"t\",\"schema\":\"..\","
                + "\"share\":\"s\"},{\"name\":\"..\",\"schema\":\"c\",\"share\":\"s\"},{\"name\":\"u\",\"schema\":\"c\","
                + "\"share\":\"s\"}]}"));
        DeltaSharingClient client = client();

        assertThat(client.listShares()).containsExactly("sales");
        assertThat(client.listAllTables("s")).containsExactly(new SharedTable("s", "c", "u"));
    }

    @Test
    void aListedTableOfAnotherSchemaIsRefused() throws Exception {
        server.on("GET /ds/shares/s/schemas/c/tables", r -> Answer.json("{\"items\":[{\"name\":\"t\",\"schema\":"
                + "\"c\",\"share\":\"s\"},{\"name\":\"u\",\"schema\":\"other\",\"share\":\"s\"}]}"));

        SharingException e = failure(catchThrowable(() -> client().listTables("s", "c")), Category.PROTOCOL);

        assertThat(e.getMessage()).contains("holds table 'u' of schema 'other', not of the schema 'c'");
    }

    @Test
    void aListPageWithBytesThatAreNotUtf8IsAProtocolError() throws Exception {
        byte[] body = "{\"items\":[{\"name\":\"caf\u00e9\"},{\"name\":\"cafX\"}]}".getBytes(StandardCharsets.UTF_8);
        body[body.length - 5] = (byte) 0xE9;
        server.on("GET /ds/shares", r -> new Answer(200, Map.of("Content-Type", "application/json"), body));

        SharingException e = failure(catchThrowable(() -> client().listShares()), Category.PROTOCOL);

        assertThat(e.getMessage()).contains("list of shares holds bytes that are not UTF-8");
        assertThat(waits).isEmpty();
    }

    @Test
    void anAccessTokenWithALineBreakIsRefusedWithoutQuotingIt() throws Exception {
        String accessToken = "oauth-access-4f2a\r\nX-Injected: 1";
        server.on("POST /oauth/token", r -> Answer.json("{\"access_token\":\"" + accessToken.replace("\r", "\\r")
                .replace("\n", "\\n") + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        SharingProfile profile = SharingProfile.parse("{\"shareCredentialsVersion\":2,\"type\":"
                + "\"oauth_client_credentials\",\"endpoint\":\"" + server.uri("/ds") + "\",\"tokenEndpoint\":\""
                + server.uri("/oauth/token") + "\",\"clientId\":\"recipient\",\"clientSecret\":\"" + TOKEN + "\"}");
        DeltaSharingClient client = new DeltaSharingClient(profile, SharingClientSettings.defaults()
                .withCacheDir(cache).withRetryPolicy(RetryPolicy.none()));

        SharingException e = failure(catchThrowable(client::listShares), Category.AUTH);

        assertThat(e.getMessage()).contains("access token holding a line break").doesNotContain("oauth-access-4f2a")
                .doesNotContain("X-Injected");
        assertThat(server.received("/ds/")).isEmpty();
    }

    @Test
    void aBearerTokenWithAControlCharacterCannotBeMadeAndIsNeverQuoted() {
        assertThat(catchThrowable(() -> new SharingProfile.BearerToken("edge-case\u0000token")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a control character")
                .hasMessageNotContaining("edge-case");
    }

    /** The transport's own guard, for a token that reached it unchecked: Java's refusal would quote the header. */
    @Test
    void aTokenThatCannotTravelInAHeaderFailsTheCallWithoutQuotingIt() {
        Redaction redaction = new Redaction();
        java.time.Clock clock = java.time.Clock.systemUTC();
        ApiTransport transport = new ApiTransport(new EndpointAddress(server.uri("/ds")),
                new StaticBearerToken("edge-case\ntoken-2718", null, clock), java.net.http.HttpClient.newHttpClient(),
                new Retrier(RetryPolicy.none(), (d, p) -> waits.add(d)), Duration.ofSeconds(2), "test",
                new HttpFailures(redaction, clock, () -> "advice"), redaction, SharingLimits.defaults());

        SharingException e = failure(catchThrowable(() -> transport.send(ApiRequest.get(List.of("shares"), Map.of(),
                "list the shares", "The list of shares"), Progress.NONE, (headers, body) -> "read")), Category.AUTH);

        assertThat(e.getMessage()).contains("cannot be sent").doesNotContain("edge-case").doesNotContain("2718");
        assertThat(e.getCause()).isNull();
        assertThat(server.received).isEmpty();
    }
}
