package uk.consumptioninsights.dataaccess.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.sharing.ScriptedServer.Answer;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.http.RetryPolicy;
import uk.consumptioninsights.model.work.Progress;

/** Change data feed answers the fixture never gives, against a scripted loopback server. */
class ChangesEdgeCasesTest {

    private static final String TOKEN = "changes-edge-token-16180339";
    private static final String T = "/ds/shares/s/schemas/c/tables/t";
    private static final String PROTOCOL = "{\"protocol\":{\"minReaderVersion\":1}}";
    private static final String METADATA = "{\"metaData\":{\"id\":\"tbl-1\",\"format\":{\"provider\":\"parquet\"},"
            + "\"schemaString\":\"{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":[{\\\"name\\\":\\\"x\\\","
            + "\\\"type\\\":\\\"long\\\",\\\"nullable\\\":true,\\\"metadata\\\":{}}]}\",\"partitionColumns\":[],"
            + "\"configuration\":{\"delta.enableChangeDataFeed\":\"true\"}}}";
    private static final String END = "{\"endStreamAction\":{}}";
    private static final String CAPS = "responseformat=parquet;includeendstreamaction=true";

    @TempDir
    Path cache;
    private ScriptedServer server;

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
                .withSleeper((d, p) -> { }));
    }

    private String cdf(String id, long version) {
        return "{\"cdf\":{\"id\":\"" + id + "\",\"url\":\"" + server.uri("/storage/" + id) + "?sig=" + id
                + "\",\"partitionValues\":{},\"size\":10,\"version\":" + version + ",\"timestamp\":1652141000000}}";
    }

    private static SharedTable table() {
        return new SharedTable("s", "c", "t");
    }

    private static SharingException failure(Throwable thrown, Category category) {
        assertThat(thrown).isInstanceOf(SharingException.class);
        SharingException e = (SharingException) thrown;
        assertThat(e.category()).as(e.getMessage()).isEqualTo(category);
        assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("sig=");
        return e;
    }

    @Test
    void aChangeOfAVersionOutsideTheAskedRangeIsRefused() throws Exception {
        server.on("GET " + T + "/changes", r -> Answer.ndjson(2, CAPS, PROTOCOL, METADATA, cdf("c1", 2), cdf("c2", 5),
                END));

        SharingException e = failure(catchThrowable(() -> client().changes(table(),
                ChangeRange.fromVersion(2).toVersion(3), Progress.NONE)), Category.PROTOCOL);

        assertThat(e.getMessage()).contains("version 5").contains("'c2'").contains("outside the versions 2 to 3")
                .contains("Tell your data provider");
    }

    @Test
    void withoutTheOptionalVersionHeaderTheStartOfATimeRangeIsAskedFor() throws Exception {
        server.on("GET " + T + "/changes", r -> Answer.ndjson(-1, CAPS, PROTOCOL, METADATA, cdf("c1", 7), END));
        server.on("GET " + T + "/version", r -> new Answer(200, Map.of("Delta-Table-Version", "7"), ""));

        TableChanges changes = client().changes(table(), ChangeRange.fromTimestamp(
                Instant.parse("2026-11-01T00:00:00Z")).toVersion(8), Progress.NONE);

        assertThat(changes.startingVersion()).isEqualTo(7);
        assertThat(changes.endingVersion()).isEqualTo(8);
        assertThat(changes.files()).singleElement().satisfies(f -> assertThat(f.commitVersion()).isEqualTo(7));
        assertThat(server.received("/version")).singleElement().satisfies(r -> assertThat(r.query())
                .isEqualTo("startingTimestamp=2026-11-01T00%3A00%3A00Z"));
        assertThat(server.received("/changes")).singleElement().satisfies(r -> assertThat(r.query())
                .contains("startingTimestamp=2026-11-01T00%3A00%3A00Z").contains("endingVersion=8"));
    }

    @Test
    void aChangesAnswerCutOffBeforeItsPromisedEndIsRetriedThenReported() throws Exception {
        server.on("GET " + T + "/changes", r -> Answer.ndjson(0, CAPS, PROTOCOL, METADATA, cdf("c1", 0)));

        SharingException e = failure(catchThrowable(() -> client().changes(table(),
                ChangeRange.fromVersion(0).toVersion(0), Progress.NONE)), Category.PROTOCOL);

        assertThat(e.getMessage()).contains("cut off before its end").contains("Try again");
        assertThat(server.received("/changes")).hasSizeGreaterThan(1);
    }

    @Test
    void anotherRefusalOfATableWithChangeDataFeedStandsAsTheServerPutIt() throws Exception {
        server.on("GET " + T + "/changes", r -> new Answer(400, Map.of("Content-Type", "application/json"),
                "{\"errorCode\":\"INVALID_PARAMETER_VALUE\",\"message\":\"The provided timestamp is before the "
                        + "earliest version available to this table\"}"));
        server.on("GET " + T + "/metadata", r -> Answer.ndjson(3, null, PROTOCOL, METADATA));

        SharingException e = failure(catchThrowable(() -> client().changes(table(),
                ChangeRange.fromVersion(0).toVersion(1), Progress.NONE)), Category.BAD_REQUEST);

        assertThat(e.getMessage()).contains("before the earliest version");
    }
}
